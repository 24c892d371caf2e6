/// Excel's own limits, used to refuse what no real workbook holds.
enum SheetLimits {
    /// The most characters Excel stores in one cell.
    static let maximumCellCharacters = 32_767
}
