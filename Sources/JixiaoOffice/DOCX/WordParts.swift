/// The fixed parts of the DOCX files ``WordWriter`` writes: content types, relationships, styles and the footer.
enum WordParts {
    /// The content types, with `charts` chart parts and their embedded workbooks.
    static func contentTypes(charts: Int) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
            + (charts > 0 ? #"<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>"# : "")
            + (0..<charts).map { "<Override PartName=\"/word/charts/chart\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>" }.joined()
            + "</Types>"
    }

    /// The document's relationships, with one per chart part (`rIdChart1` …).
    static func documentRelationships(charts: Int) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>"#
            + (0..<charts).map { "<Relationship Id=\"rIdChart\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"charts/chart\($0 + 1).xml\"/>" }.joined()
            + "</Relationships>"
    }

    /// A chart part's link to its embedded workbook.
    static func chartRelationships(_ number: Int) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + "<Relationship Id=\"rIdData\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" Target=\"../embeddings/chart\(number).xlsx\"/></Relationships>"
    }

    /// Different footers on odd and even pages, for page numbers at the outer edge.
    static let settings = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/></w:settings>"#

    /// "— 1 —": the page number between one-em dashes, 宋体 四号, at the outer edge one character in: right on odd
    /// pages, left on even ones (GB/T 9704 §7.5).
    static func footer(odd: Bool) -> String {
        let font = #"<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr>"#
        let indent = odd ? #"<w:ind w:right="280"/>"# : #"<w:ind w:left="280"/>"#
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr>"#
            + indent + "<w:jc w:val=\"\(odd ? "right" : "left")\"/></w:pPr>"
            + "<w:r>\(font)<w:t xml:space=\"preserve\">— </w:t></w:r><w:r>\(font)<w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r>\(font)<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r>\(font)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
            + "<w:r>\(font)<w:t>1</w:t></w:r><w:r>\(font)<w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:r>\(font)<w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"
    }

    static func fonts(_ name: String) -> String {
        "<w:rFonts w:ascii=\"\(name)\" w:hAnsi=\"\(name)\" w:eastAsia=\"\(name)\" w:cs=\"\(name)\"/>"
    }

    static func styles(_ layout: WordLayout) -> String {
        let exact = "<w:spacing w:line=\"\(layout.lineSpacing)\" w:lineRule=\"exact\" w:before=\"0\" w:after=\"0\"/>"
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
            + "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts(layout.bodyFont))<w:sz w:val=\"\(layout.bodySize)\"/><w:szCs w:val=\"\(layout.bodySize)\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>\(exact)</w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:pPr>\(exact)<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/></w:pPr><w:rPr>\(fonts(layout.bodyFont))<w:spacing w:val=\"\(layout.characterSpacing)\"/><w:sz w:val=\"\(layout.bodySize)\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"JixiaoTitle\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:line=\"\(layout.lineSpacing * 2 - 160)\" w:lineRule=\"exact\"/><w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr>\(fonts(layout.titleFont))<w:sz w:val=\"\(layout.titleSize)\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"JixiaoHeading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr>\(fonts(layout.heading1Font))</w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"JixiaoHeading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr>\(fonts(layout.heading2Font))</w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"JixiaoCentered\"><w:name w:val=\"Centered\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/><w:jc w:val=\"center\"/></w:pPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"JixiaoTableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr>\(fonts(layout.tableFont))<w:sz w:val=\"\(layout.tableSize)\"/></w:rPr></w:style>"
            + "<w:style w:type=\"table\" w:styleId=\"JixiaoTable\"><w:name w:val=\"Jixiao Table\"/></w:style>"
            + "</w:styles>"
    }
}
