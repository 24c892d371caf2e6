import PostgresKit
import Synchronization

/// The named statements that have run on each of ``PostgresServer``'s connections: one that fails before it ever ran
/// on a connection may have failed to prepare there, which PostgresNIO would repeat for the connection's life.
final class PreparedOnConnections: Sendable {
    /// A connection's names; the weak reference tells a closed connection from another opened at its address.
    private struct Ran {
        weak var connection: PostgresConnection?
        var names: Set<String> = []
    }

    private let connections = Mutex<[ObjectIdentifier: Ran]>([:])

    /// Whether `name` has run on `connection`.
    func ran(_ name: String, on connection: PostgresConnection) -> Bool {
        connections.withLock { connections in
            guard let ran = connections[ObjectIdentifier(connection)], ran.connection === connection else { return false }
            return ran.names.contains(name)
        }
    }

    /// Records that `name` ran on `connection`, forgetting connections since closed.
    func record(_ name: String, on connection: PostgresConnection) {
        let key = ObjectIdentifier(connection)
        connections.withLock { connections in
            if connections[key]?.connection !== connection {
                connections = connections.filter { $0.value.connection.map { !$0.isClosed } ?? false }
                connections[key] = Ran(connection: connection)
            }
            connections[key]?.names.insert(name)
        }
    }
}
