import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads monitoring tables in Jixiao's JSON format: one report or an array of them.
public enum MonitoringReportImporter {
    public static func load(_ url: URL) throws -> [MonitoringReport] {
        let name = url.lastPathComponent
        guard url.pathExtension.lowercased() == "json" else {
            throw OfficeError(file: name, reason: "监控表目前从 JSON 读取（格式见 docs/monitoring-format.md）")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw OfficeError(file: name, reason: "文件不存在或无法读取") }
        do {
            if data.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) == UInt8(ascii: "[") {
                return try JSONDecoder().decode([MonitoringReport].self, from: data)
            }
            return [try JSONDecoder().decode(MonitoringReport.self, from: data)]
        } catch let error as DecodingError {
            throw OfficeError(file: name, reason: error.jixiaoDescription)
        }
    }
}
