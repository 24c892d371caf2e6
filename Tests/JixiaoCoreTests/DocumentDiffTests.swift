import Foundation
import JixiaoCore
import PropertyBased
import Testing

/// The recorded changes between two versions take the first to the second, whatever the two are: random trees,
/// random edits of a real self-evaluation (values, rows added, removed, moved and renamed, fund lines, totals,
/// grades), and the way moves and renames read.
@Suite struct DocumentDiffTests {
    /// A deterministic generator for a seed, so a failing seed replays.
    static func random(_ seed: UInt64) -> Xoshiro {
        Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, ~seed, seed &* 31))
    }

    static let words = ["培训次数", "覆盖率", "满意度", "≥90%", "4次", "", "名称", "/", "1.5", "数量指标"]

    static func tree(_ random: inout Xoshiro, depth: Int = 0) -> JSONTree {
        let roll = Int.random(in: 0..<(depth > 3 ? 4 : 7), using: &random)
        switch roll {
        case 0: return .null
        case 1: return .number(String(Int.random(in: -5...500, using: &random)))
        case 2: return .string(words.randomElement(using: &random)!)
        case 3: return .bool(Bool.random(using: &random))
        case 4:
            return .array((0..<Int.random(in: 0...5, using: &random)).map { _ in row(&random, depth: depth + 1) })
        default:
            var fields: [String: JSONTree] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                fields[["name", "target", "actual", "weight", "groups", "note"].randomElement(using: &random)!] = tree(&random, depth: depth + 1)
            }
            return .object(fields)
        }
    }

    /// A list element: often a named row, as indicator tables have.
    static func row(_ random: inout Xoshiro, depth: Int) -> JSONTree {
        guard Bool.random(using: &random) else { return tree(&random, depth: depth) }
        return .object(["name": .string(words.randomElement(using: &random)!), "actual": tree(&random, depth: depth + 1)])
    }

    /// `tree` with a few random edits anywhere in it.
    static func edited(_ tree: JSONTree, _ random: inout Xoshiro, depth: Int = 0) -> JSONTree {
        switch tree {
        case .array(var items):
            if !items.isEmpty, Int.random(in: 0..<3, using: &random) == 0 { items.swapAt(0, Int.random(in: 0..<items.count, using: &random)) }
            if !items.isEmpty, Int.random(in: 0..<4, using: &random) == 0 { items.remove(at: Int.random(in: 0..<items.count, using: &random)) }
            if Int.random(in: 0..<4, using: &random) == 0 { items.insert(row(&random, depth: depth), at: Int.random(in: 0...items.count, using: &random)) }
            return .array(items.map { Bool.random(using: &random) ? edited($0, &random, depth: depth + 1) : $0 })
        case .object(var fields):
            for key in fields.keys where Bool.random(using: &random) { fields[key] = edited(fields[key]!, &random, depth: depth + 1) }
            if Int.random(in: 0..<4, using: &random) == 0 { fields["note"] = nil }
            if Int.random(in: 0..<4, using: &random) == 0 { fields["extra"] = .string("新") }
            return .object(fields)
        default:
            return Int.random(in: 0..<3, using: &random) == 0 ? Self.tree(&random, depth: depth) : tree
        }
    }

    @Test func changesBetweenRandomTreesReplayExactly() async {
        await propertyCheck(count: 3_000, input: Gen<UInt64>.value(in: 0...UInt64.max)) { seed in
            var random = Self.random(seed)
            let old = Self.tree(&random)
            let new = Bool.random(using: &random) ? Self.edited(old, &random) : Self.tree(&random)
            let changes = DocumentDiff.changes(from: old, to: new)
            #expect((try? DocumentChange.apply(changes, to: old)) == new, "seed \(seed)")
            #expect(changes.isEmpty == (old == new))
            let decoded = changes.compactMap { DocumentChange(encoded: $0.encoded) }
            #expect(decoded == changes, "the stored form reads back")
        }
    }

    /// Seed 000's project: three rows in its first group, so rows can move.
    static let seed000: SelfEvaluation = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/seed000-project.json")
        return try! JSONDecoder().decode(SelfEvaluation.self, from: Data(contentsOf: url))
    }()

    /// The evaluation with random edits of the kinds users make.
    static func edited(_ evaluation: SelfEvaluation, _ random: inout Xoshiro) -> SelfEvaluation {
        var evaluation = evaluation
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let c = Int.random(in: 0..<evaluation.indicators.categories.count, using: &random)
            let groups = evaluation.indicators.categories[c].groups
            guard !groups.isEmpty else { continue }
            let g = Int.random(in: 0..<groups.count, using: &random)
            var rows = groups[g].indicators
            switch Int.random(in: 0..<9, using: &random) {
            case 0 where !rows.isEmpty: rows[Int.random(in: 0..<rows.count, using: &random)].actual = "\(Int.random(in: 1...99, using: &random))次"
            case 1 where !rows.isEmpty: rows.remove(at: Int.random(in: 0..<rows.count, using: &random))
            case 2: rows.insert(Indicator(name: "新增指标\(Int.random(in: 0...9, using: &random))", target: "≥1次", actual: "1次", weight: .value(5)), at: Int.random(in: 0...rows.count, using: &random))
            case 3 where rows.count > 1: rows.swapAt(0, rows.count - 1)
            case 4 where !rows.isEmpty: rows[0].name += "（改）"
            case 5: evaluation.budget.fundLines.append(FundLine(source: .otherFunds, figures: BudgetFigures(spent: Money(fen: Int64.random(in: 0...99_999, using: &random)))))
            case 6: evaluation.statedTotal = StatedTotal(weight: .value(100), score: .value(ExactDecimal(Int.random(in: 60...100, using: &random))))
            case 7: evaluation.statedGrade = ["优", "良", nil].randomElement(using: &random)!
            default: evaluation.narrative["problems", default: []].append("问题\(Int.random(in: 0...9, using: &random))")
            }
            evaluation.indicators.categories[c].groups[g].indicators = rows
        }
        return evaluation
    }

    static func tree(_ evaluation: SelfEvaluation) throws -> JSONTree {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try #require(JSONTree(parsing: String(decoding: try encoder.encode(evaluation), as: UTF8.self)))
    }

    @Test func changesBetweenTwoVersionsOfAnEvaluationReplayExactly() async {
        await propertyCheck(count: 500, input: Gen<UInt64>.value(in: 0...UInt64.max)) { seed in
            var random = Self.random(seed)
            let first = Self.edited(Self.seed000, &random)
            let second = Self.edited(first, &random)
            guard let old = try? Self.tree(first), let new = try? Self.tree(second) else {
                Issue.record("seed \(seed): the evaluation does not encode")
                return
            }
            #expect((try? DocumentChange.apply(DocumentDiff.changes(from: old, to: new), to: old)) == new, "seed \(seed)")
        }
    }

    @Test func aMovedRowIsAMoveAndARemovedRowDoesNotShiftTheOthers() throws {
        var moved = Self.seed000
        let rows = moved.indicators.categories[0].groups[0].indicators
        moved.indicators.categories[0].groups[0].indicators = Array(rows.dropFirst()) + [rows[0]]
        let changes = DocumentDiff.changes(from: try Self.tree(Self.seed000), to: try Self.tree(moved))
        #expect(changes.map(\.operationLabel) == ["移动"])
        #expect(changes[0].label.hasSuffix("/" + rows[0].name) && changes[0].oldDisplay == "第 1 行")

        var removed = Self.seed000
        removed.indicators.categories[0].groups[0].indicators.remove(at: 0)
        removed.indicators.categories[0].groups[0].indicators[0].actual = "改过"
        let removal = DocumentDiff.changes(from: try Self.tree(Self.seed000), to: try Self.tree(removed))
        #expect(removal.map(\.operationLabel) == ["删除", "修改"])
        #expect(removal[1].label.hasSuffix(rows[1].name + "/实际完成值"), "the next row keeps its name in the path")
    }
}
