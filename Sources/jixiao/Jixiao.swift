import ArgumentParser
import Foundation

/// The `jixiao` command line: offline and batch work on files.
@main
struct Jixiao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jixiao",
        abstract: "绩效（Jixiao）：预算绩效自评的计分、核查与报告",
        subcommands: [
            ScoreCommand.self, CheckCommand.self, ReportCommand.self, PaymentsCommand.self, MonitorCommand.self, ProfilesCommand.self,
            ServeCommand.self,
        ])

    /// Runs the command chosen, with the parser's messages in Chinese. A command's own error is printed without the
    /// usage: the usage helps only when the command line was wrong.
    static func main() async {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            finish(exitCode(for: error), ParserMessages.chinese(fullMessage(for: error)))
        }
        if command is ServeCommand { ServeCommand.runTasksOnEventLoops() }
        do {
            if var command = command as? any AsyncParsableCommand { try await command.run() } else { try command.run() }
        } catch {
            let code = exitCode(for: error)
            // `jixiao` alone asks for the help: a clean exit, not an error.
            if code == .success { finish(code, ParserMessages.chinese(fullMessage(for: error))) }
            let message = message(for: error)
            finish(code, message.isEmpty ? "" : "错误：" + ParserMessages.chinese(message))
        }
    }

    private static func finish(_ code: ExitCode, _ message: String) -> Never {
        if !message.isEmpty {
            (code == .success ? FileHandle.standardOutput : FileHandle.standardError).write(Data((message + "\n").utf8))
        }
        Foundation.exit(code.rawValue)
    }
}
