import ArgumentParser

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
}
