import Foundation
import Logging
import PostgresNIO

/// A connection of its own that listens on PostgreSQL for the announcements of migration 0016 (who may do what
/// changed) and tells ``RememberedSessions``. Every two seconds it announces a token of its own: hearing it back vouches
/// for every announcement before it, for ``span`` more. A connection that has not brought it back for that long is
/// closed and another opened, after 1 s, 2 s … at most 30 s; meanwhile nothing is kept.
final class AccessListener: Sendable {
    /// The channel migration 0016's triggers announce on: a session's token hash, or nothing for anything else.
    static let channel = "jixiao_access"
    /// How often the listener announces its token, and how long hearing it vouches for.
    static let interval = Duration.seconds(2)
    static let span = Duration.seconds(6)
    /// How the listeners' own tokens begin (a token hash is hexadecimal).
    private static let readyPrefix = "ready:"

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

    /// Stops listening and closes the connection.
    func stop() async {
        task.cancel()
        await task.value
    }

    /// Hears announcements until the connection ends or stops bringing back the listener's own (or the task is
    /// cancelled).
    private static func listen(on connection: PostgresConnection, to sessions: RememberedSessions, logger: Logger) async throws {
        let token = readyPrefix + UUID().uuidString
        try await connection.listen(on: channel) { notifications in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await notification in notifications {
                        if notification.payload == token {
                            sessions.heard(for: span)
                        } else if !notification.payload.hasPrefix(readyPrefix) {  // not another server's token
                            sessions.forget(notification.payload.isEmpty ? nil : notification.payload)
                        }
                    }
                    throw Silence()
                }
                group.addTask {
                    while true {
                        try await connection.query("SELECT pg_notify(\(channel), \(token))", logger: logger)
                        try await Task.sleep(for: interval)
                    }
                }
                group.addTask {
                    // Gives up on a connection that stopped answering (or on cancellation): closing it ends the other two,
                    // whatever they wait for.
                    let opened = ContinuousClock.now
                    while !Task.isCancelled, sessions.isListening || ContinuousClock.now - opened < span {
                        try? await Task.sleep(for: .seconds(1))
                    }
                    try? await connection.close()
                    throw Silence()
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    /// The connection stopped bringing back announcements.
    private struct Silence: Error, CustomStringConvertible {
        var description: String { "连接在 \(AccessListener.span) 内未传回监听自身的通知" }
    }
}
