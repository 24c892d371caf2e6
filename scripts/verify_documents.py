#!/usr/bin/env python3
"""Opens the documents `jixiao report` wrote with the libraries users script against (python-docx, openpyxl) and
checks their content, so CI proves they are valid outside Jixiao's own readers.

usage: verify_documents.py REPORT.docx TABLE.xlsx
"""
import sys

import docx
import openpyxl


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)
    print("ok:", message)


def verify_docx(path):
    document = docx.Document(path)
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    check("攀枝花市东区应急管理局项目支出" in text, "python-docx reads the title")
    check("实际支出40.91万元，结余7.09万元，预算执行率85.23%" in text, "python-docx reads the generated sentence")
    check(len(document.tables) == 2, "python-docx finds the 自评表 and the scoring annex")
    cells = {cell.text for row in document.tables[0].rows for cell in row.cells}
    check("40.91" in cells and "85.23%" in cells, "the 自评表 carries the amounts")
    section = document.sections[0]
    check(round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28, "GB/T 9704 margins")


def verify_xlsx(path):
    workbook = openpyxl.load_workbook(path)
    check(workbook.sheetnames == ["自评表", "计分说明"], "openpyxl reads both sheets")
    sheet = workbook["自评表"]
    check(sheet["A1"].value.endswith("项目支出绩效自评表"), "openpyxl reads the title")
    check(len(sheet.merged_cells.ranges) >= 10, "merged cells survive")
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    check(40.9094 in values and 95.52 in values, "numbers are numbers")


if __name__ == "__main__":
    verify_docx(sys.argv[1])
    verify_xlsx(sys.argv[2])
