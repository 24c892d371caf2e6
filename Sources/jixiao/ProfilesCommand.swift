import ArgumentParser
import JixiaoCore

/// `jixiao profiles`: lists the scoring profiles available to `score`.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profiles", abstract: "列出可用的评分规则")

    @OptionGroup var profiles: ProfileOptions

    func run() throws {
        for profile in try profiles.catalog().profiles.sorted(by: { $0.reference < $1.reference }) {
            var parts = profile.categories.map { "\($0.name) \($0.weight.plainText)" }
            if let block = profile.management, block.countsInTotal { parts.append("\(block.name) \(block.weight.plainText)") }
            let weights = parts.joined(separator: " · ")
            print("\(profile.reference)\t\(profile.name)\t执行率 \(profile.execution.weight.plainText) · \(weights)")
        }
    }
}
