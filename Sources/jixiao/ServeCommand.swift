import ArgumentParser
import Foundation
import Hummingbird
import JixiaoCore
import JixiaoDocuments
import JixiaoStore
import JixiaoWeb
import NIOCore
import NIOPosix

/// `jixiao serve`: the web application on a SQLite file (default) or PostgreSQL.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "启动网页应用（默认 127.0.0.1:8080，数据保存在 SQLite 文件中）")

    @Option(help: "监听地址") var host = "127.0.0.1"
    @Option(help: "端口") var port = 8080
    @Option(help: "数据库：SQLite 文件路径，或 postgres://用户:密码@主机:5432/库名") var database = "jixiao.sqlite"
    @Option(name: .customLong("examples"), help: "首次启动时载入的示例自评（JSON 文件目录）") var examples = "docs/examples"
    @Flag(name: .customLong("secure-cookies"), help: "经 HTTPS（反向代理）提供服务时设置：Cookie 加 Secure 标记，浏览器只经 HTTPS 发送")
    var secureCookies = false
    @OptionGroup var profiles: ProfileOptions

    func run() async throws {
        let catalog = try profiles.catalog()
        let store = try await StoreDatabase.open(database, profiles: catalog, approvals: try RuleFiles.approvalRules())
        let app = try await WebApp(database: store, profiles: catalog, secureCookies: secureCookies, warmsPublishedPDFs: true)
        let folder = URL(fileURLWithPath: examples)
        let logins = try await ExampleData.seedIfEmpty(app, examples: FileManager.default.fileExists(atPath: folder.path) ? folder : nil)
        if !logins.isEmpty {
            say("首次启动：已建立示例单位和以下账号（密码只显示这一次，请登录后妥善保存）：")
            for login in logins { say("  \(login.login)\t\(login.password)\t\(login.role)\t\(login.unit)") }
        }
        say("绩效 Jixiao 已启动：http://\(host):\(port)/  数据库：\(database.hasPrefix("postgres") ? "PostgreSQL" : database)")
        do {
            try await app.application(host: host, port: port).runService()
        } catch {
            try? await store.shutdown()
            throw error
        }
        try await store.shutdown()
    }

    /// Runs the server's tasks on its event loops (called once, on the main thread, before the server starts): a
    /// request is read, handled and answered on one thread, instead of handed to Swift's task threads and back, and
    /// two pools do not compete for the cores.
    static func runTasksOnEventLoops() {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Writes a line to standard output at once (print is buffered when the output is a file or a pipe).
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
