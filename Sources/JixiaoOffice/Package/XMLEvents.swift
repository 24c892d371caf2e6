import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A thin streaming (SAX) reader over Foundation's `XMLParser`: element names without namespace prefixes,
/// callbacks that may throw, and errors that name the file and part. Input is first made UTF-8 without a DTD
/// (``XMLEncoding``), and a reference to an undefined entity stops parsing, so no text is ever dropped silently.
final class XMLEvents: NSObject, XMLParserDelegate {
    typealias Start = (_ name: String, _ attributes: [String: String]) throws -> Void
    typealias End = (_ name: String) throws -> Void
    typealias Text = (_ text: String) throws -> Void

    private let onStart: Start
    private let onEnd: End
    private let onText: Text
    private var failure: (any Error)?

    private let file: String
    private let part: String?

    private init(file: String, part: String?, onStart: @escaping Start, onEnd: @escaping End, onText: @escaping Text) {
        self.file = file
        self.part = part
        self.onStart = onStart
        self.onEnd = onEnd
        self.onText = onText
    }

    /// Streams `data` through the callbacks; throws the first callback error, or an ``OfficeError`` for bad XML.
    static func parse(
        _ data: Data, file: String, part: String?,
        start: @escaping Start, end: @escaping End = { _ in }, text: @escaping Text = { _ in }
    ) throws {
        let events = XMLEvents(file: file, part: part, onStart: start, onEnd: end, onText: text)
        let parser = XMLParser(data: try XMLEncoding.utf8(data, file: file, part: part))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        let ok = parser.parse()
        if let failure = events.failure { throw failure }
        if !ok {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "未知错误"
            throw OfficeError(
                file: file, part: part,
                reason: "XML 格式错误（第 \(parser.lineNumber) 行第 \(parser.columnNumber) 列：\(reason)）")
        }
    }

    private func run(_ parser: XMLParser, _ body: () throws -> Void) {
        guard failure == nil else { return }
        do { try body() } catch {
            failure = error
            parser.abortParsing()
        }
    }

    private static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        run(parser) { try onStart(Self.localName(elementName), attributeDict) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        run(parser) { try onEnd(Self.localName(elementName)) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        run(parser) { try onText(string) }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        run(parser) { try onText(String(decoding: CDATABlock, as: UTF8.self)) }
    }

    /// An entity other than the five XML predefines cannot be resolved: refused rather than left out of the text.
    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        run(parser) {
            throw OfficeError(
                file: file, part: part,
                reason: "第 \(parser.lineNumber) 行引用了未定义的实体“&\(name);”，Office 文件不应包含，拒绝解析")
        }
        return nil
    }
}
