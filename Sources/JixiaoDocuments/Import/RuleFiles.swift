import Foundation
import JixiaoCore

/// The rules kept as data files beside the profiles (Resources/Approvals, Monitoring, Calendars, Layouts), read at
/// the edge and handed to Core as values; a file a user gives (`--rules FILE.json`) is read the same way.
public enum RuleFiles {
    /// Every file of a bundled folder, decoded, in name order.
    static func bundled<T: Decodable>(_ folder: String, as type: T.Type) throws -> [T] {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent(folder) else {
            throw RuleFileError(file: folder, reason: "找不到内置规则目录")
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: url.path) } catch {
            throw RuleFileError(file: folder, reason: "找不到内置规则目录")
        }
        return try names.sorted().filter { $0.hasSuffix(".json") }.map { try decode(url.appendingPathComponent($0), as: type) }
    }

    /// One file of a bundled folder, decoded.
    static func bundled<T: Decodable>(_ folder: String, file: String, as type: T.Type) throws -> T {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent(folder).appendingPathComponent(file),
            FileManager.default.fileExists(atPath: url.path)
        else { throw RuleFileError(file: "\(folder)/\(file)", reason: "找不到内置规则文件") }
        return try decode(url, as: type)
    }

    /// One file, decoded; an error names the file and the field.
    public static func decode<T: Decodable>(_ url: URL, as type: T.Type) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw RuleFileError(file: url.path, reason: "无法读取文件") }
        do { return try JSONDecoder().decode(type, from: data) } catch let error as DecodingError {
            throw RuleFileError(file: url.lastPathComponent, reason: error.jixiaoDescription)
        }
    }

    /// The approval rules shipped with Jixiao (the seeds' chain); rules that cannot be used are an error naming them.
    public static func approvalRules() throws -> [ApprovalRules] {
        let all = try bundled("Approvals", as: ApprovalRules.self)
        if let problem = all.compactMap(\.problem).first { throw RuleFileError(file: "Approvals", reason: problem) }
        return all
    }

    /// The approval rules named `reference` ("id" or "id@version"), or those in a JSON file.
    public static func approvalRules(_ reference: String) throws -> ApprovalRules {
        let rules: ApprovalRules
        if reference.hasSuffix(".json") {
            rules = try decode(URL(fileURLWithPath: reference), as: ApprovalRules.self)
        } else {
            let all = try approvalRules()
            guard let found = all.first(where: { $0.reference == reference || $0.id == reference }) else {
                throw RuleFileError(file: reference, reason: "没有这个审批规则；内置：" + all.map(\.reference).joined(separator: "、"))
            }
            rules = found
        }
        if let problem = rules.problem { throw RuleFileError(file: reference, reason: problem) }
        return rules
    }

    /// The monitoring rules named `reference`, or those in a JSON file.
    public static func monitoringRules(_ reference: String = "sichuan-monitoring") throws -> MonitoringRules {
        if reference.hasSuffix(".json") { return try decode(URL(fileURLWithPath: reference), as: MonitoringRules.self) }
        let all = try bundled("Monitoring", as: MonitoringRules.self)
        guard let rules = all.first(where: { $0.reference == reference || $0.id == reference }) else {
            throw RuleFileError(file: reference, reason: "没有这个监控规则；内置：" + all.map(\.reference).joined(separator: "、"))
        }
        return rules
    }

    /// The bundled versions of the 政府收支分类科目 (功能分类, 经济分类).
    public static func classifications() throws -> [Classification] {
        try bundled("Classifications", as: Classification.self)
    }

    /// Every working calendar shipped, by year.
    public static func calendars() throws -> [Int: WorkingCalendar] {
        Dictionary(try bundled("Calendars", as: WorkingCalendar.self).map { ($0.year, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The working calendar of `year`; a year without one is an error, not a guess.
    public static func calendar(_ year: Int) throws -> WorkingCalendar {
        guard let calendar = try calendars()[year] else {
            throw RuleFileError(file: "Calendars", reason: "没有 \(year) 年的工作日历（节假日安排）；请在 Resources/Calendars 中添加 \(year).json")
        }
        return calendar
    }

    /// When the bureau expects each kind of a year's documents (Resources/Schedules/collection.json).
    public static func collectionSchedule() throws -> CollectionSchedule {
        let schedule = try bundled("Schedules", file: "collection.json", as: CollectionSchedule.self)
        if let problem = schedule.problem { throw RuleFileError(file: "Schedules/collection.json", reason: problem) }
        return schedule
    }

    /// The words that name a payment ledger's columns.
    static func ledgerLayout() throws -> LedgerLayout {
        try bundled("Layouts", file: "payment-ledger.json", as: LedgerLayout.self)
    }
}

/// A rule file that cannot be used, naming it.
public struct RuleFileError: Error, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "规则文件 \(file)：\(reason)" }
}

/// The header words of a payment ledger's columns (Resources/Layouts/payment-ledger.json).
struct LedgerLayout: Decodable {
    var columns: [String: [String]]
    var fundSources: [String: [String]]

    /// The columns in the order they are matched.
    static let keys = ["date", "voucher", "payee", "amount", "purpose", "fundSource", "enteredBy", "invoice", "contract", "acceptance", "minutes"]
}
