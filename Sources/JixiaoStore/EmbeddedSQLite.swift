import Foundation
import JixiaoSQLiteConfig
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization
import VaporCSQLite

/// The embedded store's one SQLite connection as an `SQLDatabase`.
///
/// SQLiteNIO's connection runs every statement on a thread pool, prepares it anew each time and hands each row to an
/// event loop: under load, parsing SQL and the threads' hand-offs were most of a page's time. Here a statement is
/// prepared once and kept (the least recently used is finalized past `statementCapacity`), and a read outside any
/// transaction runs on the caller's thread, from SQLite's page cache, in microseconds. A write, and every statement of
/// a transaction (its `COMMIT` waits for the disk), runs on the thread pool, so no task thread waits for a disk.
/// The store's `SerialGate` keeps its operations apart; the lock here only guards the handle and the statements.
final class EmbeddedSQLite: SQLDatabase {
    let logger: Logger
    let eventLoop: any EventLoop
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    private let connection: Mutex<Connection>
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()
    private let threadPool = NIOThreadPool.singleton

    /// Opens (creating if missing) the file at `path`; a writer of another process is waited for up to 10 s.
    init(path: String, logger: Logger) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard opened == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "SQLite 无法分配连接"
            sqlite_nio_sqlite3_close_v2(handle)
            throw EmbeddedSQLiteError(code: opened, message: "无法打开数据库 \(path)：\(message)")
        }
        sqlite_nio_sqlite3_busy_timeout(handle, 10_000)
        // A kept statement keeps its plan: SQLite would otherwise plan most of them again at every new bound value
        // (measured: every statement, every time), losing what keeping them saves.
        let fixed = jixiao_sqlite_fix_query_plans(UnsafeMutableRawPointer(handle))
        guard fixed == SQLITE_OK else {
            sqlite_nio_sqlite3_close_v2(handle)
            throw EmbeddedSQLiteError(code: fixed, message: "无法设置数据库 \(path) 的查询计划")
        }
        self.connection = Mutex(Connection(handle: handle))
        self.logger = logger
        self.eventLoop = MultiThreadedEventLoopGroup.singleton.any()
    }

    /// Finalizes the kept statements and closes the file.
    func close() {
        connection.withLock { $0.close() }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (sql, rawBinds) = serialize(query)
        let binds = try rawBinds.map { try encoder.encode($0) }
        let result = try connection.withLock { try $0.run(sql, binds, onlyReads: true) }
        let rows: Rows
        if let result {
            rows = result
        } else {
            rows = try await threadPool.runIfActive { [self] in
                try connection.withLock { try $0.run(sql, binds, onlyReads: false)! }
            }
        }
        for values in rows.values {
            onRow(EmbeddedSQLiteRow(columns: rows.columns, values: values, decoder: decoder))
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// The rows of one statement, read whole before any is handed on (the lock is not held while callers decode).
    struct Rows: Sendable {
        var columns: EmbeddedSQLiteRow.Columns
        var values: [[SQLiteData]]
    }

    /// The handle and its kept statements; used only under the lock.
    private struct Connection: ~Copyable {
        /// Statements kept prepared; a page runs a dozen distinct ones, lists with `IN (…)` one per length.
        static let statementCapacity = 200

        var handle: OpaquePointer?
        var statements: [String: Kept] = [:]
        var clock = 0

        struct Kept {
            var statement: OpaquePointer
            var columns: EmbeddedSQLiteRow.Columns
            var used: Int
        }

        init(handle: OpaquePointer) {
            self.handle = handle
        }

        /// Runs `sql` and returns its rows, or nil (having run nothing) when `onlyReads` and it is not a read
        /// outside a transaction.
        mutating func run(_ sql: String, _ binds: [SQLiteData], onlyReads: Bool) throws -> Rows? {
            guard let handle else { throw EmbeddedSQLiteError(code: SQLITE_MISUSE, message: "数据库已关闭") }
            let kept = try statement(for: sql, on: handle)
            if onlyReads, sqlite_nio_sqlite3_stmt_readonly(kept.statement) == 0 || sqlite_nio_sqlite3_get_autocommit(handle) == 0 {
                return nil
            }
            let statement = kept.statement
            defer {
                sqlite_nio_sqlite3_reset(statement)
                sqlite_nio_sqlite3_clear_bindings(statement)
            }
            for (index, value) in binds.enumerated() {
                try check(Self.bind(value, at: Int32(index + 1), to: statement), on: handle)
            }
            var rows: [[SQLiteData]] = []
            let count = Int32(kept.columns.names.count)
            while true {
                let stepped = sqlite_nio_sqlite3_step(statement)
                if stepped == SQLITE_DONE { break }
                guard stepped == SQLITE_ROW else { try check(stepped, on: handle); break }
                rows.append((0..<count).map { Self.value(at: $0, of: statement) })
            }
            return Rows(columns: kept.columns, values: rows)
        }

        private mutating func statement(for sql: String, on handle: OpaquePointer) throws -> Kept {
            clock += 1
            if var kept = statements[sql] {
                kept.used = clock
                statements[sql] = kept
                return kept
            }
            var prepared: OpaquePointer?
            let flags = UInt32(SQLITE_PREPARE_PERSISTENT)
            let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, flags, &prepared, nil)
            guard status == SQLITE_OK, let prepared else {
                sqlite_nio_sqlite3_finalize(prepared)
                throw EmbeddedSQLiteError(code: status, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)))
            }
            let names = (0..<sqlite_nio_sqlite3_column_count(prepared)).map {
                sqlite_nio_sqlite3_column_name(prepared, $0).map { String(cString: $0) } ?? ""
            }
            let kept = Kept(statement: prepared, columns: EmbeddedSQLiteRow.Columns(names), used: clock)
            if statements.count >= Self.statementCapacity, let oldest = statements.min(by: { $0.value.used < $1.value.used }) {
                sqlite_nio_sqlite3_finalize(oldest.value.statement)
                statements.removeValue(forKey: oldest.key)
            }
            statements[sql] = kept
            return kept
        }

        private func check(_ status: Int32, on handle: OpaquePointer) throws {
            guard status != SQLITE_OK else { return }
            throw EmbeddedSQLiteError(code: status, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)))
        }

        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        private static func bind(_ value: SQLiteData, at index: Int32, to statement: OpaquePointer) -> Int32 {
            switch value {
            case .integer(let integer): return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(integer))
            case .float(let float): return sqlite_nio_sqlite3_bind_double(statement, index, float)
            case .null: return sqlite_nio_sqlite3_bind_null(statement, index)
            case .text(let text):
                var text = text
                return text.withUTF8 {
                    sqlite_nio_sqlite3_bind_text64(statement, index, $0.baseAddress, UInt64($0.count), transient, UInt8(SQLITE_UTF8))
                }
            case .blob(let buffer):
                return buffer.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient)
                }
            }
        }

        private static func value(at column: Int32, of statement: OpaquePointer) -> SQLiteData {
            switch sqlite_nio_sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
            case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
            case SQLITE_TEXT:
                let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
                return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
            case SQLITE_BLOB:
                let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                var buffer = ByteBufferAllocator().buffer(capacity: count)
                if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                    buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
                }
                return .blob(buffer)
            default: return .null
            }
        }

        mutating func close() {
            for kept in statements.values { sqlite_nio_sqlite3_finalize(kept.statement) }
            statements = [:]
            sqlite_nio_sqlite3_close_v2(handle)
            handle = nil
        }
    }
}

/// What SQLite said when a statement failed (its result code and message).
struct EmbeddedSQLiteError: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    var description: String { "SQLite 错误 \(code)：\(message)" }
}

/// A row read by `EmbeddedSQLite`: its values, and the statement's column names shared by every row.
struct EmbeddedSQLiteRow: SQLRow {
    /// A statement's column names and where each is (the first of a repeated name).
    struct Columns: Sendable {
        var names: [String]
        var index: [String: Int]

        init(_ names: [String]) {
            self.names = names
            self.index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    var columns: Columns
    var values: [SQLiteData]
    var decoder: SQLiteDataDecoder

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.index[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let at = columns.index[column] else { return true }
        return values[at] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let at = columns.index[column] else {
            throw DecodingError.keyNotFound(
                SQLRowCodingKey(column), .init(codingPath: [], debugDescription: "结果中没有列 \(column)"))
        }
        return try decoder.decode(D.self, from: values[at])
    }
}

/// A column name as a coding key, for the error of a column the row does not have.
private struct SQLRowCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
