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
        let data = try Data(contentsOf: url)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            markers.contains(where: { object[$0] != nil })
        else { return nil }
        do {
            return try JSONDecoder().decode(FinalAccounts.self, from: data)
        } catch let error as DecodingError {
            throw OfficeError(file: url.lastPathComponent, reason: error.jixiaoDescription)
        }
    }

    /// "2020年度-攀枝花市应急管理局-部门决算.docx"
    public static func name(_ accounts: FinalAccounts, format: String) -> String {
        ReportFileName.name(["\(accounts.fiscalYear)年度", accounts.agency.name, "部门决算"], extension: format)
    }
}
