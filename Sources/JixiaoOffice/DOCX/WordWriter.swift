import Foundation
import ZIPFoundation

/// Writes a plain Word document (DOCX) of paragraphs and tables: the minimum Word, WPS and LibreOffice open.
/// The official GB/T 9704 layout builds on this (issue 3 of the roadmap); here it serves tests and samples.
public enum WordWriter {
    /// A block of the body.
    public enum Block: Sendable {
        case paragraph(String)
        /// Rows of cell texts; a cell's line breaks become separate paragraphs.
        case table([[String]])
    }

    public static func document(_ blocks: [Block]) throws -> Data {
        var body = ""
        for block in blocks {
            switch block {
            case .paragraph(let text): body += paragraph(text)
            case .table(let rows):
                body += "<w:tbl><w:tblPr><w:tblBorders>"
                    + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\"/>" }.joined()
                    + "</w:tblBorders></w:tblPr>"
                for row in rows {
                    body += "<w:tr>" + row.map { cell in
                        "<w:tc>" + cell.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph(String($0)) }.joined() + "</w:tc>"
                    }.joined() + "</w:tr>"
                }
                body += "</w:tbl>"
            }
        }
        let document = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
            + body + #"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
        return try OfficeArchive.write([
            "[Content_Types].xml": #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
            "_rels/.rels": #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
            "word/_rels/document.xml.rels": #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>"#,
            "word/document.xml": document,
        ].map { ($0.key, Data($0.value.utf8)) })
    }

    static func paragraph(_ text: String) -> String {
        "<w:p><w:r><w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r></w:p>"
    }
}

/// Escaping text for XML content and attributes.
enum XMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default:
                // Control characters other than tab and line breaks are not allowed in XML 1.0.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
