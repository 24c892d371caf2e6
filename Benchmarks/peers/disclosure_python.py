#!/usr/bin/env python3
"""Peer benchmark: what a technical user would script with python-docx and matplotlib to write a final-accounts
disclosure (the same text, the seven charts drawn as PNG pictures, the statements as tables), and to read disclosures
back for checking (every paragraph and table cell extracted; no checks at all, so a lower bound for a checker).

usage: disclosure_python.py write DISCLOSURE.md STATEMENTS.xlsx COUNT
       disclosure_python.py read FOLDER_OF_DOCX
DISCLOSURE.md and STATEMENTS.xlsx are Jixiao's own output for the same data, so both tools write the same text.
"""
import io
import os
import sys
import tempfile
import time

import docx
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import openpyxl
from docx.shared import Cm


def parse_markdown(path):
    """Headings, paragraphs and the charts' data (each chart is a small table followed by its caption)."""
    blocks, table = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("|"):
            if "---" not in line:
                table.append([cell.strip() for cell in line.strip("|").split("|")])
            continue
        if table and line.startswith("图"):
            blocks.append(("chart", line, table))
            table = []
            continue
        if table:
            blocks.append(("table", "", table))
            table = []
        if not line or line == "---":
            continue
        blocks.append(("heading" if line.startswith("#") else "paragraph", line.lstrip("#").strip(), None))
    return blocks


def chart_png(caption, rows):
    header, data = rows[0], rows[1:]
    figure, axis = plt.subplots(figsize=(6, 3))
    labels = [row[0] for row in data]
    if len(header) == 2:  # one series: a pie
        values = [float(row[1] or 0) for row in data]
        axis.pie(values, labels=None, autopct="%1.1f%%")
        axis.legend(labels, fontsize=6)
    else:  # a series per year: bars
        width = 0.8 / (len(header) - 1)
        for index, name in enumerate(header[1:]):
            values = [float(row[index + 1] or 0) for row in data]
            axis.bar([x + index * width for x in range(len(labels))], values, width, label=name)
        axis.legend(fontsize=6)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    buffer.seek(0)
    return buffer


def write(markdown, statements, count):
    blocks = parse_markdown(markdown)
    workbook = openpyxl.load_workbook(statements)
    sheets = [[[("" if cell is None else str(cell)) for cell in row] for row in sheet.iter_rows(values_only=True)] for sheet in workbook]
    folder = tempfile.mkdtemp()
    start = time.perf_counter()
    for index in range(count):
        document = docx.Document()
        for kind, text, rows in blocks:
            if kind == "heading":
                document.add_heading(text, level=2)
            elif kind == "paragraph":
                document.add_paragraph(text)
            elif kind == "chart":
                document.add_picture(chart_png(text, rows), width=Cm(15))
                document.add_paragraph(text)
        for sheet in sheets:
            width = max(len(row) for row in sheet)
            table = document.add_table(rows=len(sheet), cols=width)
            for r, row in enumerate(sheet):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        document.save(os.path.join(folder, f"disclosure-{index}.docx"))
    elapsed = time.perf_counter() - start
    print(f"python-docx + matplotlib: wrote {count} disclosures in {elapsed:.2f} s: {elapsed * 1000 / count:.2f} ms each (1 core)")


def read(folder):
    files = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".docx"))
    start = time.perf_counter()
    characters = 0
    for path in files:
        document = docx.Document(path)
        characters += sum(len(p.text) for p in document.paragraphs)
        for table in document.tables:
            for row in table.rows:
                characters += sum(len(cell.text) for cell in row.cells)
    elapsed = time.perf_counter() - start
    print(f"python-docx: read {len(files)} disclosures (text of paragraphs and cells only) in {elapsed:.2f} s: {elapsed * 1000 / max(len(files), 1):.2f} ms each (1 core)")


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        read(sys.argv[2])
