import Foundation

/// Decodes a `Decodable` value from JSON text through a ``JSONTree``: how the store reads its documents. Foundation's
/// `JSONDecoder` took 16 % of a document page's time (a 2 KB evaluation), this takes 9 %: no coding-path bookkeeping
/// until an error, and numbers never made into `Decimal` on the way to ``ExactDecimal``. Numbers keep their text until
/// a type asks: integers must be written as integers, `Decimal` is read from the digits (as `JSONDecoder` does), and
/// nothing passes through `Double` unless a `Double` is asked for. Errors are `DecodingError`s with the coding path,
/// as `JSONDecoder`'s.
public struct JSONTreeDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        guard let tree = JSONTree(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "内容不是有效的 JSON"))
        }
        return try TreeDecoding(tree, at: .root).decode(type)
    }
}

/// Where a value is in the tree being decoded, kept as a chain and made into a coding path only for an error.
private indirect enum TreePath {
    case root
    case key(any CodingKey, TreePath)
    case index(Int, TreePath)

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = self
        while true {
            switch node {
            case .root: return keys.reversed()
            case .key(let key, let parent): keys.append(key); node = parent
            case .index(let index, let parent): keys.append(TreeIndexKey(index)); node = parent
            }
        }
    }
}

/// An array position as a coding key.
private struct TreeIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// One value of the tree as a `Decoder`, and as its own single-value container.
private struct TreeDecoding: Decoder, SingleValueDecodingContainer, JSONNumberSource {
    let value: JSONTree
    let path: TreePath

    init(_ value: JSONTree, at path: TreePath) {
        self.value = value
        self.path = path
    }

    var codingPath: [any CodingKey] { path.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else { throw mismatch([String: Any].self, "应为对象") }
        return KeyedDecodingContainer(TreeKeyedContainer<Key>(fields: fields, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Any].self, "应为数组") }
        return TreeUnkeyedContainer(items: items, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: Single value

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(type, "应为真或假") }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let text) = value else { throw mismatch(type, "应为文字") }
        return text
    }

    func decode(_ type: Double.Type) throws -> Double { try number(type) }
    func decode(_ type: Float.Type) throws -> Float { try number(type) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // Decimal's own coding is a structure of its parts; in JSON it is a number, as JSONDecoder reads it.
        if type == Decimal.self {
            guard case .number(let text) = value, let decimal = Decimal(string: text, locale: Self.posix) else {
                throw mismatch(type, "应为数字")
            }
            return decimal as! T
        }
        return try T(from: self)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    func numberText() throws -> String {
        guard case .number(let text) = value else { throw mismatch(Decimal.self, "应为数字") }
        return text
    }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard case .number(let text) = value else { throw mismatch(type, "应为整数") }
        guard let number = T(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "\(text) 不是 \(type) 范围内的整数"))
        }
        return number
    }

    private func number<T: LosslessStringConvertible>(_ type: T.Type) throws -> T {
        guard case .number(let text) = value, let number = T(text) else { throw mismatch(type, "应为数字") }
        return number
    }

    private func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
        if case .null = value {
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "缺少值"))
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: expected))
    }
}

/// An object's fields by key.
private struct TreeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [String: JSONTree]
    let path: TreePath

    var codingPath: [any CodingKey] { path.codingPath }
    var allKeys: [Key] { fields.keys.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    private func field(_ key: Key) throws -> TreeDecoding {
        guard let value = fields[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "缺少“\(key.stringValue)”"))
        }
        return TreeDecoding(value, at: .key(key, path))
    }

    func decodeNil(forKey key: Key) throws -> Bool { try field(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try field(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try field(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try field(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try field(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try field(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try field(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try field(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try field(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try field(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try field(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try field(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try field(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try field(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try field(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try field(key).decode(type) }

    // An absent or null field is nil: one look-up instead of the three of the protocol's own `decodeIfPresent`.
    private func present(_ key: Key) -> TreeDecoding? {
        guard let value = fields[key.stringValue] else { return nil }
        if case .null = value { return nil }
        return TreeDecoding(value, at: .key(key, path))
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key)?.decode(type) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key)?.decode(type) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key)?.decode(type) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try present(key)?.decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try field(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try field(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        TreeDecoding(fields["super"] ?? .null, at: .key(TreeSuperKey(), path))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TreeDecoding(fields[key.stringValue] ?? .null, at: .key(key, path))
    }
}

/// The key `super`, for `superDecoder()`.
private struct TreeSuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

/// An array's items in order.
private struct TreeUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONTree]
    let path: TreePath
    var currentIndex = 0

    init(items: [JSONTree], path: TreePath) {
        self.items = items
        self.path = path
    }

    var codingPath: [any CodingKey] { path.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    /// The next item made into `T` by `body`; the position moves on only when it was (as JSONDecoder's does).
    private mutating func next<T>(_ type: Any.Type, _ body: (TreeDecoding) throws -> T) throws -> T {
        try checkNotAtEnd(type)
        let value = try body(TreeDecoding(items[currentIndex], at: .index(currentIndex, path)))
        currentIndex += 1
        return value
    }

    private func checkNotAtEnd(_ type: Any.Type) throws {
        guard isAtEnd else { return }
        throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [TreeIndexKey(currentIndex)], debugDescription: "数组已到末尾"))
    }

    mutating func decodeNil() throws -> Bool {
        try checkNotAtEnd(Any?.self)
        guard case .null = items[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) { try $0.decode(type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) { try $0.decode(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next([String: Any].self) { try $0.container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next([Any].self) { try $0.unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next(Any.self) { $0 }
    }
}
