import Synchronization

/// What was read from one version of a document, kept by "id@version": a version never changes once written (every
/// write makes a new one), so an entry is never stale, on one server or several. The oldest go first past `capacity`.
final class VersionCache<Value: Sendable>: Sendable {
    private struct Entries {
        var values: [String: Value] = [:]
        var order: [String] = []
        var start = 0
    }

    private let entries = Mutex(Entries())
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    static func key(_ id: String, version: Int) -> String { "\(id)@\(version)" }

    func value(for key: String) -> Value? {
        entries.withLock { $0.values[key] }
    }

    func keep(_ value: Value, for key: String) {
        entries.withLock { entries in
            guard entries.values.updateValue(value, forKey: key) == nil else { return }
            entries.order.append(key)
            while entries.values.count > capacity, entries.start < entries.order.count {
                entries.values.removeValue(forKey: entries.order[entries.start])
                entries.start += 1
            }
            // The evicted keys' slots are dropped once they are half the list.
            if entries.start > entries.order.count / 2 {
                entries.order.removeFirst(entries.start)
                entries.start = 0
            }
        }
    }
}
