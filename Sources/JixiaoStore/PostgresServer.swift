@preconcurrency import AsyncKit
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit

/// The shared deployment's PostgreSQL server as an `SQLDatabase`: a pool of connections (8 per event loop), on which
/// the statements the server runs again and again are prepared once per connection (``NamedStatements``) instead of
/// parsed and planned for every request: planning a page's statements cost the server several times running them.
///
/// Sessions are kept between requests (``RememberedSessions``) while ``AccessListener`` hears the database announce
/// changes of who may do what: looking one up would otherwise be a statement of every signed-in page.
///
/// Only statements outside a session are prepared: a statement that fails to prepare stays failed on its connection
/// (PostgresNIO keeps the error), and in a transaction that has failed every statement does. A session's statements go
/// unnamed, as do those whose parameters are not text, integers, booleans or NULL, and shapes past the cap.
final class PostgresServer: SQLDatabase {
    let logger: Logger
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { nil }

    private let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    let names = NamedStatements()
    private let prepared = PreparedOnConnections()
    let sessions = RememberedSessions()
    private let listener: AccessListener

    /// Connects lazily to the server at `url` (`postgres://user:password@host:5432/database`).
    init(url: String, logger: Logger) throws {
        let configuration = try SQLPostgresConfiguration(url: url)
        self.pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: 8, on: MultiThreadedEventLoopGroup.singleton)
        self.logger = logger
        self.listener = AccessListener(configuration: configuration.coreConfiguration, sessions: sessions, logger: logger)
    }

    /// Stops listening and closes every connection.
    func shutdown() async throws {
        await listener.stop()
        try await pool.shutdownAsync()
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (sql, binds) = serialize(query)
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        guard let (bindings, types) = Self.bindings(binds), let name = names.name(for: sql, types: types) else {
            return try await connection.sql().execute(sql: query, onRow)
        }
        let rows: AsyncThrowingMapSequence<PostgresRowSequence, PostgresRow>
        do {
            rows = try await NamedStatement.$shape.withValue(NamedStatement.Shape(name: name, sql: sql, types: types)) {
                try await connection.execute(NamedStatement(bindings: bindings), logger: logger)
            }
        } catch {
            // Failed before it ever ran here, it may have failed to prepare, and PostgresNIO would give that error
            // for the name on this connection from now on: the connection goes (the pool opens another).
            if !prepared.ran(name, on: connection) { try? await connection.close().get() }
            throw error
        }
        prepared.record(name, on: connection)
        var columns: ResultColumns?
        for try await row in rows {
            let shared = columns ?? ResultColumns(row.map(\.columnName))
            columns = shared
            onRow(PostgresServerRow(row, columns: shared))
        }
    }

    /// One connection for the closure's statements, in order (a transaction's). Should the closure fail inside a
    /// transaction it left open, the transaction is rolled back before the connection serves anyone else.
    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        do {
            return try await closure(connection.sql())
        } catch {
            try? await connection.sql().raw("ROLLBACK").run()
            throw error
        }
    }

    /// The parameters as the server gets them, and their types, as PostgresKit would send them unnamed (so a statement
    /// means the same prepared or not); nil when one is of a type the store does not bind outside a session.
    private static func bindings(_ binds: [any Encodable & Sendable]) -> (PostgresBindings, [PostgresDataType])? {
        var bindings = PostgresBindings(capacity: binds.count)
        var types: [PostgresDataType] = []
        for bind in binds {
            switch bind {
            case let absent as any AbsentValue where absent.isAbsent: bindings.appendNull(); types.append(.null)
            case let text as String: bindings.append(text); types.append(String.psqlType)
            case let flag as Bool: bindings.append(flag); types.append(Bool.psqlType)
            case let number as Int: bindings.append(number); types.append(Int.psqlType)
            default: return nil
            }
        }
        return (bindings, types)
    }
}

/// A statement prepared under a name of ``NamedStatements``. PostgresNIO prepares a statement on a connection the
/// first time it runs there, by the type's static name and SQL, so these are read from the task running it.
private struct NamedStatement: PostgresPreparedStatement {
    /// What PostgresNIO reads of the statement: its name, its SQL and its parameters' types.
    struct Shape {
        var name: String
        var sql: String
        var types: [PostgresDataType]
    }

    /// Outside a statement's task the name and SQL are of a statement that cannot be prepared: were PostgresNIO to
    /// read them elsewhere, every statement would fail, loudly, rather than one run as another.
    @TaskLocal static var shape = Shape(name: "jixiao_no_statement", sql: "statement read outside its task", types: [])
    static var name: String { shape.name }
    static var sql: String { shape.sql }
    static var bindingDataTypes: [PostgresDataType] { shape.types }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

/// An optional bound as a statement's parameter, told apart when it is nil (a cast to `String` would see through it).
private protocol AbsentValue {
    var isAbsent: Bool { get }
}

extension Optional: AbsentValue {
    fileprivate var isAbsent: Bool {
        if case .none = self { true } else { false }
    }
}
