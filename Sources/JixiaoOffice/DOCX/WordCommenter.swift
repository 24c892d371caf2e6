import Foundation

/// Adds Word comments to an existing DOCX: each comment is anchored on a body paragraph (numbered as
/// ``WordDocument`` numbers them, every `w:p` in document order by its end tag) and carries its text.
/// Every other part of the package is copied unchanged.
public enum WordCommenter {
    /// A comment to place on paragraphs `paragraphs` (1-based; a table cell's may be several), on the whole of them or,
    /// in a single paragraph, on the runs that hold `characters` (offsets into its text as ``WordDocument`` reads it).
    public struct Comment: Sendable {
        public var paragraphs: ClosedRange<Int>
        public var characters: Range<Int>?
        public var text: String

        public init(paragraphs: ClosedRange<Int>, characters: Range<Int>? = nil, text: String) {
            self.paragraphs = paragraphs
            self.characters = paragraphs.count == 1 ? characters : nil
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
        let opening = Dictionary(grouping: comments.enumerated(), by: { $0.element.paragraphs.lowerBound })
        let closing = Dictionary(grouping: comments.enumerated(), by: { $0.element.paragraphs.upperBound })
        var output = ""
        output.reserveCapacity(xml.utf8.count + comments.count * 160)
        var starts: [String.Index] = []
        var paragraphNumber = 0
        var cursor = xml.startIndex
        var index = xml.startIndex
        while let open = xml[index...].firstIndex(of: "<") {
            guard let close = xml[open...].firstIndex(of: ">") else { break }
            let tag = xml[open...close]
            index = xml.index(after: close)
            let isStart = tag.hasPrefix("<w:p>") || tag.hasPrefix("<w:p ") || tag.hasPrefix("<w:p/")
            let isEmpty = isStart && tag.hasSuffix("/>")
            if isStart && !isEmpty {
                starts.append(index)
                continue
            }
            guard tag == "</w:p>" || isEmpty else { continue }
            paragraphNumber += 1
            let contentStart = isEmpty ? open : (starts.popLast()).map { afterProperties($0, in: xml, before: open) } ?? open
            let opened = opening[paragraphNumber] ?? []
            let closed = closing[paragraphNumber] ?? []
            guard !opened.isEmpty || !closed.isEmpty else { continue }
            var marks: [(String.Index, String)] = []
            for (id, comment) in opened {
                let bounds = comment.characters.flatMap { runBounds(of: $0, in: xml, from: contentStart, to: open) }
                marks.append((bounds?.0 ?? contentStart, rangeStart(id)))
                if comment.paragraphs.count == 1 { marks.append((bounds?.1 ?? open, rangeEnd(id))) }
            }
            for (id, comment) in closed where comment.paragraphs.count > 1 { marks.append((open, rangeEnd(id))) }
            if isEmpty {
                output += xml[cursor..<open] + tag.dropLast(2) + ">" + marks.map(\.1).joined() + "</w:p>"
            } else {
                var position = cursor
                for (at, text) in marks.sorted(by: { $0.0 < $1.0 }) {
                    output += xml[position..<at] + text
                    position = at
                }
                output += xml[position..<open] + tag
            }
            cursor = index
        }
        output += xml[cursor...]
        let missing = Set(comments.flatMap { [$0.paragraphs.lowerBound, $0.paragraphs.upperBound] })
            .filter { $0 > paragraphNumber || $0 < 1 }
        if !missing.isEmpty {
            throw OfficeError(file: file, reason: "批注位置超出文档段落范围（共 \(paragraphNumber) 段，要求第 \(missing.sorted().map(String.init).joined(separator: "、")) 段）")
        }
        return output
    }

    /// Where a paragraph's content starts: after its `w:pPr`, which must stay its first child.
    private static func afterProperties(_ start: String.Index, in xml: String, before end: String.Index) -> String.Index {
        guard xml[start...].hasPrefix("<w:pPr"), let properties = xml[start..<end].range(of: "</w:pPr>") else { return start }
        return properties.upperBound
    }

    private static func rangeStart(_ id: Int) -> String { "<w:commentRangeStart w:id=\"\(id)\"/>" }

    private static func rangeEnd(_ id: Int) -> String {
        "<w:commentRangeEnd w:id=\"\(id)\"/><w:r><w:commentReference w:id=\"\(id)\"/></w:r>"
    }

    /// Where to open and close a comment on `characters` of the paragraph whose content is `xml[from..<to]`: before
    /// the run holding the first character and after the run holding the last; nil when no run holds them.
    static func runBounds(of characters: Range<Int>, in xml: String, from: String.Index, to: String.Index)
        -> (String.Index, String.Index)?
    {
        var offset = 0
        var runStart: (index: String.Index, offset: Int)?
        var first: String.Index?
        var last: String.Index?
        var index = from
        while index < to, let open = xml[index..<to].firstIndex(of: "<"), let close = xml[open..<to].firstIndex(of: ">") {
            let tag = xml[open...close]
            index = xml.index(after: close)
            let body = tag.dropFirst()
            let name = (body.first == "/" ? "/" : "") + (body.first == "/" ? body.dropFirst() : body).prefix { $0 != " " && $0 != ">" && $0 != "/" }
            switch name {
            case "w:r": runStart = (open, offset)
            case "/w:r":
                guard let start = runStart else { continue }
                if offset > characters.lowerBound, start.offset < characters.upperBound {
                    if first == nil { first = start.index }
                    last = index
                }
                runStart = nil
            case "w:t" where !tag.hasSuffix("/>"):
                let end = xml[index..<to].firstIndex(of: "<") ?? to
                offset += decodedLength(xml[index..<end])
                index = end
            case "w:tab", "w:br", "w:cr": offset += 1
            default: continue
            }
        }
        guard let first, let last else { return nil }
        return (first, last)
    }

    /// The number of characters XML text stands for, each entity (`&amp;`) counting as one.
    private static func decodedLength(_ text: Substring) -> Int {
        var count = 0
        var inEntity = false
        for character in text {
            if inEntity {
                if character == ";" { inEntity = false }
                continue
            }
            if character == "&" { inEntity = true }
            count += 1
        }
        return count
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
