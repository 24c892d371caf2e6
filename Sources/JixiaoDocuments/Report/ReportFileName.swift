import JixiaoCore

/// The names of the files written for an evaluation: the year, the unit and the project (or 部门整体 for the
/// agency's own), so two evaluations never share a name and a folder of reports reads like the bureau files them.
public enum ReportFileName {
    /// "2023年度-攀枝花市东区应急管理局-应急管理专项经费-绩效自评报告.docx"; the 自评表 ends in "-绩效自评表.xlsx".
    public static func name(_ evaluation: SelfEvaluation, format: String) -> String {
        let year = evaluation.fiscalYear.map { "\($0)年度" } ?? "未填年度"
        let subject = evaluation.kind == .agency ? "部门整体支出" : (evaluation.project ?? "项目")
        let document = format == "xlsx" ? "绩效自评表" : "绩效自评报告"
        return name([year, evaluation.agency.name, subject, document], extension: format)
    }

    /// `parts` joined into a file name with `extension`, each part made safe.
    public static func name(_ parts: [String], extension: String) -> String {
        parts.map(safe).joined(separator: "-") + "." + `extension`
    }

    /// Characters no file system takes in a name become "_" (a folder name too: no path separators survive).
    public static func safe(_ part: String) -> String {
        let refused = Set("/\\:*?\"<>|\n\r\t")
        let cleaned = String(part.map { refused.contains($0) ? "_" : $0 }).trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty || cleaned.allSatisfy({ $0 == "." }) ? "_" : String(cleaned.prefix(60))
    }
}
