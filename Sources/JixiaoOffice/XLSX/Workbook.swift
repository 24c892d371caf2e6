import Foundation

/// An XLSX workbook: its sheets in tab order, read on demand from an ``OfficePackage``.
public final class Workbook {
    public let file: String
    /// Sheet names in tab order.
    public let sheetNames: [String]
    private let sheetParts: [String]
    private let package: OfficePackage
    private let sharedStrings: [String]
    /// Cells with a value read so far from this file, against ``SheetLimits/maximumCells``.
    private var cellsRead = 0

    public convenience init(url: URL, limits: PackageLimits = .standard) throws {
        try self.init(package: OfficePackage(url: url, limits: limits))
    }

    public convenience init(data: Data, file: String, limits: PackageLimits = .standard) throws {
        try self.init(package: OfficePackage(data: data, file: file, limits: limits))
    }

    init(package: OfficePackage) throws {
        self.package = package
        file = package.file
        let workbookPath = try Relationships.officeDocument(in: package) ?? "xl/workbook.xml"
        guard package.contains(workbookPath) else {
            throw OfficeError(file: package.file, reason: package.contains("word/document.xml")
                ? "这是 Word 文档（.docx），不是 Excel 工作簿" : "不是 Excel 工作簿（缺少 \(workbookPath)）")
        }
        let relationships = try Relationships.read(for: workbookPath, in: package)
        var names: [String] = []
        var parts: [String] = []
        try XMLEvents.parse(
            package.xmlPart(workbookPath), file: package.file, part: workbookPath,
            start: { element, attributes in
                guard element == "sheet", let name = attributes["name"] else { return }
                let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value
                guard let id, let target = relationships[id]?.target else {
                    throw OfficeError(file: package.file, sheet: name, reason: "工作表缺少关系（r:id）")
                }
                names.append(name)
                parts.append(target)
            })
        sheetNames = names
        sheetParts = parts
        let sharedPath = relationships.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
        if let sharedPath, package.contains(sharedPath) {
            sharedStrings = try SharedStringsReader.read(package.xmlPart(sharedPath), file: package.file, part: sharedPath)
        } else {
            sharedStrings = []
        }
    }

    /// The sheet at `index` in tab order.
    public func sheet(at index: Int) throws -> Sheet {
        do {
            let sheet = try SheetReader.read(
                package.xmlPart(sheetParts[index]), name: sheetNames[index], file: file, sharedStrings: sharedStrings,
                cellBudget: SheetLimits.maximumCells - cellsRead)
            cellsRead += sheet.cells.count
            return sheet
        } catch var error as OfficeError where error.sheet == nil {
            error.sheet = sheetNames[index]
            throw error
        }
    }

    /// Every sheet, in tab order.
    public func sheets() throws -> [Sheet] {
        try sheetNames.indices.map(sheet(at:))
    }
}
