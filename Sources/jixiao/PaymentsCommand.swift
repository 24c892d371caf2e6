import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoDocuments

/// `jixiao payments check LEDGER…`: each payment of a ledger with the approvals its amount needs and what is missing,
/// what counts as executed, and every problem that keeps the ledger from being stored.
struct PaymentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments", abstract: "支付台账：按审批规则核对每笔支付", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: "列出每笔支付需要的审批、缺少的审批、已执行金额，以及台账中的错误")

        @Argument(help: "支付台账文件（.xlsx、.csv）")
        var files: [String]

        @Option(name: .long, help: "审批规则：内置 id（如 seeds-2023）或 JSON 文件路径")
        var rules: String = "seeds-2023"

        func run() throws {
            let approvalRules = try RuleFiles.approvalRules(rules)
            var failed = false
            for file in files {
                do {
                    let ledger = try PaymentLedgerImporter.load(URL(fileURLWithPath: file), rules: approvalRules)
                    let review = LedgerReview(ledger, rules: approvalRules)
                    print(LedgerReviewText.render(ledger, review, rules: approvalRules) + "\n")
                    if !review.problems.isEmpty { failed = true }
                } catch {
                    failed = true
                    FileHandle.standardError.write(Data("错误：\(error)\n".utf8))
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
