import Foundation
import Logging
import PostgresNIO
import Synchronization

/// A connection of its own that listens on PostgreSQL for the announcements of migration 0016 (who may do what
/// changed) and tells ``RememberedSessions``. Every two seconds it sends a numbered ping of its own on the channel:
/// hearing one back vouches for every announcement before it, until ``span`` after the ping was sent. A ping is sent
/// only while the triggers that announce are all there and enabled (without them nothing is kept), and it tells on
/// which backend it ran: a pooler in transaction mode would run it on a backend other than the one that listens, where
/// announcements can be lost, so a second backend stops the keeping of sessions for the server's life. A connection
/// that has not brought a ping back for ``span`` is closed and another opened, after 1 s, 2 s … at most 30 s; until a
/// ping comes back on it nothing is kept.
final class AccessListener: Sendable {
    /// The channel migration 0016's triggers announce on: a session's token hash, or nothing for anything else.
    static let channel = "jixiao_access"
    /// How often the listener pings, and how long after its sending a ping heard back vouches for.
    static let interval = Duration.seconds(2)
    static let span = Duration.seconds(6)
    /// How the listeners' pings begin (a token hash is hexadecimal).
    private static let pingPrefix = "ping:"

    private let task: Task<Void, Never>

    init(configuration: PostgresConnection.Configuration, sessions: RememberedSessions, logger: Logger) {
        task = Task {
            var delay = 1
            var attempt = 0
            while !Task.isCancelled {
                attempt += 1
                do {
                    let connection = try await PostgresConnection.connect(configuration: configuration, id: attempt, logger: logger)
                    let opened = ContinuousClock.now
                    do {
                        try await Self.listen(on: connection, to: sessions, logger: logger)
                    } catch is Pooled {
                        logger.warning("数据库连接经过事务模式的连接池，无法可靠收到会话变更通知：本服务器不再保留会话，每次请求从数据库读取")
                        sessions.deaf()
                        try? await connection.close()
                        return
                    } catch {
                        if ContinuousClock.now - opened > .seconds(60) { delay = 1 }  // it worked a while: retry soon
                        if !Task.isCancelled { logger.warning("会话变更监听中断，会话改为每次从数据库读取：\(String(reflecting: error))") }
                    }
                    try? await connection.close()
                } catch {
                    logger.warning("会话变更监听无法连接数据库，\(delay) 秒后重试：\(String(reflecting: error))")
                }
                sessions.deaf()
                try? await Task.sleep(for: .seconds(delay))
                delay = min(delay * 2, 30)
            }
        }
    }

    /// Stops listening and closes the connection (a connection being opened is waited for, up to its timeout).
    func stop() async {
        task.cancel()
        await task.value
    }

    /// Hears announcements until the connection ends or stops bringing back pings (or the task is cancelled).
    private static func listen(on connection: PostgresConnection, to sessions: RememberedSessions, logger: Logger) async throws {
        let pings = Pings()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await connection.listen(on: channel) { notifications in
                    for try await notification in notifications {
                        if let sent = pings.heard(notification.payload) {
                            sessions.heard(until: sent + span)
                        } else if !notification.payload.hasPrefix(pingPrefix) {  // not another server's ping
                            sessions.forget(notification.payload.isEmpty ? nil : notification.payload)
                        }
                    }
                }
                throw ListenerError.ended
            }
            group.addTask {
                // Pings, and gives up on a connection that stops bringing them back (or on cancellation): closing it
                // ends the listening above, whatever it waits for.
                do {
                    try await ping(on: connection, pings: pings, sessions: sessions, logger: logger)
                } catch {
                    try? await connection.close()
                    throw error
                }
            }
            try await group.next()
        }
    }

    /// Sends a ping every ``interval`` until one sent ``span`` ago or earlier has not come back. While the announcing
    /// triggers are missing or disabled no ping is sent and everything kept is forgotten, on the same connection (a
    /// database being migrated gets them in a moment).
    private static func ping(on connection: PostgresConnection, pings: Pings, sessions: RememberedSessions, logger: Logger) async throws {
        var since = ContinuousClock.now
        var backend: Int?
        while true {
            guard !connection.isClosed else { throw ListenerError.ended }
            let payload = pings.next()
            let (answered, announcing) = try await within(span) {
                // pg_notify is volatile: PostgreSQL calls it though its column is not selected.
                let rows = try await connection.query("""
                    SELECT pg_backend_pid() AS backend, c.announcing
                    FROM (SELECT \(unescaped: Pings.triggersEnabled) AS announcing) AS c,
                    LATERAL (SELECT CASE WHEN c.announcing THEN pg_notify(\(channel), \(payload)) END) AS ping
                    """, logger: logger).collect()
                guard let row = rows.first else { throw ListenerError.silent }
                return try row.decode((Int, Bool).self, context: .default)
            }
            if let backend, answered != backend { throw Pooled() }
            backend = answered
            if !announcing {
                sessions.deaf()
                since = ContinuousClock.now
            }
            try await Task.sleep(for: interval)
            if !sessions.isListening, ContinuousClock.now - since >= span { throw ListenerError.silent }
        }
    }

    /// `operation`'s result, or ``ListenerError/silent`` after `limit`. A query written to a connection that has just
    /// closed is never answered by PostgresNIO: it is left waiting, unstructured, rather than holding the listener.
    private static func within<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let once = Once(continuation)
            let timer = Task {
                try? await Task.sleep(for: limit)
                once.resume(with: .failure(ListenerError.silent))
            }
            Task {
                do { once.resume(with: .success(try await operation())) } catch { once.resume(with: .failure(error)) }
                timer.cancel()
            }
        }
    }

    /// A continuation resumed by whichever comes first.
    private final class Once<T: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<T, any Error>?>

        init(_ continuation: CheckedContinuation<T, any Error>) {
            self.continuation = Mutex(continuation)
        }

        func resume(with result: Result<T, any Error>) {
            continuation.withLock { $0.take() }?.resume(with: result)
        }
    }

    /// The pings sent on a connection, by number, and when each was sent.
    private final class Pings: Sendable {
        private let id = UUID().uuidString
        private let sent = Mutex<(next: Int, at: [Int: ContinuousClock.Instant])>((0, [:]))

        /// The next ping's payload, noted as sent now.
        func next() -> String {
            let number = sent.withLock { sent in
                sent.next += 1
                sent.at[sent.next] = ContinuousClock.now
                sent.at = sent.at.filter { $0.key > sent.next - 8 }  // older ones vouch for nothing any more
                return sent.next
            }
            return "\(AccessListener.pingPrefix)\(id):\(number)"
        }

        /// When the ping `payload` was sent, if it is one of these.
        func heard(_ payload: String) -> ContinuousClock.Instant? {
            let prefix = "\(AccessListener.pingPrefix)\(id):"
            guard payload.hasPrefix(prefix), let number = Int(payload.dropFirst(prefix.count)) else { return nil }
            return sent.withLock { $0.at[number] }
        }

        /// Whether migration 0016's triggers are every one there and not disabled (else no ping is sent).
        static let triggersEnabled = """
            (SELECT COUNT(*) FROM pg_trigger WHERE tgenabled <> 'D'
            AND tgname IN (\(AnnounceAccessChanges.triggers.map { "'\($0)'" }.joined(separator: ", ")))) = \(AnnounceAccessChanges.triggers.count)
            """
    }

    /// Why a listening connection was given up.
    private enum ListenerError: Error, CustomStringConvertible {
        case ended, silent

        var description: String {
            switch self {
            case .ended: "连接已结束"
            case .silent: "连接在 \(AccessListener.span.components.seconds) 秒内未传回监听自身的通知"
            }
        }
    }

    /// The ping ran on a backend other than the one before: a pooler in transaction mode.
    private struct Pooled: Error {}
}
