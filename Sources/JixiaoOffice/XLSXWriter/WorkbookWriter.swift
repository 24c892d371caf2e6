import Foundation

/// Writes XLSX workbooks: shared strings, styles with number formats, merged cells, column widths and print setup,
/// valid for Excel, WPS, LibreOffice and openpyxl. Numbers are written as the numerals given, never as floats.
public enum WorkbookWriter {
    public static func write(_ sheets: [WorksheetContent], title: String? = nil) throws -> Data {
        guard !sheets.isEmpty else { throw OfficeError(file: "", reason: "工作簿至少需要一个工作表") }
        var strings = SharedStringTable()
        var styles = StyleTable()
        var parts: [(String, Data)] = []
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", Data(sheetXML(sheet, strings: &strings, styles: &styles).utf8)))
        }
        parts.append(("xl/sharedStrings.xml", Data(strings.xml.utf8)))
        parts.append(("xl/styles.xml", Data(styles.xml.utf8)))
        parts.append(("xl/workbook.xml", Data(workbookXML(sheets).utf8)))
        parts.append(("xl/_rels/workbook.xml.rels", Data(workbookRelationships(sheets.count).utf8)))
        parts.append(("_rels/.rels", Data(PackageParts.rootRelationships(mainPart: "xl/workbook.xml").utf8)))
        parts.append(("docProps/core.xml", Data(PackageParts.coreProperties(title: title).utf8)))
        parts.append(("[Content_Types].xml", Data(contentTypes(sheets.count).utf8)))
        return try OfficeArchive.write(parts)
    }

    static func sheetXML(_ sheet: WorksheetContent, strings: inout SharedStringTable, styles: inout StyleTable) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>" + sheet.columnWidths.sorted { $0.key < $1.key }.map {
                "<col min=\"\($0.key)\" max=\"\($0.key)\" width=\"\($0.value)\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        let byRow = Dictionary(grouping: sheet.cells.keys, by: \.row)
        let heights = RowHeights.fitted(sheet)
        for row in byRow.keys.sorted() {
            let height = heights[row].map { " ht=\"\(String(format: "%.1f", $0))\" customHeight=\"1\"" } ?? ""
            xml += "<row r=\"\(row)\"\(height)>"
            for reference in byRow[row]!.sorted() {
                guard let (value, style) = sheet.cells[reference] else { continue }
                let styleIndex = styles.index(of: style)
                switch value {
                case .text(let text) where text.isEmpty:
                    xml += "<c r=\"\(reference)\" s=\"\(styleIndex)\"/>"
                case .text(let text):
                    xml += "<c r=\"\(reference)\" s=\"\(styleIndex)\" t=\"s\"><v>\(strings.index(of: text))</v></c>"
                case .number(let numeral):
                    xml += "<c r=\"\(reference)\" s=\"\(styleIndex)\"><v>\(XMLText.escape(numeral))</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.merges.isEmpty {
            xml += "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        xml += #"<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        xml += "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return xml + "</worksheet>"
    }

    static func workbookXML(_ sheets: [WorksheetContent]) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(XMLText.escape(String(sheet.name.prefix(31))))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        var names: [String] = []
        for (index, sheet) in sheets.enumerated() {
            let quoted = "'" + XMLText.escape(String(sheet.name.prefix(31)).replacingOccurrences(of: "'", with: "''")) + "'"
            if let area = sheet.usedRange {
                let absolute = "$\(CellReference.letters(area.start.column))$\(area.start.row):$\(CellReference.letters(area.end.column))$\(area.end.row)"
                names.append("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"\(index)\">\(quoted)!\(absolute)</definedName>")
            }
            if let rows = sheet.printTitleRows {
                names.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(quoted)!$\(rows.lowerBound):$\(rows.upperBound)</definedName>")
            }
        }
        if !names.isEmpty { xml += "<definedNames>" + names.joined() + "</definedNames>" }
        return xml + "</workbook>"
    }

    static func workbookRelationships(_ count: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 1...count {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        xml += "<Relationship Id=\"rId\(count + 2)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    static func contentTypes(_ count: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        for index in 1...count {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }
}

/// Numbers the distinct values of a workbook being written (its strings, its styles), first seen first.
struct Interner<Value: Hashable> {
    private(set) var values: [Value]
    private var indices: [Value: Int]

    init(_ initial: [Value] = []) {
        values = initial
        indices = Dictionary(uniqueKeysWithValues: initial.enumerated().map { ($1, $0) })
    }

    mutating func index(of value: Value) -> Int {
        if let index = indices[value] { return index }
        indices[value] = values.count
        values.append(value)
        return values.count - 1
    }
}

/// The shared strings of a workbook being written: each distinct text stored once.
struct SharedStringTable {
    private var texts = Interner<String>()

    mutating func index(of text: String) -> Int {
        texts.index(of: text)
    }

    var xml: String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count=""#
            + "\(texts.values.count)\" uniqueCount=\"\(texts.values.count)\">"
            + texts.values.map { "<si><t xml:space=\"preserve\">\(XMLText.escape($0))</t></si>" }.joined() + "</sst>"
    }
}

/// The cell formats of a workbook being written: fonts, borders and number formats, one xf per distinct style.
struct StyleTable {
    /// Style 0 is Excel's default for cells that name none.
    private var interner = Interner([CellStyle(bordered: false)])

    mutating func index(of style: CellStyle) -> Int {
        interner.index(of: style)
    }

    var xml: String {
        let styles = interner.values
        let formats = Array(Set(styles.compactMap(\.numberFormat))).sorted()
        let formatIDs = Dictionary(uniqueKeysWithValues: formats.enumerated().map { ($0.element, 164 + $0.offset) })
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if !formats.isEmpty {
            xml += "<numFmts count=\"\(formats.count)\">" + formats.map {
                "<numFmt numFmtId=\"\(formatIDs[$0]!)\" formatCode=\"\(XMLText.escape($0))\"/>"
            }.joined() + "</numFmts>"
        }
        xml += "<fonts count=\"\(styles.count)\">" + styles.map {
            "<font>\($0.bold ? "<b/>" : "")<sz val=\"\($0.fontSize)\"/><name val=\"\(XMLText.escape($0.fontName))\"/><charset val=\"134\"/></font>"
        }.joined() + "</fonts>"
        xml += #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        xml += #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>"#
        xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        xml += "<cellXfs count=\"\(styles.count)\">" + styles.enumerated().map { index, style in
            let format = style.numberFormat.flatMap { formatIDs[$0] } ?? 0
            return "<xf numFmtId=\"\(format)\" fontId=\"\(index)\" fillId=\"0\" borderId=\"\(style.bordered ? 1 : 0)\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"\(format != 0 ? " applyNumberFormat=\"1\"" : "")><alignment horizontal=\"\(style.alignment.rawValue)\" vertical=\"center\"\(style.wrap ? " wrapText=\"1\"" : "")/></xf>"
        }.joined() + "</cellXfs>"
        return xml + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
    }
}
