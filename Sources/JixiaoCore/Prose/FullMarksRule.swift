/// "计算预算完成率为77.6%，计满分": a completion or execution rate below 100 % earning full marks breaks any
/// proportional scoring rule. (控制率, where lower is better, is left alone.)
struct FullMarksRule {
    func check(_ sentence: ProseSentence) -> Finding? {
        guard sentence.has("计满分") || sentence.has("得满分") else { return nil }
        for keyword in ["完成率", "执行率", "使用率", "到位率", "支付进度率"] {
            guard let offset = sentence.offset(after: keyword),
                let rate = sentence.figures.first(where: { $0.isPercent && $0.range.lowerBound >= offset }),
                rate.value < 100
            else { continue }
            return sentence.finding(
                "prose.full-marks", .warning, expected: "约 \(rate.printed) 的分值", stated: "满分",
                "\(keyword)为 \(rate.printed)，低于 100%，按比例计分应得分值的 \(rate.printed) 左右，却计满分")
        }
        return nil
    }
}
