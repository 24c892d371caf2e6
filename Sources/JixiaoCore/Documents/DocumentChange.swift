/// One recorded change to a document: where (a path of keys and row positions), what (a value set, a row inserted,
/// removed or moved), and the path as a person reads it ("指标/产出指标/数量指标/培训次数/实际完成值").
///
/// Changes are replayable: applied in their order to the older version's tree, the changes of one save give the
/// newer version's tree exactly (``DocumentChange/apply(_:to:)``).
public struct DocumentChange: Hashable, Sendable {
    /// A step into a tree: a field of an object, or a position in a list.
    public enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public enum Operation: Hashable, Sendable {
        /// A field's value replaced; nil is a field absent on that side.
        case set(old: JSONTree?, new: JSONTree?)
        /// A row inserted at the path's last position.
        case insert(JSONTree)
        /// The row at the path's last position removed (its value, for the record).
        case remove(JSONTree)
        /// A row of the list at the path moved from one position to another.
        case move(from: Int, to: Int)
    }

    public var path: [Step]
    public var operation: Operation
    /// The path as a person reads it.
    public var label: String

    public init(path: [Step], operation: Operation, label: String) {
        self.path = path
        self.operation = operation
        self.label = label
    }

    /// 修改 · 新增 · 删除 · 移动
    public var operationLabel: String {
        switch operation {
        case .set: "修改"
        case .insert: "新增"
        case .remove: "删除"
        case .move: "移动"
        }
    }

    /// The value before, as a history shows it.
    public var oldDisplay: String {
        switch operation {
        case .set(let old, _): old?.display ?? ""
        case .insert: ""
        case .remove(let value): value.display
        case .move(let from, _): "第 \(from + 1) 行"
        }
    }

    /// The value after, as a history shows it.
    public var newDisplay: String {
        switch operation {
        case .set(_, let new): new?.display ?? ""
        case .insert(let value): value.display
        case .remove: ""
        case .move(_, let to): "第 \(to + 1) 行"
        }
    }
}

extension DocumentChange {
    /// Why a recorded change could not be applied to a tree.
    public struct ApplyError: Error, CustomStringConvertible {
        public var change: String
        public var description: String { "修改记录“\(change)”与文档内容不符，无法重放" }
    }

    /// `tree` with `changes` applied in order.
    public static func apply(_ changes: [DocumentChange], to tree: JSONTree) throws -> JSONTree {
        try changes.reduce(tree) { try $1.apply(to: $0) }
    }

    func apply(to tree: JSONTree) throws -> JSONTree {
        guard let result = Self.rewrite(tree, path[...], operation) else { throw ApplyError(change: label) }
        return result
    }

    /// `tree` with the operation done at the end of `path`; nil when the path does not lead anywhere.
    private static func rewrite(_ tree: JSONTree?, _ path: ArraySlice<Step>, _ operation: Operation) -> JSONTree? {
        guard let step = path.first else {
            switch operation {
            case .set(_, let new): return new
            case .move(let from, let to):
                guard case .array(var items) = tree, items.indices.contains(from), items.indices.contains(to) else { return nil }
                items.insert(items.remove(at: from), at: to)
                return .array(items)
            case .insert, .remove: return nil
            }
        }
        switch (tree, step) {
        case (.object(var fields)?, .key(let key)):
            if path.count == 1, case .set(_, let new) = operation {
                fields[key] = new
            } else {
                guard let child = rewrite(fields[key], path.dropFirst(), operation) else { return nil }
                fields[key] = child
            }
            return .object(fields)
        case (.array(var items)?, .index(let index)):
            if path.count == 1 {
                switch operation {
                case .insert(let value):
                    guard (0...items.count).contains(index) else { return nil }
                    items.insert(value, at: index)
                    return .array(items)
                case .remove:
                    guard items.indices.contains(index) else { return nil }
                    items.remove(at: index)
                    return .array(items)
                default: break
                }
            }
            guard items.indices.contains(index), let child = rewrite(items[index], path.dropFirst(), operation) else { return nil }
            items[index] = child
            return .array(items)
        default:
            return nil
        }
    }
}

extension DocumentChange {
    /// The change as JSON text, as the store keeps it beside the readable columns.
    public var encoded: String {
        let steps: [JSONTree] = path.map {
            switch $0 {
            case .key(let key): .string(key)
            case .index(let index): .number(String(index))
            }
        }
        var fields: [String: JSONTree] = ["path": .array(steps), "label": .string(label)]
        switch operation {
        case .set(let old, let new):
            fields["op"] = .string("set")
            if let old { fields["old"] = old }
            if let new { fields["new"] = new }
        case .insert(let value):
            fields["op"] = .string("insert")
            fields["new"] = value
        case .remove(let value):
            fields["op"] = .string("remove")
            fields["old"] = value
        case .move(let from, let to):
            fields["op"] = .string("move")
            fields["from"] = .number(String(from))
            fields["to"] = .number(String(to))
        }
        return JSONTree.object(fields).text
    }

    /// A change from its ``encoded`` text; nil when the text is not one.
    public init?(encoded text: String) {
        guard case .object(let fields)? = JSONTree(parsing: text), case .array(let steps)? = fields["path"],
            case .string(let label)? = fields["label"], case .string(let op)? = fields["op"]
        else { return nil }
        var path: [Step] = []
        for step in steps {
            switch step {
            case .string(let key): path.append(.key(key))
            case .number(let text):
                guard let index = Int(text) else { return nil }
                path.append(.index(index))
            default: return nil
            }
        }
        func position(_ key: String) -> Int? {
            if case .number(let text)? = fields[key] { Int(text) } else { nil }
        }
        switch op {
        case "set": operation = .set(old: fields["old"], new: fields["new"])
        case "insert":
            guard let value = fields["new"] else { return nil }
            operation = .insert(value)
        case "remove":
            guard let value = fields["old"] else { return nil }
            operation = .remove(value)
        case "move":
            guard let from = position("from"), let to = position("to") else { return nil }
            operation = .move(from: from, to: to)
        default: return nil
        }
        self.path = path
        self.label = label
    }
}
