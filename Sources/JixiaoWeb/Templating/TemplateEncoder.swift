/// Turns an `Encodable` view model into a ``TemplateValue``: fields become an object's names, arrays lists, strings
/// and numbers text, booleans flags; an absent optional is absent (a section on it shows nothing and a name looks
/// further out, as Mustache does for a missing name).
enum TemplateEncoder {
    static func value(of model: some Encodable) throws -> TemplateValue {
        let node = Node()
        try model.encode(to: NodeEncoder(node: node))
        return node.value ?? .object([])
    }

    /// One value under construction. A field or item is kept finished when it is (text, a flag, a nested value whose
    /// encoding has returned), and as a node only when a nested container may still be written to.
    final class Node {
        enum Child {
            case done(TemplateValue?)
            case pending(Node)

            var value: TemplateValue? {
                switch self {
                case .done(let value): value
                case .pending(let node): node.value
                }
            }
        }

        var scalar: TemplateValue?
        var fields: [(name: String, child: Child)]?
        var items: [Child]?
        /// An explicit nil: absent from its object or list, like a missing name.
        var isNil = false

        var value: TemplateValue? {
            if isNil { return nil }
            if let scalar { return scalar }
            if let items { return .list(items.compactMap(\.value)) }
            return .object((fields ?? []).compactMap { field in field.child.value.map { TemplateValue.Field(name: field.name, value: $0) } })
        }

        func set(_ key: some CodingKey, _ value: TemplateValue?) {
            if fields == nil { fields = [] }
            fields?.append((key.stringValue, .done(value)))
        }

        func append(_ value: TemplateValue?) {
            if items == nil { items = [] }
            items?.append(.done(value))
        }

        /// `value` encoded on its own: finished when its `encode(to:)` returns.
        static func encoded(_ value: some Encodable) throws -> TemplateValue? {
            let node = Node()
            try value.encode(to: NodeEncoder(node: node))
            return node.value
        }

        func field(_ key: some CodingKey) -> Node {
            let child = Node()
            if fields == nil { fields = [] }
            fields?.append((key.stringValue, .pending(child)))
            return child
        }

        func item() -> Node {
            let child = Node()
            if items == nil { items = [] }
            items?.append(.pending(child))
            return child
        }
    }

    struct NodeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.fields == nil { node.fields = [] }
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
        mutating func encode(_ value: Bool, forKey key: Key) { node.set(key, .flag(value)) }
        mutating func encode(_ value: String, forKey key: Key) { node.set(key, .text(value)) }
        mutating func encode(_ value: Int, forKey key: Key) { node.set(key, .text(String(value))) }
        mutating func encode(_ value: Int8, forKey key: Key) { node.set(key, .text(String(value))) }
        mutating func encode(_ value: Int16, forKey key: Key) { node.set(key, .text(String(value))) }
        mutating func encode(_ value: Int32, forKey key: Key) { node.set(key, .text(String(value))) }
        mutating func encode(_ value: Int64, forKey key: Key) { node.set(key, .text(String(value))) }
        mutating func encode(_ value: UInt, forKey key: Key) { node.set(key, .text(String(value))) }
        mutating func encode(_ value: UInt8, forKey key: Key) { node.set(key, .text(String(value))) }
        mutating func encode(_ value: UInt16, forKey key: Key) { node.set(key, .text(String(value))) }
        mutating func encode(_ value: UInt32, forKey key: Key) { node.set(key, .text(String(value))) }
        mutating func encode(_ value: UInt64, forKey key: Key) { node.set(key, .text(String(value))) }
        mutating func encode(_ value: Double, forKey key: Key) { node.set(key, .text(String(describing: value))) }
        mutating func encode(_ value: Float, forKey key: Key) { node.set(key, .text(String(describing: value))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { node.set(key, try Node.encoded(value)) }

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

        mutating func encodeNil() { node.append(nil) }
        mutating func encode(_ value: String) { node.append(.text(value)) }
        mutating func encode(_ value: Int) { node.append(.text(String(value))) }
        mutating func encode(_ value: Int8) { node.append(.text(String(value))) }
        mutating func encode(_ value: Int16) { node.append(.text(String(value))) }
        mutating func encode(_ value: Int32) { node.append(.text(String(value))) }
        mutating func encode(_ value: Int64) { node.append(.text(String(value))) }
        mutating func encode(_ value: UInt) { node.append(.text(String(value))) }
        mutating func encode(_ value: UInt8) { node.append(.text(String(value))) }
        mutating func encode(_ value: UInt16) { node.append(.text(String(value))) }
        mutating func encode(_ value: UInt32) { node.append(.text(String(value))) }
        mutating func encode(_ value: UInt64) { node.append(.text(String(value))) }
        mutating func encode(_ value: Bool) { node.append(.flag(value)) }
        mutating func encode(_ value: Double) { node.append(.text(String(describing: value))) }
        mutating func encode(_ value: Float) { node.append(.text(String(describing: value))) }
        mutating func encode<T: Encodable>(_ value: T) throws { node.append(try Node.encoded(value)) }

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

/// A view model that makes its template value itself: a list's row, made a hundred times a page, where going through
/// the `Encoder` (a container and a coding key for every field) was a fifth of a list page's time. It is encoded only
/// for a template: any other encoder is refused.
protocol TemplateRepresentable: Encodable {
    var templateValue: TemplateValue { get }
}

extension TemplateRepresentable {
    func encode(to encoder: any Encoder) throws {
        guard let encoder = encoder as? TemplateEncoder.NodeEncoder else {
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath, debugDescription: "只用于页面模板"))
        }
        encoder.node.scalar = templateValue
    }
}
