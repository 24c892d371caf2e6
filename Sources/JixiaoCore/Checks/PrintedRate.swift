/// A rate a table prints beside the two figures it is computed from (执行率, 在职人员控制率): it must be their quotient
/// to the printed precision, and a zero denominator has no rate at all.
struct PrintedRate {
    /// "执行率", "在职人员控制率"
    var name: String
    /// The rule a mismatch is reported under.
    var rule: String
    var stated: ExactDecimal
    var location: SourceLocation

    /// The finding when `numerator / denominator` (named as printed) is not the stated rate; nil when it is.
    func finding(numerator: (name: String, value: ExactDecimal, text: String),
                 denominator: (name: String, value: ExactDecimal, text: String)) -> Finding? {
        let quote = "\(name) \(stated.plainText)%"
        guard let quotient = numerator.value.divided(by: denominator.value) else {
            return Finding(
                rule: "rate.zero-denominator", severity: .error, location: location, quote: quote, expected: "无法计算",
                stated: stated.plainText + "%", explanation: "\(denominator.name)为 0，\(name)的分母为零，不能写成具体百分比")
        }
        let rate = quotient * 100
        let decimals = max(0, -stated.exponent)
        // A spreadsheet's formula cell carries the rate to binary precision (0.66666666666666663): such a value is
        // the quotient when it agrees to the millionth.
        let agrees = decimals > 6
            ? (rate - stated).magnitude <= ExactDecimal(significand: 1, exponent: -6)
            : PrintedPrecision.matches(rate, stated: stated, decimals: decimals)
        guard !agrees else { return nil }
        return Finding(
            rule: rule, severity: .error, location: location, quote: quote, expected: rate.fixed(decimals) + "%",
            stated: stated.plainText + "%",
            explanation: "\(name)应为 \(numerator.name) \(numerator.text) / \(denominator.name) \(denominator.text) = \(rate.fixed(2))%，表中为 \(stated.plainText)%")
    }
}
