/// The changes between two versions of a document, field by field: values set, rows inserted, removed or moved.
/// Rows of a list are followed by their name (an indicator keeps its identity when it moves or when a row before
/// it is removed), then by equal content, then in order; the changes replay exactly (``DocumentChange/apply(_:to:)``).
public enum DocumentDiff {
    /// The changes that take `old` to `new`, in the order they apply.
    public static func changes(from old: JSONTree, to new: JSONTree) -> [DocumentChange] {
        var changes: [DocumentChange] = []
        diff(old, new, path: [], label: "", into: &changes)
        return changes
    }

    private static func diff(_ old: JSONTree?, _ new: JSONTree?, path: [DocumentChange.Step], label: String, into changes: inout [DocumentChange]) {
        guard old != new else { return }
        switch (old, new) {
        case (.object(let before)?, .object(let after)?):
            for key in Set(before.keys).union(after.keys).sorted() {
                diff(before[key], after[key], path: path + [.key(key)], label: join(label, FieldLabels.label(for: key)), into: &changes)
            }
        case (.array(let before)?, .array(let after)?):
            diffRows(before, after, path: path, label: label, into: &changes)
        default:
            changes.append(DocumentChange(path: path, operation: .set(old: old, new: new), label: label))
        }
    }

    private static func diffRows(_ old: [JSONTree], _ new: [JSONTree], path: [DocumentChange.Step], label: String, into changes: inout [DocumentChange]) {
        let matches = match(old, new)
        let matchedOld = Set(matches.compactMap { $0 })
        func rowLabel(_ row: JSONTree, _ position: Int) -> String { join(label, row.name ?? "第 \(position + 1) 项") }
        var working: [Int?] = Array(old.indices)
        for index in old.indices.reversed() where !matchedOld.contains(index) {
            working.remove(at: index)
            changes.append(DocumentChange(path: path + [.index(index)], operation: .remove(old[index]), label: rowLabel(old[index], index)))
        }
        // Rows outside the longest run that kept its order go to the end first, so only they are recorded as moved.
        let staying = Set(longestIncreasingRun(matches.compactMap { $0 }))
        for (position, source) in matches.enumerated() {
            guard let source, !staying.contains(source) else { continue }
            let from = working.firstIndex(of: source)!
            guard from != working.count - 1 else { continue }
            working.append(working.remove(at: from))
            changes.append(DocumentChange(path: path, operation: .move(from: from, to: working.count - 1), label: rowLabel(new[position], position)))
        }
        for (position, source) in matches.enumerated() {
            if let source {
                let from = working.firstIndex(of: source)!
                guard from != position else { continue }
                working.insert(working.remove(at: from), at: position)
                changes.append(DocumentChange(path: path, operation: .move(from: from, to: position), label: rowLabel(new[position], position)))
            } else {
                working.insert(nil, at: position)
                changes.append(DocumentChange(path: path + [.index(position)], operation: .insert(new[position]), label: rowLabel(new[position], position)))
            }
        }
        for (position, source) in matches.enumerated() {
            guard let source else { continue }
            diff(old[source], new[position], path: path + [.index(position)], label: rowLabel(new[position], position), into: &changes)
        }
    }

    /// The longest subsequence of `values` that increases (patience sorting, O(n log n)).
    private static func longestIncreasingRun(_ values: [Int]) -> [Int] {
        var tails: [Int] = []
        var previous = [Int?](repeating: nil, count: values.count)
        for (index, value) in values.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if values[tails[middle]] < value { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var run: [Int] = []
        var cursor = tails.last
        while let index = cursor {
            run.append(values[index])
            cursor = previous[index]
        }
        return run.reversed()
    }

    /// For each new row, the old row it continues, or nil for a row added.
    private static func match(_ old: [JSONTree], _ new: [JSONTree]) -> [Int?] {
        var matches = [Int?](repeating: nil, count: new.count)
        var unused = Set(old.indices)
        var byName: [String: [Int]] = [:]
        for index in old.indices { if let name = old[index].name { byName[name, default: []].append(index) } }
        for (position, row) in new.enumerated() {
            guard let name = row.name, let index = byName[name]?.first(where: unused.contains) else { continue }
            matches[position] = index
            unused.remove(index)
        }
        for position in new.indices where matches[position] == nil {
            guard let index = old.indices.first(where: { unused.contains($0) && old[$0] == new[position] }) else { continue }
            matches[position] = index
            unused.remove(index)
        }
        let leftovers = old.indices.filter(unused.contains)
        for (index, position) in zip(leftovers, new.indices.filter { matches[$0] == nil }) { matches[position] = index }
        return matches
    }

    private static func join(_ label: String, _ part: String) -> String {
        if part.isEmpty || label.hasSuffix(part) { return label }
        return label.isEmpty ? part : label + "/" + part
    }
}

/// How the fields of Jixiao's documents are named for people: the JSON key → the form's words. A key with an empty
/// label adds nothing to a path (the list of groups is only a container).
public enum FieldLabels {
    public static func label(for key: String) -> String {
        labels[key] ?? key
    }

    private static let labels: [String: String] = [
        "kind": "类别", "fiscalYear": "年度", "agency": "单位", "name": "名称", "supervisingAgency": "主管部门",
        "project": "项目", "budget": "预算", "total": "年度资金总额", "fundLines": "资金来源", "source": "来源",
        "figures": "", "initialBudget": "年初预算数", "adjustedBudget": "全年预算数", "spent": "全年执行数",
        "executionWeight": "执行率分值", "statedExecutionScore": "执行率得分", "statedExecutionRate": "执行率",
        "breakdown": "分项金额", "label": "名称", "amount": "金额",
        "goal": "年度总体目标", "expected": "预期目标", "actual": "实际完成值",
        "indicators": "指标", "categories": "", "groups": "", "statedWeight": "表头分值",
        "target": "年度指标值", "weight": "分值", "statedScore": "得分", "deviationNote": "偏差原因分析",
        "statedTotal": "总分", "score": "得分", "statedGrade": "等级", "narrative": "报告",
        "ledger": "支付台账", "payments": "支付", "executed": "已执行", "pending": "待审批", "rules": "审批规则",
        "voucher": "凭证号", "date": "日期", "payee": "收款人", "purpose": "用途", "fundSource": "资金来源", "evidence": "依据",
        "reference": "文号", "enteredBy": "录入人", "approvals": "审批", "position": "岗位", "by": "审批人", "id": "用户",
        "month": "月份", "projectedSpent": "全年预计执行数", "progress": "完成情况", "completion": "完成比例",
        "likelihood": "完成目标可能性", "reason": "偏差原因", "measures": "措施", "answers": "答复", "decision": "处理意见", "note": "说明",
    ]
}
