import Foundation

/// Writes Word documents (DOCX) in the official layout of ``WordLayout``: a title, numbered headings, indented
/// body paragraphs and tables, with page numbers and core properties; valid for Word, WPS, LibreOffice and
/// python-docx.
public enum WordWriter {
    /// A block of the body.
    public enum Block: Sendable {
        case title(String)
        /// A heading of level 1 (一、) or 2 (（一）).
        case heading(Int, String)
        /// A body paragraph with the two-character first-line indent.
        case paragraph(String)
        /// A paragraph without indent, centred ("（应急管理专项经费）", annex headings).
        case centered(String)
        case table(WordTable)
        /// A native chart, the width of the text and half as high.
        case chart(WordChart)
        case pageBreak
    }

    public static func document(_ blocks: [Block], title: String? = nil, layout: WordLayout = .gbt9704) throws -> Data {
        var body = ""
        var charts: [WordChart] = []
        for block in blocks {
            switch block {
            case .title(let text): body += paragraph(text, style: "JixiaoTitle")
            case .heading(let level, let text): body += paragraph(text, style: level <= 1 ? "JixiaoHeading1" : "JixiaoHeading2")
            case .paragraph(let text): body += paragraph(text, style: nil)
            case .centered(let text): body += paragraph(text, style: "JixiaoCentered")
            case .table(let table): body += tableXML(table, layout: layout)
            case .chart(let chart):
                charts.append(chart)
                let width = layout.textWidth * 635  // twips to EMU
                body += WordChart.inlineXML(number: charts.count, relationship: "rIdChart\(charts.count)", width: width, height: width / 2, title: chart.title)
            case .pageBreak: body += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
            }
        }
        let section = "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/><w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"
            + "<w:pgSz w:w=\"\(layout.pageWidth)\" w:h=\"\(layout.pageHeight)\"/>"
            + "<w:pgMar w:top=\"\(layout.marginTop)\" w:right=\"\(layout.marginRight)\" w:bottom=\"\(layout.marginBottom)\" w:left=\"\(layout.marginLeft)\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
            + "<w:docGrid w:type=\"lines\" w:linePitch=\"\(layout.lineSpacing)\"/></w:sectPr>"
        let document = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>"#
            + body + section + "</w:body></w:document>"
        var parts: [(String, Data)] = []
        for (index, chart) in charts.enumerated() {
            let number = index + 1
            parts.append(("word/charts/chart\(number).xml", Data(chart.partXML(embeddingID: "rIdData").utf8)))
            parts.append(("word/charts/_rels/chart\(number).xml.rels", Data(WordParts.chartRelationships(number).utf8)))
            parts.append(("word/embeddings/chart\(number).xlsx", try WorkbookWriter.write([chart.worksheet], title: chart.title)))
        }
        return try OfficeArchive.write(parts + [
            ("[Content_Types].xml", Data(WordParts.contentTypes(charts: charts.count).utf8)),
            ("_rels/.rels", Data(PackageParts.rootRelationships(mainPart: "word/document.xml").utf8)),
            ("docProps/core.xml", Data(PackageParts.coreProperties(title: title).utf8)),
            ("word/_rels/document.xml.rels", Data(WordParts.documentRelationships(charts: charts.count).utf8)),
            ("word/document.xml", Data(document.utf8)),
            ("word/styles.xml", Data(WordParts.styles(layout).utf8)),
            ("word/settings.xml", Data(WordParts.settings.utf8)),
            ("word/footer1.xml", Data(WordParts.footer(odd: true).utf8)),
            ("word/footer2.xml", Data(WordParts.footer(odd: false).utf8)),
        ])
    }

    static func paragraph(_ text: String, style: String?) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        if !text.utf8.contains(0x0A) {
            return "<w:p>" + properties + "<w:r><w:t xml:space=\"preserve\">" + XMLText.escape(text) + "</w:t></w:r></w:p>"
        }
        let runs = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            "<w:r><w:t xml:space=\"preserve\">\(XMLText.escape(String($0)))</w:t></w:r>"
        }.joined(separator: "<w:r><w:br/></w:r>")
        return "<w:p>\(properties)\(runs)</w:p>"
    }

    static func tableXML(_ table: WordTable, layout: WordLayout) -> String {
        let columns = table.rows.map { $0.reduce(0) { $0 + $1.columnSpan } }.max() ?? 1
        let widths = table.columnWidths.count == columns
            ? table.columnWidths : Array(repeating: layout.textWidth / max(columns, 1), count: columns)
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"JixiaoTable\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }.joined()
            + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
            + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for (index, row) in table.rows.enumerated() {
            xml += "<w:tr><w:trPr><w:cantSplit/>\(index < table.headerRows ? "<w:tblHeader/>" : "")</w:trPr>"
            var column = 0
            for cell in row {
                let width = widths[column..<min(column + cell.columnSpan, widths.count)].reduce(0, +)
                column += cell.columnSpan
                var properties = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
                if cell.columnSpan > 1 { properties += "<w:gridSpan w:val=\"\(cell.columnSpan)\"/>" }
                if cell.startsMerge { properties += "<w:vMerge w:val=\"restart\"/>" }
                if cell.continuesAbove { properties += "<w:vMerge/>" }
                properties += "<w:vAlign w:val=\"center\"/>"
                let text = cell.continuesAbove ? "" : cell.text
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let paragraphs = lines.map { line in
                    "<w:p><w:pPr><w:pStyle w:val=\"JixiaoTableText\"/>\(cell.alignLeft ? "<w:jc w:val=\"left\"/>" : "")</w:pPr><w:r>\(cell.bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(XMLText.escape(String(line)))</w:t></w:r></w:p>"
                }.joined()
                xml += "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraphs)</w:tc>"
            }
            xml += "</w:tr>"
        }
        // Two tables need a paragraph between them; a form's parts get one a point high.
        let after = table.joinsNext
            ? #"<w:p><w:pPr><w:spacing w:line="20" w:lineRule="exact" w:before="0" w:after="0"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>"#
            : "<w:p/>"
        return xml + "</w:tbl>" + after
    }
}
