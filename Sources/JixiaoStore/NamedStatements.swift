import PostgresKit
import Synchronization

/// The statement shapes (SQL and parameter types) that ``PostgresServer`` prepares on its connections, each under a
/// name. A shape is named the second time it is seen, so a deep page asked for once is never prepared, and at most
/// `capacity` are: a connection keeps every statement prepared on it while it lives (PostgresNIO has no way to close
/// one), and each costs the server memory in that connection's backend. Shapes past the cap run unnamed.
final class NamedStatements: Sendable {
    static let capacity = 128
    /// Shapes seen once, forgotten all together when this many have gathered.
    private static let candidateCapacity = 1024

    /// The names by shape, and the shapes seen once.
    private struct State {
        var names: [String: String] = [:]
        var candidates: Set<String> = []
    }

    private let state = Mutex(State())

    /// How many shapes have a name.
    var count: Int { state.withLock { $0.names.count } }

    /// The name of the statement `sql` with parameters of `types`; nil if it runs unnamed this time.
    func name(for sql: String, types: [PostgresDataType]) -> String? {
        let shape = types.map { String($0.rawValue) }.joined(separator: ",") + "|" + sql
        return state.withLock { state in
            if let name = state.names[shape] { return name }
            guard state.names.count < Self.capacity else { return nil }
            guard state.candidates.remove(shape) != nil else {
                if state.candidates.count >= Self.candidateCapacity { state.candidates.removeAll(keepingCapacity: true) }
                state.candidates.insert(shape)
                return nil
            }
            let name = "jixiao_\(state.names.count + 1)"
            state.names[shape] = name
            return name
        }
    }
}
