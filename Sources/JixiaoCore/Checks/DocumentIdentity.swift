/// Whose document it is and of which year, as the document itself says: a table's unit and fiscal year, else the
/// report's title line ("2023年度攀枝花市东区应急管理局项目支出…"). Documents are compared with each other only when
/// they share one: two units' or two years' files are never one unit's files.
public struct DocumentIdentity: Hashable, Sendable, CustomStringConvertible {
    public var unit: String
    public var year: Int

    public init(unit: String, year: Int) {
        self.unit = unit
        self.year = year
    }

    public var description: String { "\(year)年度\(unit)" }

    /// The identity a document states, nil when it states no unit or no year.
    public static func of(prose: ReportProse, evaluations: [SelfEvaluation]) -> DocumentIdentity? {
        if let evaluation = evaluations.first(where: { !$0.agency.name.isEmpty && $0.fiscalYear != nil }), let year = evaluation.fiscalYear {
            return DocumentIdentity(unit: evaluation.agency.name, year: year)
        }
        // The title is the first paragraphs; it may be broken over two lines.
        let title = prose.paragraphs.prefix(4).map(\.text).joined().filter { !$0.isWhitespace }
        var found: [(year: Substring, unit: Substring)] = []
        if let match = title.firstMatch(of: /(20\d\d)年度?(.+?)(?:项目支出|整体支出|部门整体|部门决算|单位决算|决算|绩效)/) {
            found.append((match.1, match.2))
        }
        // "攀枝花市东区应急管理局2023年度部门决算": the unit before the year.
        if let match = title.firstMatch(of: /([^0-9\s，。：:]{2,40}?)(20\d\d)年度?(?:项目支出|整体支出|部门整体|部门决算|单位决算|决算|绩效)/) {
            found.append((match.2, match.1))
        }
        return found.lazy.compactMap { year, unit -> DocumentIdentity? in
            guard let year = Int(year), unit.count >= 2, !unit.contains(where: { $0.isASCII && $0.isNumber }),
                !["部门", "单位", "本部门", "本单位"].contains(String(unit))
            else { return nil }
            return DocumentIdentity(unit: String(unit), year: year)
        }.first
    }
}
