/// The words of indicator values: comparators, units and qualitative phrases, as found in real tables.
enum ValueLexicon {
    /// A word as scalars, ready to match inside a clause without building strings.
    struct Word<Meaning: Sendable>: Sendable {
        var scalars: [Unicode.Scalar]
        var meaning: Meaning

        init(_ text: String, _ meaning: Meaning) {
            scalars = Array(text.unicodeScalars)
            self.meaning = meaning
        }
    }

    static let prefixWords = prefixComparators.map { Word($0.0, $0.1) }
    static let suffixWords = suffixComparators.map { Word($0.0, $0.1) }
    static let unitWords = units.map { Word($0.0, $0.1) }
    static let approximationWords = approximations.map { Word($0, $0) }

    /// Words written before the number, longest first so "不少于" wins over "少于".
    static let prefixComparators: [(String, Comparator)] = [
        ("不少于", .atLeast), ("不低于", .atLeast), ("不小于", .atLeast), ("至少", .atLeast), ("最少", .atLeast),
        ("达到", .atLeast), ("≥", .atLeast),
        ("不超过", .atMost), ("不高于", .atMost), ("不大于", .atMost), ("不多于", .atMost), ("至多", .atMost),
        ("最多", .atMost), ("控制在", .atMost), ("≤", .atMost),
        ("大于", .greaterThan), ("高于", .greaterThan), ("超过", .greaterThan), ("多于", .greaterThan),
        (">", .greaterThan),
        ("小于", .lessThan), ("低于", .lessThan), ("少于", .lessThan), ("<", .lessThan),
        ("等于", .equal), ("=", .equal),
    ].sorted { $0.0.count > $1.0.count }

    /// Words written after the number and unit. By statute "以上/以下" include the number itself.
    static let suffixComparators: [(String, Comparator)] = [
        ("及以上", .atLeast), ("以上", .atLeast), ("及以下", .atMost), ("以下", .atMost), ("以内", .atMost),
    ]

    /// Words that make a figure approximate; a target written this way is not read as exact.
    static let approximations = ["约", "左右", "大约", "近", "余"]

    /// Units, longest first; each maps to its normalised form.
    static let units: [(String, String)] = [
        ("个百分点", "个百分点"), ("百分比", "%"), ("%", "%"), ("‰", "‰"),
        ("亿元", "亿元"), ("万元", "万元"), ("千元", "千元"), ("元", "元"),
        ("平方米", "平方米"), ("平米", "平方米"), ("㎡", "平方米"), ("平方公里", "平方公里"), ("公里", "公里"),
        ("千米", "公里"), ("公顷", "公顷"), ("立方米", "立方米"), ("米", "米"), ("亩", "亩"), ("吨", "吨"),
        ("万人次", "万人次"), ("人次", "人次"), ("万人", "万人"), ("家次", "家次"), ("台次", "台次"), ("车次", "车次"),
        ("万户", "万户"), ("小时", "小时"), ("分钟", "分钟"), ("工作日", "工作日"), ("个月", "个月"),
        ("人", "人"), ("名", "名"), ("次", "次"), ("个", "个"), ("条", "条"), ("项", "项"), ("套", "套"), ("台", "台"),
        ("家", "家"), ("户", "户"), ("起", "起"), ("件", "件"), ("场", "场"), ("期", "期"), ("批", "批"),
        ("处", "处"), ("所", "所"), ("辆", "辆"), ("篇", "篇"), ("份", "份"), ("本", "本"), ("册", "册"),
        ("天", "天"), ("日", "日"), ("月", "月"), ("年", "年"), ("座", "座"), ("栋", "栋"), ("块", "块"),
        ("张", "张"), ("部", "部"), ("轮", "轮"), ("支", "支"), ("队", "队"), ("间", "间"),
        ("类", "类"), ("种", "种"), ("分", "分"), ("学时", "学时"), ("课时", "课时"), ("节", "节"),
    ].sorted { $0.0.count > $1.0.count }

    /// Whole phrases that state a qualitative level. Anything not listed is a statement, not a guess.
    static let achievements: [String: Achievement] = {
        var table: [String: Achievement] = [:]
        for word in [
            "是", "完成", "已完成", "全部完成", "均已完成", "全面完成", "圆满完成", "按时完成", "按期完成",
            "按时间全部完", "按时间全部完成", "按时全部完成", "达成", "已达成", "全部达成", "达到", "已达到",
            "达到预期", "达到预期目标", "达到预期效果", "达到预期指标", "达标", "实现", "已实现", "实现预期目标",
            "效果明显", "效果显著", "成效明显", "成效显著", "有效", "良好", "合格", "符合要求", "符合",
            "正常", "按要求完成",
        ] { table[word] = .achieved }
        for word in [
            "基本完成", "基本达成", "基本达到", "基本达到预期", "基本达到预期效果", "基本达到预期指标",
            "基本达到预期目标", "基本实现", "基本实现预期目标", "部分完成", "部分达成", "部分实现", "部分达到",
            "效果一般", "基本符合", "基本合格",
        ] { table[word] = .partial }
        for word in [
            "否", "未完成", "没有完成", "未达成", "未达到", "未实现", "未达标", "不合格", "无效", "效果不明显",
            "不符合",
        ] { table[word] = .notAchieved }
        return table
    }()
}
