#!/usr/bin/env python3
"""Peer benchmark: what a technical user would script with docxtpl (python-docx-template) to produce the same
report: a Word template with the title, the outline's headings and paragraphs, and the 自评表 and the annex as
table rows, filled from the data for each project. The template is built once (untimed) with python-docx.

usage: docxtpl_report.py REPORT.md TABLE.xlsx COUNT
REPORT.md and TABLE.xlsx are Jixiao's own output for the same data, so both tools write the same text.
"""
import os
import sys
import tempfile
import time

import docx
import openpyxl
from docxtpl import DocxTemplate


def blocks_from_markdown(path):
    title, blocks = "", []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("|") or line == "---":
            continue
        if line.startswith("# "):
            title = line[2:]
        elif line.startswith("#"):
            blocks.append({"heading": True, "text": line.lstrip("#").strip()})
        else:
            blocks.append({"heading": False, "text": line})
    return title, blocks


def rows_from_xlsx(path, sheet):
    worksheet = openpyxl.load_workbook(path)[sheet]
    return [["" if cell.value is None else str(cell.value) for cell in row] for row in worksheet.iter_rows()]


def build_template(path, columns_table, columns_annex):
    document = docx.Document()
    document.add_paragraph("{{ title }}")
    document.add_paragraph("{%p for b in blocks %}")
    document.add_paragraph("{{ b.text }}")
    document.add_paragraph("{%p endfor %}")
    for name, columns in (("table", columns_table), ("annex", columns_annex)):
        table = document.add_table(rows=3, cols=columns)
        table.style = "Table Grid"
        table.rows[0].cells[0].text = "{%tr for r in " + name + " %}"
        for index in range(columns):
            table.rows[1].cells[index].text = "{{ r[%d] }}" % index
        table.rows[2].cells[0].text = "{%tr endfor %}"
    document.save(path)


def main():
    markdown, workbook, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    title, blocks = blocks_from_markdown(markdown)
    table, annex = rows_from_xlsx(workbook, "自评表"), rows_from_xlsx(workbook, "计分说明")
    folder = tempfile.mkdtemp(prefix="docxtpl-")
    template = os.path.join(folder, "template.docx")
    build_template(template, len(table[0]), len(annex[0]))
    start = time.perf_counter()
    for index in range(count):
        document = DocxTemplate(template)
        document.render({"title": title, "blocks": blocks, "table": table, "annex": annex})
        document.save(os.path.join(folder, "report-%d.docx" % index))
    elapsed = time.perf_counter() - start
    print("docxtpl: %d reports in %.2f s: %.3f ms per report" % (count, elapsed, elapsed * 1000 / count))


if __name__ == "__main__":
    main()
