/// The corrections that would each reconcile a sum or an identity that does not hold: any one of its figures may be
/// the wrong one (a class short by exactly 1000万元 may have any item or the total mistyped), so a finding names the
/// mismatch and lists them rather than asserting one "应为".
struct CandidateCorrections {
    /// A figure of the relation: its name, its value in 万元 as printed, and its sign in "left side − right side".
    struct Term {
        var name: String
        var value: ExactDecimal
        var sign: Int
    }

    var terms: [Term]

    /// Each term's value that closes `gap` (left side − right side as printed), in the terms' order, leaving out
    /// corrections that would make an amount negative.
    func candidates(gap: ExactDecimal) -> [(name: String, value: ExactDecimal)] {
        terms.compactMap { term in
            let corrected = term.sign > 0 ? term.value - gap : term.value + gap
            guard corrected >= .zero, corrected != term.value else { return nil }
            return (term.name, corrected)
        }
    }

    /// "结余结转 243万元；或 调增 27.08万元；或 实际支出 299.58万元".
    func text(gap: ExactDecimal) -> String {
        candidates(gap: gap).map { "\($0.name) \($0.value.plainText)万元" }.joined(separator: "；或 ")
    }
}
