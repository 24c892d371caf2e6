import Foundation
import JixiaoCore
import JixiaoOffice

/// Final accounts kept as JSON (``FinalAccounts``): told apart from a self-evaluation by their statement keys.
public enum FinalAccountsFile {
    /// Keys only final accounts have at the top level.
    static let markers = ["statementSet", "generalBudgetLines", "basicLines", "officialExpenses"]

    /// The final accounts in `url`; nil when it is not a JSON file of final accounts (a self-evaluation, a workbook).
    public static func load(_ url: URL) throws -> FinalAccounts? {
        guard url.pathExtension.lowercased() == "json", FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try decode(Data(contentsOf: url), file: url.lastPathComponent)
    }

    /// The final accounts `data` holds as JSON; nil when it holds something else (a self-evaluation).
    public static func decode(_ data: Data, file: String) throws -> FinalAccounts? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            markers.contains(where: { object[$0] != nil })
        else { return nil }
        let accounts: FinalAccounts
        do {
            accounts = try JSONDecoder().decode(FinalAccounts.self, from: data)
        } catch let error as DecodingError {
            throw OfficeError(file: file, reason: error.jixiaoDescription)
        }
        if let problem = accounts.inputProblem { throw OfficeError(file: file, reason: problem) }
        return accounts
    }

    /// The statements of a workbook (the XLSX 决算 software exports, one statement a sheet, titled by the sheet's name
    /// or its first rows), with the problems of their cells; nil when no sheet is a statement.
    /// The unit and the year are those given, else what the sheets' first rows state ("编制单位：…　2020年度").
    public static func fromWorkbook(_ workbook: Workbook, agency: String?, year: Int?) throws -> (FinalAccounts, [Finding])? {
        let sheets = try workbook.sheets()
        let reader = FinalAccountsReader(file: workbook.file)
        let tables = sheets.map { FinalAccountsReader.Table(title: $0.name, sheet: $0) }
        guard tables.contains(where: { reader.statement(of: $0) != nil }) else { return nil }
        let head = sheets.flatMap { sheet in (1...min(3, max(sheet.rowCount, 1))).flatMap { row in sheet.entries(in: row).map { sheet.text(row: row, column: $0.columns.lowerBound) } } }
        let statedYear = head.lazy.compactMap { $0.firstMatch(of: /(20[0-9]{2})年度/).flatMap { Int($0.1) } }.first
        let statedAgency = head.lazy.compactMap { $0.firstMatch(of: /编制单位[：:]([^　\s]+)/).map { String($0.1) } }.first
        guard let year = year ?? statedYear else {
            throw OfficeError(file: workbook.file, reason: "决算表没有写明年度（如“2020年度”），请在导入时填写年度")
        }
        return reader.read(tables, agency: agency ?? statedAgency ?? "", year: year)
    }

    /// "2020年度-攀枝花市应急管理局-部门决算.docx"
    public static func name(_ accounts: FinalAccounts, format: String) -> String {
        ReportFileName.name(["\(accounts.fiscalYear)年度", accounts.agency.name, "部门决算"], extension: format)
    }
}
