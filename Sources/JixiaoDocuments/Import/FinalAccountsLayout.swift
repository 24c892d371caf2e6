import JixiaoCore

/// The words of the 部门决算 statements (Resources/Layouts/final-accounts.json): titles, row labels, column headers.
struct FinalAccountsLayout: Decodable, Sendable {
    var statements: [String: [String]]
    var income: [String: [String]]
    var summary: [String: [String]]
    var spendingKinds: [String: [String]]
    var appropriation: [String: [String]]
    var columns: [String: [String]]
    var official: [String: [String]]
    var officialColumns: [String: [String]]
    var personnelTotal: [String]
    var publicFundsTotal: [String]
    /// The labels a disclosure's sentences give each figure.
    var sentenceLabels: [String: [String]]

    /// ``sentenceLabels`` by figure.
    var figureLabels: [AccountsFigure: [String]] {
        Dictionary(uniqueKeysWithValues: sentenceLabels.compactMap { key, words in AccountsFigure(rawValue: key).map { ($0, words) } })
    }

    static let shipped: FinalAccountsLayout = {
        do { return try RuleFiles.bundled("Layouts", file: "final-accounts.json", as: FinalAccountsLayout.self) } catch {
            fatalError("内置决算表用语文件无法读取：\(error)")
        }
    }()
}
