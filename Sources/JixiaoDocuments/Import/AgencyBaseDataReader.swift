import Foundation
import JixiaoCore
import JixiaoOffice

/// The words of a 基础数据表 (Resources/Layouts/agency-base-data.json).
struct AgencyBaseDataLayout: Decodable, Sendable {
    var staffingColumns: [String: [String]]
    var costColumns: [String: [String]]
    var lines: [String: [String]]
    var rows: [String: [String]]
    var buildingColumns: [String: [String]]
    /// Words of the table's title ("基础数据表").
    var tableTitle: [String]

    static let shipped: AgencyBaseDataLayout = {
        do { return try RuleFiles.bundled("Layouts", file: "agency-base-data.json", as: AgencyBaseDataLayout.self) } catch {
            fatalError("内置基础数据表用语文件无法读取：\(error)")
        }
    }()
}

/// Reads a 部门（单位）整体支出绩效评价基础数据表 from a sheet, found by its header words wherever they are: the staff
/// (编制数 · 实际在职人数 · 控制率), the cost lines under 上年决算数 · 本年预算数 · 本年决算数 with their parts, 政府采购金额,
/// 基本支出预算调整, 楼堂馆所 and 厉行节约保障措施. A figure that is not an amount, or is negative, is an error naming its cell.
struct AgencyBaseDataReader {
    let sheet: Sheet
    let file: String
    var layout: AgencyBaseDataLayout = .shipped

    /// The table, or nil when the sheet is not one: it must carry the table's title, or both the 编制数 header and the
    /// 预算数 · 决算数 header (a 编制数 in an indicator's text or a budget-against-accounts table alone is not the table).
    func read() throws -> AgencyBaseData? {
        guard sheet.rowCount > 0 else { return nil }
        let rows = Array(sheet.occupiedRows(in: 1...sheet.rowCount))
        let staffingHeader = rows.first { HeaderWords.columns(of: $0, in: sheet, words: layout.staffingColumns)["authorized"] != nil }
        let costHeader = rows.first {
            let columns = HeaderWords.columns(of: $0, in: sheet, words: layout.costColumns)
            return columns["budget"] != nil && columns["final"] != nil
        }
        let titled = rows.contains { row in
            sheet.entries(in: row).contains { entry in
                let text = sheet.compactText(entry)
                return text.count <= HeaderWords.maximumCharacters && layout.tableTitle.contains(where: text.contains)
            }
        }
        guard titled || (staffingHeader != nil && costHeader != nil) else { return nil }
        var data = AgencyBaseData()
        if let staffingHeader { data.staffing = try staffing(header: staffingHeader, before: costHeader) }
        if let costHeader { try readCosts(header: costHeader, into: &data) }
        return data == AgencyBaseData() ? nil : data
    }

    private var numbers: CellNumbers { CellNumbers(sheet: sheet, file: file) }

    /// 编制数 · 实际在职人数 · 年末实有人数 · 控制率 in the first row under their header that has any of them (within two
    /// rows, and above the cost header when it follows).
    private func staffing(header: Int, before costHeader: Int?) throws -> Staffing {
        let columns = HeaderWords.columns(of: header, in: sheet, words: layout.staffingColumns)
        let last = min(sheet.rowCount, header + 2, (costHeader.map { $0 > header ? $0 : Int.max } ?? Int.max) - 1)
        guard last > header else { return Staffing() }
        for row in sheet.occupiedRows(in: (header + 1)...last) {
            func count(_ key: String, _ field: String) throws -> Int? {
                guard let column = columns[key] else { return nil }
                guard case .value(let number) = try numbers.stated(row: row, column: column, field: field) else { return nil }
                guard number >= 0, number.rounded(scale: 0) == number, let count = Int(number.plainText) else {
                    throw sheet.location(file, row: row, column: column).error("\(field)应为不小于 0 的整数，实为“\(number.plainText)”")
                }
                return count
            }
            let staffing = Staffing(
                authorized: try count("authorized", "编制数"), inPost: try count("inPost", "实际在职人数"),
                yearEnd: try count("yearEnd", "年末实有人数"),
                statedRate: try numbers.percent(row: row, column: columns["rate"], field: "在职人员控制率"),
                source: sheet.location(
                    file, row: row, column: columns["authorized"] ?? 1,
                    fields: [.target: columns["authorized"], .actual: columns["inPost"], .rate: columns["rate"]]))
            if staffing.authorized != nil || staffing.inPost != nil { return staffing }
        }
        return Staffing()
    }

    /// The cost lines and the rows after them, up to the end of the sheet.
    private func readCosts(header: Int, into data: inout AgencyBaseData) throws {
        let columns = costColumns(header: header)
        var sectionHead: Int?
        var numberedItem: Int?
        var subItem: Int?
        var underQiZhong: Int?
        var section: String?
        var buildingColumns: [String: Int] = [:]
        for row in sheet.occupiedRows(in: (header + 1)...max(header + 1, sheet.rowCount)) where row > header {
            // A label merged down from an earlier row (楼堂馆所控制情况 over its data rows) is not this row's.
            let raw = sheet.isOrigin(CellReference(row: row, column: 1)) ? sheet.compactText(row: row, column: 1) : ""
            let (label, level, qiZhong) = Self.strip(raw)
            // 政府采购金额, 楼堂馆所 … are rows of their own, never a numbered or 其中 line ("2、政府采购监管经费").
            let kind = level == 0 && !qiZhong
                ? layout.rows.keys.sorted().first { key in layout.rows[key]!.contains { label.hasPrefix($0) } } : nil
            if section == "buildings", kind == nil {
                if let building = try building(row, columns: buildingColumns) { data.buildings.append(building) }
                continue
            }
            if let kind {
                section = kind
                switch kind {
                case "procurement": data.procurement = try figures(row, columns, "政府采购金额")
                case "basicAdjustment": data.basicBudgetAdjustment = try figures(row, columns, "基本支出预算调整")
                case "buildings": buildingColumns = HeaderWords.columns(of: row, in: sheet, words: layout.buildingColumns)
                case "savings": data.savingMeasures = savingText(row)
                default: break
                }
                continue
            }
            if raw.isEmpty { continue }
            guard section == nil else { continue }
            let lineKind = HeaderWords.key(of: label, in: layout.lines).flatMap(CostLineKind.init(rawValue:))
            let lineFigures = try figures(row, columns, label)
            let isSection = [.threePublic, .projects, .publicFunds].contains(lineKind)
            if !isSection, lineFigures == CostFigures(), !label.isEmpty, lineKind == nil { continue }
            if label.isEmpty || label.allSatisfy({ "…．.。".contains($0) }) { continue }
            var line = CostLine(
                name: label, kind: lineKind, figures: lineFigures,
                source: sheet.location(file, row: row, column: 1,
                                       fields: [.previous: columns.previous, .target: columns.budget, .actual: columns.actual]))
            let index = data.costLines.count
            if isSection {
                sectionHead = index
                numberedItem = nil
                subItem = nil
                underQiZhong = nil
            } else if level == 1 {
                line.parent = sectionHead
                line.isCompletePart = true
                numberedItem = index
                subItem = nil
                underQiZhong = nil
            } else if level == 2 {
                // "（1）" items are the parts of the "1、" item above them.
                line.parent = numberedItem ?? sectionHead
                line.isCompletePart = true
                subItem = index
                underQiZhong = nil
            } else if qiZhong || underQiZhong != nil {
                let parent = qiZhong ? (subItem ?? numberedItem ?? sectionHead) : underQiZhong
                line.parent = parent
                underQiZhong = parent
            } else {
                line.parent = sectionHead
            }
            data.costLines.append(line)
        }
    }

    /// Which columns are 上年决算, 本年预算 and 本年决算: the 决算 columns ordered by the year in their header.
    private func costColumns(header: Int) -> (previous: Int?, budget: Int?, actual: Int?) {
        var budget: Int?
        var finals: [(year: Int, column: Int)] = []
        for entry in sheet.entries(in: header) where entry.isOrigin {
            let text = sheet.compactText(entry)
            let year = text.firstMatch(of: /(20\d\d)/).flatMap { Int(String($0.1)) } ?? 0
            switch HeaderWords.key(of: text, in: layout.costColumns) {
            case "budget": budget = budget ?? entry.columns.lowerBound
            case "final": finals.append((year, entry.columns.lowerBound))
            default: break
            }
        }
        finals.sort { ($0.year, $0.column) < ($1.year, $1.column) }
        if finals.count >= 2 { return (finals[0].column, budget, finals[finals.count - 1].column) }
        return (nil, budget, finals.first?.column)
    }

    private func figures(_ row: Int, _ columns: (previous: Int?, budget: Int?, actual: Int?), _ label: String) throws -> CostFigures {
        func amount(_ column: Int?, _ name: String) throws -> Money? {
            let money = try numbers.money(row: row, column: column, field: "\(label)的\(name)")
            if let money, money < Money(fen: 0), let column {
                throw sheet.location(file, row: row, column: column).error("\(label)的\(name)不能为负数，实为 \(money.wanText) 万元")
            }
            return money
        }
        return CostFigures(
            previousActual: try amount(columns.previous, "上年决算数"), budget: try amount(columns.budget, "本年预算数"),
            actual: try amount(columns.actual, "本年决算数"))
    }

    /// A 楼堂馆所 row under the header row of its section (批复规模 · 实际规模 · 预算投资 · 实际投资); nil for an empty one.
    private func building(_ row: Int, columns: [String: Int]) throws -> BuildingControl? {
        guard !columns.isEmpty else { return nil }
        func area(_ key: String, _ field: String) throws -> ExactDecimal? {
            try numbers.stated(row: row, column: columns[key], field: field).value
        }
        let building = BuildingControl(
            approvedArea: try area("approvedArea", "批复规模"), actualArea: try area("actualArea", "实际规模"),
            budgetedInvestment: try numbers.money(row: row, column: columns["budgetedInvestment"], field: "预算投资"),
            actualInvestment: try numbers.money(row: row, column: columns["actualInvestment"], field: "实际投资"),
            source: sheet.location(file, row: row, column: 1))
        let values = [building.approvedArea, building.actualArea, building.budgetedInvestment?.amount(in: .wan),
                      building.actualInvestment?.amount(in: .wan)]
        if values.contains(where: { ($0 ?? 0) < 0 }) {
            throw sheet.location(file, row: row, column: 1).error("楼堂馆所的规模和投资不能为负数")
        }
        return values.allSatisfy { $0 == nil } ? nil : building
    }

    /// The text beside (or under) the 厉行节约保障措施 label.
    private func savingText(_ row: Int) -> String {
        let beside = sheet.entries(in: row).filter { $0.isOrigin && $0.columns.lowerBound > 1 }
            .map { $0.value.text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return beside.joined(separator: "\n")
    }

    /// "1、业务工作经费" → ("业务工作经费", level 1); "（1）安全检查" → level 2; "其中：公车购置" → ("公车购置", 0, 其中);
    /// "项目支出：" → ("项目支出", 0).
    static func strip(_ label: String) -> (String, Int, Bool) {
        var text = Substring(label)
        var qiZhong = false
        if text.hasPrefix("其中：") || text.hasPrefix("其中:") {
            text = text.dropFirst(3)
            qiZhong = true
        }
        var level = 0
        if let match = text.prefixMatch(of: /[（(]\d+[）)]/) {
            text = text[match.range.upperBound...]
            level = 2
        } else if let match = text.prefixMatch(of: /(?:\d+[、.．]|[一二三四五六七八九十]+、)/) {
            text = text[match.range.upperBound...]
            level = 1
        }
        while let last = text.last, last == "：" || last == ":" { text = text.dropLast() }
        return (String(text), level, qiZhong)
    }
}
