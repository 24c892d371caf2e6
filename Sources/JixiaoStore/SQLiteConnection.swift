import JixiaoSQLiteConfig
import NIOCore
import SQLiteKit
import VaporCSQLite

/// One handle on the embedded store's SQLite file and the statements it keeps prepared (the least recently used is
/// finalized past `statementCapacity`). Not safe to share: `EmbeddedSQLite` gives each connection to one thread at a
/// time (the writer to its one session, a reader while it is taken out of the idle ones).
final class SQLiteConnection: @unchecked Sendable {
    /// Statements kept prepared; a page runs a dozen distinct ones, lists with `IN (…)` one per length.
    static let statementCapacity = 200

    private var handle: OpaquePointer?
    private var statements: [String: Kept] = [:]
    private var clock = 0

    private struct Kept {
        var statement: OpaquePointer
        var columns: ResultColumns
        var used: Int
    }

    /// Opens the file at `path` (created if missing unless `readOnly`), runs `pragmas`; a writer of another process
    /// is waited for up to 10 s.
    init(path: String, readOnly: Bool, pragmas: [String]) throws {
        var handle: OpaquePointer?
        let access = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, access | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nil)
        guard opened == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "SQLite 无法分配连接"
            sqlite_nio_sqlite3_close_v2(handle)
            throw EmbeddedSQLiteError(code: opened, message: "无法打开数据库 \(path)：\(message)")
        }
        self.handle = handle
        sqlite_nio_sqlite3_busy_timeout(handle, 10_000)
        // A kept statement keeps its plan: SQLite would otherwise plan most of them again at every new bound value
        // (measured: every statement, every time), losing what keeping them saves.
        let fixed = jixiao_sqlite_fix_query_plans(UnsafeMutableRawPointer(handle))
        do {
            guard fixed == SQLITE_OK else { throw EmbeddedSQLiteError(code: fixed, message: "无法设置数据库 \(path) 的查询计划") }
            for pragma in pragmas { _ = try run(pragma, []) }
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Whether a statement left a transaction open (a reader must never do so).
    var inTransaction: Bool {
        handle.map { sqlite_nio_sqlite3_get_autocommit($0) == 0 } ?? false
    }

    /// Runs `sql` and returns its rows.
    func run(_ sql: String, _ binds: [SQLiteData]) throws -> EmbeddedSQLite.Rows {
        let (kept, handle) = try prepared(sql)
        return try run(kept, binds, on: handle)
    }

    /// Runs `sql` and returns its rows, or returns nil (having run nothing) if it would write.
    func runIfReading(_ sql: String, _ binds: [SQLiteData]) throws -> EmbeddedSQLite.Rows? {
        let (kept, handle) = try prepared(sql)
        guard sqlite_nio_sqlite3_stmt_readonly(kept.statement) != 0 else { return nil }
        return try run(kept, binds, on: handle)
    }

    private func prepared(_ sql: String) throws -> (Kept, OpaquePointer) {
        guard let handle else { throw EmbeddedSQLiteError.misuse("数据库已关闭") }
        return (try statement(for: sql, on: handle), handle)
    }

    private func run(_ kept: Kept, _ binds: [SQLiteData], on handle: OpaquePointer) throws -> EmbeddedSQLite.Rows {
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
        return EmbeddedSQLite.Rows(columns: kept.columns, values: rows)
    }

    /// Finalizes the kept statements and closes the handle.
    func close() {
        for kept in statements.values { sqlite_nio_sqlite3_finalize(kept.statement) }
        statements = [:]
        sqlite_nio_sqlite3_close_v2(handle)
        handle = nil
    }

    private func statement(for sql: String, on handle: OpaquePointer) throws -> Kept {
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
        let kept = Kept(statement: prepared, columns: ResultColumns(names), used: clock)
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
}

/// What SQLite said when a statement failed (its result code and message).
struct EmbeddedSQLiteError: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    var description: String { "SQLite 错误 \(code)：\(message)" }

    /// A statement the store must not run (on a closed database, or a transaction begun outside a session).
    static func misuse(_ message: String) -> EmbeddedSQLiteError {
        EmbeddedSQLiteError(code: SQLITE_MISUSE, message: message)
    }
}
