import JixiaoOffice

/// Where the indicator table's columns are, found by their header words whatever their positions.
struct IndicatorTableColumns {
    var level1: Int
    var level2: Int
    var level3: Int
    var target: Int
    var actual: Int
    var weight: Int?
    var score: Int?
    var note: Int?

    /// Whether `row` of `sheet` is an indicator-table header (一级指标 · 二级指标 · 三级指标 …).
    static func isHeader(_ text: String) -> Bool { text == "一级指标" }

    /// The columns named in header `row`; nil when the row lacks one of the required headers.
    init?(sheet: Sheet, row: Int) {
        guard let level1 = sheet.column(in: row, where: { $0 == "一级指标" }),
            let level2 = sheet.column(in: row, where: { $0 == "二级指标" }),
            let level3 = sheet.column(in: row, where: { $0 == "三级指标" }),
            let target = sheet.column(in: row, where: { $0.contains("指标值") && !$0.contains("实际") }),
            let actual = sheet.column(in: row, where: { $0.hasPrefix("实际完成") })
        else { return nil }
        self.level1 = level1
        self.level2 = level2
        self.level3 = level3
        self.target = target
        self.actual = actual
        weight = sheet.column(in: row, where: { $0 == "分值" || $0 == "权重" || $0 == "分值(分)" })
        score = sheet.column(in: row, where: { $0 == "得分" || $0 == "自评得分" })
        note = sheet.column(in: row, where: { $0.hasPrefix("偏差原因") })
    }

    /// The columns a header row names, for the error that lists what is missing.
    static let requiredHeaders = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"]
}
