import Foundation
import JixiaoCore
import JixiaoOffice

/// Writes ``ReportContent`` as DOCX (GB/T 9704 layout), print-friendly HTML, or Markdown.
public enum ReportRenderers {
    public static func docx(_ content: ReportContent) throws -> Data {
        var blocks: [WordWriter.Block] = [.title(content.title)]
        if let subtitle = content.subtitle { blocks.append(.centered(subtitle)) }
        for block in content.blocks {
            switch block {
            case .heading(let level, let text): blocks.append(.heading(level, text))
            case .paragraph(let text): blocks.append(.paragraph(text))
            case .caption(let text): blocks.append(.centered(text))
            case .table(let content, let headerRows):
                blocks += wordTables(content, headerRows: headerRows)
            case .chart(let chart): blocks += [.chart(chart), .centered(chart.title)]
            case .pageBreak: blocks.append(.pageBreak)
            }
        }
        return try WordWriter.document(blocks, title: content.title.replacingOccurrences(of: "\n", with: ""))
    }

    /// A sheet as Word tables. A form whose repeated header is not its first row (the 自评表's indicator table under
    /// its budget and goal blocks) is two tables, so Word repeats that header on every page.
    static func wordTables(_ content: WorksheetContent, headerRows: Int) -> [WordWriter.Block] {
        let layout = WordLayout.gbt9704
        let whole = content.grid
        let weights = content.proportionalWidths(total: layout.textWidth, columns: whole.columnCount)
        let widths = WordTable(sheet: whole).fittedWidths(total: layout.textWidth, fontSize: layout.tableSize / 2, weights: weights)
        func table(_ part: WorksheetContent, headerRows: Int, joinsNext: Bool = false) -> WordWriter.Block {
            var table = WordTable(sheet: part.grid, headerRows: headerRows, columnWidths: widths)
            table.joinsNext = joinsNext
            return .table(table)
        }
        guard headerRows == 0, let titles = content.printTitleRows, titles.lowerBound > 1, let last = content.usedRange?.end.row else {
            return [table(content, headerRows: headerRows)]
        }
        return [
            table(content.rows(1...(titles.lowerBound - 1)), headerRows: 0, joinsNext: true),
            table(content.rows(titles.lowerBound...last), headerRows: titles.count),
        ]
    }

    public static func html(_ content: ReportContent) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(escape(content.title))</title>
            <style>
            @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
            body { font-family: "仿宋_GB2312", "FangSong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; max-width: 156mm; margin: 2em auto; }
            h1 { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; }
            h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; }
            h3 { font-family: "楷体_GB2312", "KaiTi", "Noto Serif CJK SC", serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
            p { text-indent: 2em; margin: 0; text-align: justify; }
            p.caption, p.subtitle { text-indent: 0; text-align: center; }
            table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.4; margin: 1em 0; }
            td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; white-space: pre-line; }
            thead { display: table-header-group; }
            .break { page-break-before: always; }
            </style></head><body>
            <h1>\(escape(content.title).replacingOccurrences(of: "\n", with: "<br>"))</h1>

            """
        html += htmlBody(content)
        return html + "</body></html>\n"
    }

    /// The report's body as HTML elements (headings, paragraphs, tables, SVG charts), for a page of its own or inside
    /// another (the web application's document page); every text escaped.
    public static func htmlBody(_ content: ReportContent) -> String {
        var html = ""
        if let subtitle = content.subtitle { html += "<p class=\"subtitle\">\(escape(subtitle))</p>\n" }
        var breakNext = false
        for block in content.blocks {
            let breakClass = breakNext ? " class=\"break\"" : ""
            switch block {
            case .heading(let level, let text): html += "<h\(min(level, 2) + 1)\(breakClass)>\(escape(text))</h\(min(level, 2) + 1)>\n"
            case .paragraph(let text): html += "<p\(breakClass)>\(escape(text))</p>\n"
            case .caption(let text): html += "<p class=\"caption\(breakNext ? " break" : "")\">\(escape(text))</p>\n"
            case .table(let content, let headerRows): html += table(content.grid, headerRows: headerRows)
            case .chart(let chart): html += ChartSVG.svg(chart) + "<p class=\"caption\">\(escape(chart.title))</p>\n"
            case .pageBreak:
                breakNext = true
                continue
            }
            breakNext = false
        }
        return html
    }

    /// An HTML table with rowspan and colspan from the sheet's merges.
    static func table(_ sheet: Sheet, headerRows: Int) -> String {
        var html = "<table>"
        for row in 1...max(sheet.rowCount, 1) {
            if row == 1 && headerRows > 0 { html += "<thead>" }
            html += "<tr>"
            var column = 1
            while column <= max(sheet.columnCount, 1) {
                let reference = CellReference(row: row, column: column)
                if let merge = sheet.merges.first(where: { $0.contains(reference) }) {
                    if merge.start == reference {
                        html += "<td rowspan=\"\(merge.end.row - merge.start.row + 1)\" colspan=\"\(merge.end.column - merge.start.column + 1)\">\(escape(sheet.text(row: row, column: column)))</td>"
                    }
                    column = merge.end.column + 1
                } else {
                    html += "<td>\(escape(sheet.text(row: row, column: column)))</td>"
                    column += 1
                }
            }
            html += "</tr>"
            if row == headerRows { html += "</thead>" }
        }
        return html + "</table>\n"
    }

    public static func markdown(_ content: ReportContent) -> String {
        var lines = ["# " + content.title.replacingOccurrences(of: "\n", with: ""), ""]
        if let subtitle = content.subtitle { lines += [subtitle, ""] }
        for block in content.blocks {
            switch block {
            case .heading(let level, let text): lines += [String(repeating: "#", count: level + 1) + " " + text, ""]
            case .paragraph(let text), .caption(let text): lines += [text, ""]
            case .table(let content, _):
                let sheet = content.grid
                let rows = sheet.rows.map { "| " + $0.map { $0.replacingOccurrences(of: "\n", with: "<br>").replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
                guard let first = rows.first else { continue }
                lines += [first, "|" + String(repeating: " --- |", count: max(sheet.columnCount, 1))] + rows.dropFirst() + [""]
            case .chart(let chart):
                lines += ["| 项目 | " + chart.series.map(\.name).joined(separator: " | ") + " |",
                          "|" + String(repeating: " --- |", count: chart.series.count + 1)]
                lines += chart.categories.enumerated().map { index, category in
                    "| \(category) | " + chart.series.map { index < $0.values.count ? $0.values[index] : "" }.joined(separator: " | ") + " |"
                }
                lines += ["", chart.title, ""]
            case .pageBreak: lines += ["---", ""]
            }
        }
        return lines.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
