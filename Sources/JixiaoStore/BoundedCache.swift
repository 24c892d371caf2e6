import Synchronization

/// Values kept in memory by key up to a capacity, the oldest going first when a new one would pass it; each value
/// costs what `cost` says (1 each, or its bytes); a key kept again keeps its place with the new value. For values that never go stale: what was read or made from one
/// version of a document, keyed by the version (a version never changes; every write makes a new one).
public final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entries {
        var values: [Key: Value] = [:]
        var order: [Key] = []
        var start = 0
        var cost = 0
    }

    private let entries = Mutex(Entries())
    private let capacity: Int
    private let cost: @Sendable (Value) -> Int

    public init(capacity: Int, cost: @escaping @Sendable (Value) -> Int = { _ in 1 }) {
        self.capacity = capacity
        self.cost = cost
    }

    public func value(for key: Key) -> Value? {
        entries.withLock { $0.values[key] }
    }

    public func keep(_ value: Value, for key: Key) {
        let added = cost(value)
        entries.withLock { entries in
            if let replaced = entries.values.updateValue(value, forKey: key) {
                entries.cost -= cost(replaced)
            } else {
                entries.order.append(key)
            }
            entries.cost += added
            while entries.cost > capacity, entries.start < entries.order.count {
                let oldest = entries.order[entries.start]
                entries.start += 1
                if let removed = entries.values.removeValue(forKey: oldest) { entries.cost -= cost(removed) }
            }
            // The evicted keys' slots are dropped once they are half the list.
            if entries.start > entries.order.count / 2 {
                entries.order.removeFirst(entries.start)
                entries.start = 0
            }
        }
    }
}
