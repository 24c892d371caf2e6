/// Bounds on what one workbook may hold, taken from Excel's own limits and far above any real 自评表, so that
/// reading a file costs what a real table costs and a hostile one is refused early with a message.
enum SheetLimits {
    /// The most characters Excel stores in one cell.
    static let maximumCellCharacters = 32_767
    /// The most cells with a value one workbook may hold, all its sheets together: a real 自评表 has a few hundred,
    /// a large workbook a few thousand; reading 100,000 costs about a second in a debug build.
    static let maximumCells = 100_000
    /// The most merged ranges one sheet may list: a real 自评表 has a few dozen.
    static let maximumMerges = 10_000
    /// The most cells one sheet's merged ranges may cover within the range holding values.
    static let maximumMergedCells = 200_000
}
