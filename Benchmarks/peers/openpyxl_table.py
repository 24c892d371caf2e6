#!/usr/bin/env python3
"""Peer benchmark: openpyxl writing the same 自评表 Jixiao writes: every cell with its value, font, border,
alignment and number format, the merged ranges, column widths and print setup, COUNT times.

usage: openpyxl_table.py TABLE.xlsx COUNT   (TABLE.xlsx is Jixiao's output; it is read once, untimed)
"""
import copy
import os
import sys
import tempfile
import time

import openpyxl


def main():
    source, count = sys.argv[1], int(sys.argv[2])
    workbook = openpyxl.load_workbook(source)
    sheets = []
    for worksheet in workbook.worksheets:
        cells = [(cell.coordinate, cell.value, copy.copy(cell.font), copy.copy(cell.border), copy.copy(cell.alignment),
                  cell.number_format) for row in worksheet.iter_rows() for cell in row]
        merges = [str(rng) for rng in worksheet.merged_cells.ranges]
        widths = {key: dimension.width for key, dimension in worksheet.column_dimensions.items()}
        sheets.append((worksheet.title, cells, merges, widths))
    folder = tempfile.mkdtemp(prefix="openpyxl-")
    start = time.perf_counter()
    for index in range(count):
        out = openpyxl.Workbook()
        out.remove(out.active)
        for title, cells, merges, widths in sheets:
            worksheet = out.create_sheet(title)
            for coordinate, value, font, border, alignment, number_format in cells:
                cell = worksheet[coordinate]
                cell.value = value
                cell.font, cell.border, cell.alignment, cell.number_format = font, border, alignment, number_format
            for rng in merges:
                worksheet.merge_cells(rng)
            for key, width in widths.items():
                worksheet.column_dimensions[key].width = width
            worksheet.page_setup.paperSize = 9
            worksheet.page_setup.fitToWidth = 1
        out.save(os.path.join(folder, "table-%d.xlsx" % index))
    elapsed = time.perf_counter() - start
    print("openpyxl: %d workbooks in %.2f s: %.3f ms per workbook" % (count, elapsed, elapsed * 1000 / count))


if __name__ == "__main__":
    main()
