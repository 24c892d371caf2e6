import Foundation
import ZIPFoundation

/// Builds small XLSX files for tests: one sheet of inline strings and numbers, with merges.
enum TestWorkbook {
    /// A cell: text is written as an inline string, a number as a number.
    enum Cell {
        case text(String)
        case number(String)
    }

    static func make(sheet name: String = "Sheet1", rows: [[Cell?]], merges: [String] = [], extraXML: String = "") throws -> Data {
        var sheetXML = #"<?xml version="1.0" encoding="UTF-8"?>"# + extraXML
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (rowIndex, row) in rows.enumerated() {
            sheetXML += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                guard let cell else { continue }
                let reference = String(UnicodeScalar(UInt8(65 + columnIndex))) + String(rowIndex + 1)
                switch cell {
                case .text(let text):
                    sheetXML += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
                case .number(let numeral):
                    sheetXML += "<c r=\"\(reference)\"><v>\(numeral)</v></c>"
                }
            }
            sheetXML += "</row>"
        }
        sheetXML += "</sheetData>"
        if !merges.isEmpty {
            sheetXML += "<mergeCells>" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        sheetXML += "</worksheet>"
        return try package([
            "[Content_Types].xml": #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
            "_rels/.rels": #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            "xl/workbook.xml": #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name=""# + escape(name) + #"" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml": sheetXML,
        ])
    }

    static func package(_ parts: [String: String]) throws -> Data {
        try package(parts.mapValues { Data($0.utf8) })
    }

    static func package(_ parts: [String: Data]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// Seed 004's 自评表 with its first worksheet part changed by `edit` (text in, bytes out).
    static func seed004(editingSheet edit: (String) -> Data) throws -> Data {
        let archive = try Archive(url: TestPaths.shared.appendingPathComponent("fixtures/seed004-self-evaluation.xlsx"), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = entry.path == "xl/worksheets/sheet1.xml" ? edit(String(decoding: data, as: UTF8.self)) : data
        }
        return try package(parts)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Writes `data` to a fresh temporary file named `name` and returns its URL.
    static func write(_ data: Data, name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    /// A minimal but complete 自评表: one category, one row; `weight` lets a test put text where a number belongs.
    static func minimalTable(weight: Cell = .number("10"), longText: String? = nil) throws -> Data {
        try make(rows: [
            [.text("2024年度项目支出绩效自评表")],
            [.text("项目名称"), .text("测试项目")],
            [.text("一级指标"), .text("二级指标"), .text("三级指标"), .text("年度指标值"), .text("实际完成值"), .text("分值"), .text("得分")],
            [.text("产出指标（10分）"), .text("数量指标"), .text(longText ?? "培训次数"), .text("≥4次"), .text("4次"), weight, .number("10")],
        ])
    }
}
