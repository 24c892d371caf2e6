/// A JSON value whose numbers keep their exact text, so a document's fields can be compared, changed and written
/// back without passing through `Double` (Foundation's JSONSerialization reads numbers as binary floating point).
public indirect enum JSONTree: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The number as it was written ("10", "40.9094").
    case number(String)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    /// Reads JSON text; `nil` when it is not well-formed JSON.
    public init?(parsing text: String) {
        var parser = JSONTreeParser(bytes: Array(text.utf8))
        guard let value = parser.value(), parser.atEnd else { return nil }
        self = value
    }

    /// Compact JSON with object keys in sorted order, so equal trees print equal text.
    public var text: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let text): text
        case .string(let text): Self.quoted(text)
        case .array(let items): "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let fields):
            "{" + fields.keys.sorted().map { Self.quoted($0) + ":" + fields[$0]!.text }.joined(separator: ",") + "}"
        }
    }

    /// The value as a person reads it in a history: texts and numbers as they are, nothing for null, an object by
    /// its name when it has one.
    public var display: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "是" : "否"
        case .number(let text), .string(let text): text
        case .array, .object: name ?? text
        }
    }

    /// What names a row: its "name" (an indicator, a category), else its "voucher" (a payment), when it is an object
    /// that has one.
    var name: String? {
        guard case .object(let fields) = self else { return nil }
        for key in ["name", "voucher"] {
            if case .string(let name)? = fields[key], !name.isEmpty { return name }
        }
        return nil
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// A recursive-descent reader of JSON text into ``JSONTree``, nesting bounded so hostile input cannot exhaust the stack.
struct JSONTreeParser {
    let bytes: [UInt8]
    var position = 0
    var depth = 0
    static let maximumDepth = 200

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool {
        mutating get {
            skipSpace()
            return position == bytes.count
        }
    }

    mutating func value() -> JSONTree? {
        skipSpace()
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "{"): return nested { $0.object() }
        case UInt8(ascii: "["): return nested { $0.array() }
        case UInt8(ascii: "\""): return string().map(JSONTree.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func nested(_ body: (inout JSONTreeParser) -> JSONTree?) -> JSONTree? {
        guard depth < Self.maximumDepth else { return nil }
        depth += 1
        defer { depth -= 1 }
        position += 1
        return body(&self)
    }

    private mutating func object() -> JSONTree? {
        var fields: [String: JSONTree] = [:]
        skipSpace()
        if take(UInt8(ascii: "}")) { return .object(fields) }
        repeat {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")), let value = value() else { return nil }
            // A repeated key keeps its first value, as Foundation's JSONDecoder reads it.
            if fields[key] == nil { fields[key] = value }
            skipSpace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? .object(fields) : nil
    }

    private mutating func array() -> JSONTree? {
        var items: [JSONTree] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return .array(items) }
        repeat {
            guard let item = value() else { return nil }
            items.append(item)
            skipSpace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? .array(items) : nil
    }

    private mutating func string() -> String? {
        position += 1
        // Most strings have no escape: one copy of their bytes. A control character must be escaped in JSON.
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            guard bytes[position] >= 0x20 else { return nil }
            position += 1
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
            position += 1
            return String(decoding: bytes[start..<position - 1], as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        var run = start
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars) }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                flush(position)
                position += 1
                return String(scalars)
            }
            guard byte == UInt8(ascii: "\\") else {
                guard byte >= 0x20 else { return nil }
                position += 1
                continue
            }
            flush(position)
            position += 1
            guard position < bytes.count else { return nil }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                // A surrogate only as a pair, high then low; a lone one is refused, as Foundation refuses it.
                guard var code = hex4(), !(0xDC00..<0xE000).contains(code) else { return nil }
                if (0xD800..<0xDC00).contains(code) {
                    guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low)
                    else { return nil }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { return nil }
                scalars.append(scalar)
            default: return nil
            }
            run = position
        }
        return nil
    }

    /// Four hexadecimal digits (no sign: `UInt32(_:radix:)` alone would take `+041`).
    private mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var code: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
            code = code << 4 | UInt32(digit)
        }
        position += 4
        return code
    }

    private mutating func number() -> JSONTree? {
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                position += 1
            default:
                return numberText(from: start)
            }
        }
        return numberText(from: start)
    }

    /// The number's text if it is one as JSON writes it: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private func numberText(from start: Int) -> JSONTree? {
        let number = bytes[start..<position]
        var at = number.startIndex
        func digits() -> Int {
            let first = at
            while at < number.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(number[at]) { at += 1 }
            return at - first
        }
        if at < number.endIndex, number[at] == UInt8(ascii: "-") { at += 1 }
        let leading = at
        guard digits() > 0, number[leading] != UInt8(ascii: "0") || at == leading + 1 else { return nil }
        if at < number.endIndex, number[at] == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { return nil }
        }
        if at < number.endIndex, number[at] == UInt8(ascii: "e") || number[at] == UInt8(ascii: "E") {
            at += 1
            if at < number.endIndex, number[at] == UInt8(ascii: "+") || number[at] == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { return nil }
        }
        guard at == number.endIndex else { return nil }
        return .number(String(decoding: number, as: UTF8.self))
    }

    private mutating func literal(_ word: String, _ value: JSONTree) -> JSONTree? {
        let utf8 = Array(word.utf8)
        guard position + utf8.count <= bytes.count, Array(bytes[position..<position + utf8.count]) == utf8 else { return nil }
        position += utf8.count
        return value
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }
}
