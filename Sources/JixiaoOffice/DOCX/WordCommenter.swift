import Foundation

/// Adds Word comments to an existing DOCX: each comment is anchored on a body paragraph (numbered as
/// ``WordDocument`` numbers them, every `w:p` in document order by its end tag) and carries its text.
/// Every other part of the package is copied unchanged.
public enum WordCommenter {
    /// A comment to place on paragraph `paragraph` (1-based).
    public struct Comment: Sendable {
        public var paragraph: Int
        public var text: String

        public init(paragraph: Int, text: String) {
            self.paragraph = paragraph
            self.text = text
        }
    }

    public static func annotate(_ package: OfficePackage, comments: [Comment], author: String = "绩效 Jixiao") throws -> Data {
        let documentPath = try Relationships.officeDocument(in: package) ?? "word/document.xml"
        guard package.contains(documentPath) else {
            throw OfficeError(file: package.file, reason: "不是 Word 文档（缺少 \(documentPath)）")
        }
        if package.contains("word/comments.xml") {
            throw OfficeError(file: package.file, reason: "文档已含批注；请先接受或删除原批注再生成核查批注版")
        }
        let document = String(decoding: try package.xmlPart(documentPath), as: UTF8.self)
        let annotated = try anchor(comments, in: document, file: package.file)
        var parts: [(String, Data)] = []
        for path in package.partPaths where !path.hasSuffix("/") {
            guard var data = try package.part(path) else { continue }
            switch path {
            case documentPath: data = Data(annotated.utf8)
            case "[Content_Types].xml": data = Data(withCommentsType(String(decoding: data, as: UTF8.self)).utf8)
            case relationshipsPath(of: documentPath): data = Data(withCommentsRelationship(String(decoding: data, as: UTF8.self)).utf8)
            default: break
            }
            parts.append((path, data))
        }
        if !package.contains(relationshipsPath(of: documentPath)) {
            parts.append((relationshipsPath(of: documentPath), Data(withCommentsRelationship(
                #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>"#).utf8)))
        }
        parts.append(("word/comments.xml", Data(commentsPart(comments, author: author).utf8)))
        return try OfficeArchive.write(parts)
    }

    static func relationshipsPath(of part: String) -> String {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? part
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
    }

    /// Inserts the comment ranges and references into document.xml.
    static func anchor(_ comments: [Comment], in xml: String, file: String) throws -> String {
        let byParagraph = Dictionary(grouping: comments.enumerated(), by: { $0.element.paragraph })
        var output = ""
        output.reserveCapacity(xml.utf8.count + comments.count * 160)
        var starts: [String.Index] = []
        var paragraphNumber = 0
        var cursor = xml.startIndex
        var index = xml.startIndex
        // Pending insertion points: (position, text), applied as the scan passes them.
        while let open = xml[index...].firstIndex(of: "<") {
            guard let close = xml[open...].firstIndex(of: ">") else { break }
            let tag = xml[open...close]
            index = xml.index(after: close)
            let isStart = tag.hasPrefix("<w:p>") || tag.hasPrefix("<w:p ")
            let isEmpty = isStart && tag.hasSuffix("/>")
            if isStart && !isEmpty {
                starts.append(index)
                continue
            }
            guard tag == "</w:p>" || isEmpty else { continue }
            paragraphNumber += 1
            guard let placed = byParagraph[paragraphNumber] else {
                if !isEmpty { _ = starts.popLast() }
                continue
            }
            let ids = placed.map(\.offset)
            let rangeStarts = ids.map { "<w:commentRangeStart w:id=\"\($0)\"/>" }.joined()
            let rangeEnds = ids.map { "<w:commentRangeEnd w:id=\"\($0)\"/><w:r><w:commentReference w:id=\"\($0)\"/></w:r>" }.joined()
            if isEmpty {
                output += xml[cursor..<open] + tag.dropLast(2) + ">" + rangeStarts + rangeEnds + "</w:p>"
                cursor = index
                continue
            }
            var contentStart = starts.popLast() ?? open
            // w:pPr must stay the paragraph's first child.
            if xml[contentStart...].hasPrefix("<w:pPr"), let end = xml[contentStart..<open].range(of: "</w:pPr>")?.upperBound {
                contentStart = end
            }
            output += xml[cursor..<contentStart] + rangeStarts + xml[contentStart..<open] + rangeEnds + tag
            cursor = index
        }
        output += xml[cursor...]
        let missing = Set(comments.map(\.paragraph)).filter { $0 > paragraphNumber || $0 < 1 }
        if !missing.isEmpty {
            throw OfficeError(file: file, reason: "批注位置超出文档段落范围（共 \(paragraphNumber) 段，要求第 \(missing.sorted().map(String.init).joined(separator: "、")) 段）")
        }
        return output
    }

    static func commentsPart(_ comments: [Comment], author: String) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
        for (id, comment) in comments.enumerated() {
            xml += "<w:comment w:id=\"\(id)\" w:author=\"\(XMLText.escape(author))\" w:initials=\"JX\">"
            for line in comment.text.split(separator: "\n", omittingEmptySubsequences: false) {
                xml += "<w:p><w:r><w:t xml:space=\"preserve\">\(XMLText.escape(String(line)))</w:t></w:r></w:p>"
            }
            xml += "</w:comment>"
        }
        return xml + "</w:comments>"
    }

    static func withCommentsType(_ types: String) -> String {
        guard !types.contains("/word/comments.xml"), let end = types.range(of: "</Types>") else { return types }
        return types.replacingCharacters(
            in: end,
            with: #"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#)
    }

    static func withCommentsRelationship(_ relationships: String) -> String {
        guard !relationships.contains("relationships/comments"), let end = relationships.range(of: "</Relationships>") else {
            return relationships
        }
        return relationships.replacingCharacters(
            in: end,
            with: #"<Relationship Id="rIdJixiaoComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#)
    }
}
