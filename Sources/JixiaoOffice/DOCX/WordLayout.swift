/// The page and type of official documents by GB/T 9704-2012: A4; margins top 37 mm, bottom 35 mm, left 28 mm,
/// right 26 mm; title 方正小标宋简体 二号; body 仿宋_GB2312 三号 at a fixed 28 pt line with a two-character indent;
/// headings 黑体 (level 1) and 楷体_GB2312 (level 2); 28 characters a line and 22 lines a page on the document grid;
/// page numbers "— 1 —" at the outer edge, one character in (odd pages right, even pages left).
public struct WordLayout: Sendable {
    /// Lengths in twentieths of a point (twips); 1 mm ≈ 56.7 twips.
    public var pageWidth = 11906
    public var pageHeight = 16838
    public var marginTop = 2098
    public var marginBottom = 1984
    public var marginLeft = 1588
    public var marginRight = 1474
    public var titleFont = "方正小标宋简体"
    /// Font sizes in half-points: 二号 22 pt = 44, 三号 16 pt = 32, 小四 12 pt = 24.
    public var titleSize = 44
    public var bodyFont = "仿宋_GB2312"
    public var bodySize = 32
    public var heading1Font = "黑体"
    public var heading2Font = "楷体_GB2312"
    /// Fixed line spacing in twips (28 pt).
    public var lineSpacing = 560
    public var tableFont = "仿宋_GB2312"
    public var tableSize = 24
    /// The document grid: characters a line of body text holds.
    public var charactersPerLine = 28

    public init() {}

    /// The text block's width in twips.
    public var textWidth: Int { pageWidth - marginLeft - marginRight }

    /// The body text's character spacing in twips (negative: condensed) so that `charactersPerLine` characters fill
    /// the text block and one more does not: 156 mm / 28 = 15.79 pt a character for a 16 pt font, so −5 (15.75 pt).
    /// Written as the runs' spacing rather than as Word's character grid, which LibreOffice lays out differently.
    public var characterSpacing: Int {
        let pitch = Double(textWidth) / Double(charactersPerLine)
        return Int((pitch - Double(bodySize) * 10).rounded(.down))
    }

    public static let gbt9704 = WordLayout()
}
