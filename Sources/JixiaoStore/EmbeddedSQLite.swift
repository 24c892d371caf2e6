import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// The embedded store's SQLite file as an `SQLDatabase`: one writer connection, and readers beside it.
///
/// SQLiteNIO's connection runs every statement on a thread pool, prepares it anew each time and hands each row to an
/// event loop: under load, parsing SQL and the threads' hand-offs were most of a page's time. Here each connection
/// keeps its statements prepared. A read outside any transaction runs on the caller's thread, on a reader connection
/// of its own, from the page cache, in microseconds; reads run side by side with each other and with the writer, each
/// seeing the last commit (the file is in WAL mode). A write, and every statement of a transaction (`withSession`),
/// runs on the one writer connection, one session at a time (`SerialGate`), on the thread pool, so no event loop
/// waits for a disk or for another session (a read waits only if another process holds the file, up to 10 s).
final class EmbeddedSQLite: SQLDatabase {
    let logger: Logger
    let eventLoop: any EventLoop
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    /// The writer's settings: foreign keys checked, WAL (readers beside the writer), 64 MiB of page cache.
    private static let writerPragmas = ["PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA cache_size = -65536"]
    /// A reader's: 64 MiB of page cache of its own (there are as many readers as threads that read at once).
    private static let readerPragmas = ["PRAGMA cache_size = -65536"]

    private let path: String
    private let writer: SQLiteConnection
    private let writing = SerialGate()
    /// Readers not in use (nil once closed). One is taken out for each statement and put back after, so there are as
    /// many as threads have read at once (the server's event loops), each used by one thread at a time.
    private let idleReaders = Mutex<[SQLiteConnection]?>([])
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()
    private let threadPool = NIOThreadPool.singleton

    /// Opens (creating if missing) the file at `path` and puts it in WAL mode.
    init(path: String, logger: Logger) throws {
        self.writer = try SQLiteConnection(path: path, readOnly: false, pragmas: Self.writerPragmas)
        self.path = path
        self.logger = logger
        self.eventLoop = MultiThreadedEventLoopGroup.singleton.any()
    }

    /// Closes the idle readers and, once its session in progress is over, the writer; a reader in use is closed when
    /// it is put back.
    func close() async {
        for reader in idleReaders.withLock({ readers in defer { readers = nil }; return readers ?? [] }) { reader.close() }
        await writing.run { writer.close() }
    }

    /// Set while a task holds the writer: a statement it sends to the database instead of its session would wait for
    /// itself (a write) or miss its own changes (a read), so it is refused.
    @TaskLocal private static var holdsWriter = false

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (sql, binds) = try statement(query)
        if Self.holdsWriter { throw EmbeddedSQLiteError.misuse("会话中的语句须在会话上执行：\(sql)") }
        let rows: Rows
        if !Self.setsConnection(sql), let read = try read(sql, binds) {
            rows = read
        } else {
            rows = try await writing.run { try await write(sql, binds) }
        }
        hand(rows, to: onRow)
    }

    /// A session on the writer: the statements of a transaction, alone on it until the closure returns.
    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if Self.holdsWriter { throw EmbeddedSQLiteError.misuse("会话中不能再开始会话") }
        return try await writing.run { try await Self.$holdsWriter.withValue(true) { try await closure(WriterSession(database: self)) } }
    }

    /// PRAGMA, ATTACH and DETACH change the connection they run on (SQLite counts most of them as reads): the writer's.
    /// Asked of every statement, so it compares the first bytes in place (any case) instead of making a new string.
    private static func setsConnection(_ sql: String) -> Bool {
        let head = sql.utf8.drop { $0 == 0x20 || (0x09...0x0D).contains($0) }.prefix(6)
        return connectionWords.contains { word in head.elementsEqual(word) { $0 | 0x20 == $1 | 0x20 } }
    }

    private static let connectionWords = ["pragma", "attach", "detach"].map { Array($0.utf8) }

    /// The rows of one statement, read whole before any is handed on (no connection is held while callers decode).
    struct Rows: Sendable {
        var columns: ResultColumns
        var values: [[SQLiteData]]
    }

    /// Runs `sql` on an idle reader, or returns nil (having run nothing) if it would write.
    private func read(_ sql: String, _ binds: [SQLiteData]) throws -> Rows? {
        let idle = try idleReaders.withLock { readers in
            guard readers != nil else { throw EmbeddedSQLiteError.misuse("数据库已关闭") }
            return readers?.popLast()
        }
        let reader = try idle ?? SQLiteConnection(path: path, readOnly: true, pragmas: Self.readerPragmas)
        defer {
            let kept = idleReaders.withLock { readers in
                readers?.append(reader)
                return readers != nil
            }
            if !kept { reader.close() }
        }
        let rows = try reader.runIfReading(sql, binds)
        if reader.inTransaction {
            _ = try? reader.run("ROLLBACK", [])
            throw EmbeddedSQLiteError.misuse("事务只能在写连接的会话中开始：\(sql)")
        }
        return rows
    }

    /// Runs `sql` on the writer, on the thread pool; the caller holds the writer's session.
    private func write(_ sql: String, _ binds: [SQLiteData]) async throws -> Rows {
        try await threadPool.runIfActive { [writer] in try writer.run(sql, binds) }
    }

    private func statement(_ query: any SQLExpression) throws -> (String, [SQLiteData]) {
        let (sql, binds) = serialize(query)
        return (sql, try binds.map { try encoder.encode($0) })
    }

    private func hand(_ rows: Rows, to onRow: @Sendable (any SQLRow) -> ()) {
        for values in rows.values {
            onRow(EmbeddedSQLiteRow(columns: rows.columns, values: values, decoder: decoder))
        }
    }

    /// The writer while a session holds it: every statement runs there, in order.
    private struct WriterSession: SQLDatabase {
        let database: EmbeddedSQLite
        var logger: Logger { database.logger }
        var eventLoop: any EventLoop { database.eventLoop }
        var dialect: any SQLDialect { database.dialect }
        var queryLogLevel: Logger.Level? { nil }

        func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
            eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
        }

        func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
            let (sql, binds) = try database.statement(query)
            database.hand(try await database.write(sql, binds), to: onRow)
        }

        func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
            try await closure(self)
        }
    }
}
