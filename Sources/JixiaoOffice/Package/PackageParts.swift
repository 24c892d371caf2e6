import Foundation

/// Parts every OOXML package written here shares: the root relationships and the core properties.
enum PackageParts {
    /// _rels/.rels naming `mainPart` ("xl/workbook.xml", "word/document.xml") and the core properties.
    static func rootRelationships(mainPart: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target=""#
            + mainPart + #""/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#
    }

    /// docProps/core.xml with the title, the creator and the time of writing.
    static func coreProperties(title: String?, creator: String = "绩效 Jixiao") -> String {
        let now = Date().formatted(.iso8601)
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + (title.map { "<dc:title>\(XMLText.escape($0))</dc:title>" } ?? "")
            + "<dc:creator>\(XMLText.escape(creator))</dc:creator>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(now)</dcterms:created>"
            + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(now)</dcterms:modified></cp:coreProperties>"
    }
}
