/// The page and type of official documents by GB/T 9704-2012: A4; margins top 37 mm, bottom 35 mm, left 28 mm,
/// right 26 mm; title 方正小标宋简体 二号; body 仿宋_GB2312 三号 at a fixed 28 pt line with a two-character indent;
/// headings 黑体 (level 1) and 楷体_GB2312 (level 2); page numbers "— 1 —".
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

    public init() {}

    /// The text block's width in twips.
    public var textWidth: Int { pageWidth - marginLeft - marginRight }

    public static let gbt9704 = WordLayout()
}
