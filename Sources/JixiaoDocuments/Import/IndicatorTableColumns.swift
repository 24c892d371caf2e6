import JixiaoOffice

/// Where the indicator table's columns are, found by their header words (``SelfEvaluationLayout``) whatever their
/// positions and however a province writes them.
struct IndicatorTableColumns {
    var level1: Int
    var level2: Int?
    var level3: Int
    var target: Int
    var actual: Int
    /// A column of its own for the comparator (≥, ≤, =) of the target.
    var comparator: Int?
    /// A column of its own for the unit of the target and the actual.
    var unit: Int?
    /// 分值; nil for a table that gives points only in its headers and the 得分 column.
    var weight: Int?
    /// Points of the level-1 indicator in a column of their own (自评权重).
    var categoryWeight: Int?
    var score: Int?
    var note: Int?

    /// The columns named in header `row`; nil when the row is not an indicator-table header (it must name the
    /// 三级指标, the target and the actual, and the 一级 or 二级指标).
    init?(sheet: Sheet, row: Int, layout: SelfEvaluationLayout = .shipped) {
        let found = layout.columns(of: row, in: sheet, words: layout.indicatorColumns)
        guard let level3 = found["level3"], let target = found["target"], let actual = found["actual"],
            found["level1"] != nil || found["level2"] != nil
        else { return nil }
        // A 一级指标 header printed otherwise (OCR, a typo) is the column left of the 二级指标.
        guard let level1 = found["level1"] ?? found["level2"].map({ $0 - 1 }), level1 >= 1 else { return nil }
        self.level1 = level1
        level2 = found["level2"]
        self.level3 = level3
        self.target = target
        self.actual = actual
        comparator = found["comparator"]
        unit = found["unit"]
        weight = found["weight"]
        categoryWeight = found["categoryWeight"]
        score = found["score"]
        note = found["note"]
    }

    /// What a header row must name, for the error that says what is missing.
    static let requiredHeaders = ["一级指标（或二级指标）", "三级指标", "指标值", "实际完成值"]
}
