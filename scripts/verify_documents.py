#!/usr/bin/env python3
"""Opens the documents `jixiao report` wrote with the libraries users script against (python-docx, openpyxl) and
checks their content and their print layout (issue [11]): GB/T 9704 page, grid and page numbers, repeated table
headers, column widths that keep numbers whole; the 自评表's row heights, borders, numeric cells, print area and
titles. With --pdf it also reads the PDF LibreOffice made of the report (28 characters a line, page numbers at the
outer edge).

usage: verify_documents.py REPORT.docx TABLE.xlsx [--pdf REPORT.pdf]
"""
import math
import re
import subprocess
import sys
import zipfile

import docx
import openpyxl
from docx.shared import Pt

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUMBER = re.compile(r"^[0-9][0-9.,%/:\-]*$")


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)
    print("ok:", message)


def verify_docx(path):
    document = docx.Document(path)
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    check("攀枝花市东区应急管理局项目支出" in text, "python-docx reads the title")
    check("预算执行率为85.23%" in text, "python-docx reads the generated sentences")
    check("mof-2020-project" not in text and "默认" not in text, "the official text names the rules by their official name")
    check("无。" not in text and "【请单位补充" in text, "存在的问题 and 相关建议 say what the data show and leave a placeholder, never 无")
    paragraphs = [p.text for p in document.paragraphs]
    check(len([p for p in paragraphs if p.startswith("进一步提高安全生产监管水平")]) == 1, "the unit's goal paragraph appears once")
    check("1.资金计划。" in paragraphs and "3． 资金使用。" in paragraphs, "the unit's sub-headings are kept")
    check(any("409094元" in p for p in paragraphs), "the unit's own amounts and units are kept")

    section = document.sections[0]
    margins = [round(x.mm) for x in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)]
    check(margins == [37, 35, 28, 26], f"GB/T 9704 margins 37/35/28/26 mm ({margins})")
    normal = document.styles["Normal"]
    check(normal.font.size == Pt(16), "body text 三号 (16 pt)")
    spacing = normal.element.find(f"{W}rPr/{W}spacing")
    text_width = Pt((section.page_width - section.left_margin - section.right_margin) / 12700)
    pitch = 16 + int(spacing.get(f"{W}val")) / 20
    check(math.floor(text_width.pt / pitch) == 28, f"28 characters a line ({text_width.pt:.1f} pt / {pitch} pt)")
    line = normal.element.find(f"{W}pPr/{W}spacing")
    check(line.get(f"{W}line") == "560" and line.get(f"{W}lineRule") == "exact", "fixed 28 pt lines: 22 a page")

    with zipfile.ZipFile(path) as package:
        settings = package.read("word/settings.xml").decode()
        footers = {name: package.read(name).decode() for name in package.namelist() if name.startswith("word/footer")}
    check("evenAndOddHeaders" in settings, "odd and even pages have their own footers")
    odd = section.footer.paragraphs[0]
    even = section.even_page_footer.paragraphs[0]
    check(odd.alignment == 2 and even.alignment == 0, "page numbers at the outer edge: odd pages right, even pages left")
    check(all("PAGE" in xml for xml in footers.values()), "the footers carry the page number field")

    tables = document.tables
    check(len(tables) == 3, "the 自评表 (its blocks, then its indicator table) and the scoring annex")
    cells = {cell.text for table in tables[:2] for row in table.rows for cell in row.cells}
    check("40.91" in cells and "85.23%" in cells, "the 自评表 carries the amounts and the rate")
    for index in (1, 2):
        header = tables[index].rows[0]._tr.find(f"{W}trPr/{W}tblHeader")
        check(header is not None, f"table {index + 1}'s header row repeats on every page")
    for number, table in enumerate(tables, start=1):
        widths = [int(col.get(f"{W}w")) for col in table._tbl.find(f"{W}tblGrid").findall(f"{W}gridCol")]
        for row in table.rows:
            column = 0
            for tc in row._tr.findall(f"{W}tc"):
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                span = int(span.get(f"{W}val")) if span is not None else 1
                content = "".join(t.text or "" for t in tc.iter(f"{W}t")).strip()
                if span == 1 and NUMBER.match(content):
                    need = len(content) * 120 + 114
                    if widths[column] < need:
                        check(False, f"table {number}: “{content}” needs {need} twips, its column has {widths[column]}")
                column += span
    check(True, "every number fits its column without breaking")


def verify_xlsx(path):
    workbook = openpyxl.load_workbook(path)
    check(workbook.sheetnames == ["自评表", "计分说明"], "openpyxl reads both sheets")
    sheet = workbook["自评表"]
    check(sheet["A1"].value.endswith("项目支出绩效自评表"), "openpyxl reads the title")
    check(len(sheet.merged_cells.ranges) >= 10, "merged cells survive")
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    check(40.9094 in values and 95.52 in values, "numbers are numbers")
    rate = next(cell for row in sheet.iter_rows() for cell in row if cell.number_format == "0.00%")
    check(rate.data_type == "n" and abs(rate.value - 0.8523) < 1e-9, f"执行率 is the number 0.8523 shown as 0.00% ({rate.value!r})")
    amounts = [cell for row in sheet.iter_rows() for cell in row if cell.number_format == "0.00"]
    check(amounts and all(cell.data_type == "n" for cell in amounts), "amounts are numbers with two decimals")
    last_row, last_column = sheet.max_row, sheet.max_column
    # A merged range's inner cells have no lines of their own; its first cell carries the range's border.
    unbordered = [cell.coordinate for row in sheet.iter_rows(min_row=2, max_row=last_row, max_col=last_column) for cell in row
                  if not isinstance(cell, openpyxl.cell.cell.MergedCell)
                  and not (cell.border.left.style and cell.border.right.style and cell.border.top.style and cell.border.bottom.style)]
    check(not unbordered, f"every cell of the form A2:{openpyxl.utils.get_column_letter(last_column)}{last_row} is bordered {unbordered[:5]}")
    goal = next(cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str) and cell.value.startswith("进一步提高"))
    height = sheet.row_dimensions[goal.row].height
    check(height is not None and height >= 60, f"the goal row is tall enough for its wrapped text ({height} pt)")
    tall = [r for r in range(2, last_row + 1) if sheet.row_dimensions[r].height]
    check(len(tall) >= 5, f"row heights are set from the text ({len(tall)} rows)")
    check(sheet.print_area is not None and f"$A$1:${openpyxl.utils.get_column_letter(last_column)}${last_row}" in str(sheet.print_area),
          f"the print area is the form ({sheet.print_area})")
    check(sheet.print_title_rows is not None, f"the indicator header repeats on every printed page ({sheet.print_title_rows})")
    check(sheet.page_setup.paperSize in (9, "9") and sheet.page_setup.fitToWidth in (1, "1"), "A4, fitted to the page width")


def verify_pdf(path):
    text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    lines = [line.strip() for page in pages for line in page.splitlines()]
    body = [line for line in lines if len(line) >= 20 and re.fullmatch(r"[\u4e00-\u9fff，、；：。“”（）]+", line)]
    # A comma or stop may hang past the last character (line-end punctuation rules), as in Word.
    longest = max(len(line.rstrip("，、；：。")) for line in body)
    check(longest == 28, f"LibreOffice sets 28 characters in a full line of Chinese text ({longest})")
    numbers = []
    for page in pages[:4]:
        for line in page.splitlines():
            match = re.fullmatch(r"(\s*)—\s*(\d+)\s*—\s*", line)
            if match:
                numbers.append((int(match.group(2)), len(match.group(1))))
    check(len(numbers) >= 3, f"page numbers “— N —” ({numbers})")
    odd = [indent for number, indent in numbers if number % 2 == 1]
    even = [indent for number, indent in numbers if number % 2 == 0]
    check(min(odd) > max(even) + 20, f"odd page numbers at the right, even ones at the left ({numbers})")


if __name__ == "__main__":
    verify_docx(sys.argv[1])
    verify_xlsx(sys.argv[2])
    if len(sys.argv) > 4 and sys.argv[3] == "--pdf":
        verify_pdf(sys.argv[4])
