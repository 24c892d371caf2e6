/// Turns an `Encodable` view model into a ``TemplateValue``: fields become an object's names, arrays lists, strings
/// and numbers text, booleans flags; an absent optional is absent (a section on it shows nothing and a name looks
/// further out, as Mustache does for a missing name).
enum TemplateEncoder {
    static func value(of model: some Encodable) throws -> TemplateValue {
        let node = Node()
        try model.encode(to: NodeEncoder(node: node))
        return node.value ?? .object([:])
    }

    /// One value under construction.
    final class Node {
        var scalar: TemplateValue?
        var fields: [String: Node]?
        var items: [Node]?
        /// An explicit nil: absent from its object or list, like a missing name.
        var isNil = false

        var value: TemplateValue? {
            if isNil { return nil }
            if let scalar { return scalar }
            if let items { return .list(items.compactMap(\.value)) }
            return .object((fields ?? [:]).compactMapValues(\.value))
        }

        func field(_ key: some CodingKey) -> Node {
            let child = Node()
            if fields == nil { fields = [:] }
            fields?[key.stringValue] = child
            return child
        }

        func item() -> Node {
            let child = Node()
            if items == nil { items = [] }
            items?.append(child)
            return child
        }
    }

    struct NodeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.fields == nil { node.fields = [:] }
            return KeyedEncodingContainer(Keyed<Key>(node: node))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if node.items == nil { node.items = [] }
            return Unkeyed(node: node)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) {}
        mutating func encode(_ value: Bool, forKey key: Key) { node.field(key).scalar = .flag(value) }
        mutating func encode(_ value: String, forKey key: Key) { node.field(key).scalar = .text(value) }
        mutating func encode(_ value: Int, forKey key: Key) { node.field(key).scalar = .text(String(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) { node.field(key).scalar = .text(String(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) { node.field(key).scalar = .text(String(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) { node.field(key).scalar = .text(String(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) { node.field(key).scalar = .text(String(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) { node.field(key).scalar = .text(String(value)) }
        mutating func encode(_ value: UInt8, forKey key: Key) { node.field(key).scalar = .text(String(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) { node.field(key).scalar = .text(String(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) { node.field(key).scalar = .text(String(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) { node.field(key).scalar = .text(String(value)) }
        mutating func encode(_ value: Double, forKey key: Key) { node.field(key).scalar = .text(String(describing: value)) }
        mutating func encode(_ value: Float, forKey key: Key) { node.field(key).scalar = .text(String(describing: value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try value.encode(to: NodeEncoder(node: node.field(key))) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.field(key)).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            NodeEncoder(node: node.field(key)).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { NodeEncoder(node: node) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: node.field(key)) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }
        var count: Int { node.items?.count ?? 0 }

        mutating func encodeNil() { node.item().isNil = true }
        mutating func encode(_ value: String) { node.item().scalar = .text(value) }
        mutating func encode(_ value: Int) { node.item().scalar = .text(String(value)) }
        mutating func encode(_ value: Int8) { node.item().scalar = .text(String(value)) }
        mutating func encode(_ value: Int16) { node.item().scalar = .text(String(value)) }
        mutating func encode(_ value: Int32) { node.item().scalar = .text(String(value)) }
        mutating func encode(_ value: Int64) { node.item().scalar = .text(String(value)) }
        mutating func encode(_ value: UInt) { node.item().scalar = .text(String(value)) }
        mutating func encode(_ value: UInt8) { node.item().scalar = .text(String(value)) }
        mutating func encode(_ value: UInt16) { node.item().scalar = .text(String(value)) }
        mutating func encode(_ value: UInt32) { node.item().scalar = .text(String(value)) }
        mutating func encode(_ value: UInt64) { node.item().scalar = .text(String(value)) }
        mutating func encode(_ value: Bool) { node.item().scalar = .flag(value) }
        mutating func encode(_ value: Double) { node.item().scalar = .text(String(describing: value)) }
        mutating func encode(_ value: Float) { node.item().scalar = .text(String(describing: value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: NodeEncoder(node: node.item())) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.item()).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { NodeEncoder(node: node.item()).unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.item()) }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() { node.isNil = true }
        mutating func encode(_ value: Bool) { node.scalar = .flag(value) }
        mutating func encode(_ value: String) { node.scalar = .text(value) }
        mutating func encode(_ value: Double) { node.scalar = .text(String(describing: value)) }
        mutating func encode(_ value: Int) { node.scalar = .text(String(value)) }
        mutating func encode(_ value: Int8) { node.scalar = .text(String(value)) }
        mutating func encode(_ value: Int16) { node.scalar = .text(String(value)) }
        mutating func encode(_ value: Int32) { node.scalar = .text(String(value)) }
        mutating func encode(_ value: Int64) { node.scalar = .text(String(value)) }
        mutating func encode(_ value: UInt) { node.scalar = .text(String(value)) }
        mutating func encode(_ value: UInt8) { node.scalar = .text(String(value)) }
        mutating func encode(_ value: UInt16) { node.scalar = .text(String(value)) }
        mutating func encode(_ value: UInt32) { node.scalar = .text(String(value)) }
        mutating func encode(_ value: UInt64) { node.scalar = .text(String(value)) }
        mutating func encode(_ value: Float) { node.scalar = .text(String(describing: value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: NodeEncoder(node: node)) }
    }
}
