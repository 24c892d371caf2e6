import Foundation
import JixiaoCore
import JixiaoOffice

/// Turns a file a unit already has into self-evaluations: the XLSX 自评表 as provinces hand it out,
/// the same table saved as CSV (UTF-8 or GB18030), or Jixiao's JSON format (docs/self-evaluation.schema.json).
public enum SelfEvaluationImporter {
    public static func load(_ url: URL) throws -> [SelfEvaluation] {
        let name = url.lastPathComponent
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw OfficeError(file: name, reason: "文件不存在：\(url.path)")
        }
        switch url.pathExtension.lowercased() {
        case "xlsx", "xlsm": return try fromWorkbook(Workbook(url: url))
        case "csv", "txt": return try fromSheets([CSVReader.read(url: url)], file: name)
        case "json": return try fromJSON(Data(contentsOf: url), file: name)
        case "xls", "et":
            throw OfficeError(file: name, reason: "旧版 .xls 格式无法读取；请在 Excel/WPS 中另存为 .xlsx 后再导入")
        case "":
            throw OfficeError(file: name, reason: "文件没有扩展名，无法判断类型；可导入 .xlsx、.csv、.json")
        default:
            throw OfficeError(file: name, reason: "不支持的文件类型“.\(url.pathExtension)”；可导入 .xlsx、.csv、.json")
        }
    }

    public static func fromWorkbook(_ workbook: Workbook) throws -> [SelfEvaluation] {
        try fromSheets(workbook.sheets(), file: workbook.file)
    }

    static func fromSheets(_ sheets: [Sheet], file: String) throws -> [SelfEvaluation] {
        if sheets.allSatisfy({ $0.cells.isEmpty }) {
            throw OfficeError(file: file, sheet: sheets.first?.name, reason: "工作表为空，没有任何内容")
        }
        var evaluations = try sheets.flatMap { try SelfEvaluationSheetReader(sheet: $0, file: file).read() }
        try attachBaseData(to: &evaluations, from: sheets, file: file)
        guard !evaluations.isEmpty else {
            throw OfficeError(
                file: file,
                reason: "未找到绩效指标表：需要含“" + IndicatorTableColumns.requiredHeaders.joined(separator: "”“")
                    + "”的表头行（已查找工作表：" + sheets.map(\.name).joined(separator: "、") + "）")
        }
        return evaluations
    }

    /// The 基础数据表 (a sheet of its own, or a table of a report) belongs to the file's one overall evaluation.
    static func attachBaseData(to evaluations: inout [SelfEvaluation], from sheets: [Sheet], file: String) throws {
        let agencies = evaluations.indices.filter { evaluations[$0].kind == .agency }
        guard agencies.count == 1 else { return }
        evaluations[agencies[0]].baseData = try sheets.lazy.compactMap { try AgencyBaseDataReader(sheet: $0, file: file).read() }.first
    }

    /// One evaluation object or an array of them.
    public static func fromJSON(_ data: Data, file: String) throws -> [SelfEvaluation] {
        let decoder = JSONDecoder()
        do {
            if data.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) == UInt8(ascii: "[") {
                return try decoder.decode([SelfEvaluation].self, from: data)
            }
            return [try decoder.decode(SelfEvaluation.self, from: data)]
        } catch let error as DecodingError {
            throw OfficeError(file: file, reason: error.jixiaoDescription)
        }
    }
}
