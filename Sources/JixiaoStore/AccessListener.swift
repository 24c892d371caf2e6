import Foundation
import Logging
import PostgresNIO

/// A connection of its own that listens on PostgreSQL for the announcements of migration 0016 (who may do what
/// changed) and tells ``RememberedSessions``. Sessions are kept only from the moment the listener has heard its own
/// first announcement (so it is known to hear) until its connection fails; it then connects again, after 1 s, 2 s …
/// at most 30 s.
final class AccessListener: Sendable {
    /// The channel migration 0016's triggers announce on: a session's token hash, or nothing for anything else.
    static let channel = "jixiao_access"

    private let task: Task<Void, Never>

    init(configuration: PostgresConnection.Configuration, sessions: RememberedSessions, logger: Logger) {
        task = Task {
            var delay = 1
            var attempt = 0
            while !Task.isCancelled {
                attempt += 1
                do {
                    let connection = try await PostgresConnection.connect(configuration: configuration, id: attempt, logger: logger)
                    do {
                        try await Self.listen(on: connection, to: sessions, logger: logger) { delay = 1 }
                    } catch {
                        if !Task.isCancelled { logger.warning("会话变更监听中断，会话改为每次从数据库读取：\(String(reflecting: error))") }
                    }
                    try? await connection.close()
                } catch {
                    logger.warning("会话变更监听无法连接数据库，\(delay) 秒后重试：\(String(reflecting: error))")
                }
                sessions.setListening(false)
                try? await Task.sleep(for: .seconds(delay))
                delay = min(delay * 2, 30)
            }
        }
    }

    /// Stops listening and closes the connection.
    func stop() async {
        task.cancel()
        await task.value
    }

    /// Hears announcements until the connection ends; `heard` when the listener's own first one arrives.
    private static func listen(
        on connection: PostgresConnection, to sessions: RememberedSessions, logger: Logger, heard: () -> Void
    ) async throws {
        let token = "ready:\(UUID().uuidString)"
        try await connection.listen(on: channel) { notifications in
            try await connection.query("SELECT pg_notify(\(channel), \(token))", logger: logger)
            for try await notification in notifications {
                if notification.payload == token {
                    sessions.setListening(true)
                    heard()
                } else {
                    sessions.forget(notification.payload.isEmpty ? nil : notification.payload)
                }
            }
        }
    }
}
