/// How a written cell looks: font, alignment, border, number format. Equal styles share one entry in styles.xml.
public struct CellStyle: Hashable, Sendable {
    public enum Alignment: String, Sendable {
        case left, center, right
    }

    public var bold: Bool
    /// Font size in points.
    public var fontSize: Int
    public var fontName: String
    public var alignment: Alignment
    public var wrap: Bool
    public var bordered: Bool
    /// An Excel number format such as "0.00" or "0.00%"; nil for General.
    public var numberFormat: String?

    public init(
        bold: Bool = false, fontSize: Int = 11, fontName: String = "宋体", alignment: Alignment = .center,
        wrap: Bool = true, bordered: Bool = true, numberFormat: String? = nil
    ) {
        self.bold = bold
        self.fontSize = fontSize
        self.fontName = fontName
        self.alignment = alignment
        self.wrap = wrap
        self.bordered = bordered
        self.numberFormat = numberFormat
    }

    /// Bordered, centred, wrapped body text.
    public static let body = CellStyle()
    /// A title row: bold, larger, no border.
    public static let title = CellStyle(bold: true, fontSize: 16, bordered: false)
    /// A left-aligned text cell.
    public static let text = CellStyle(alignment: .left)
    /// An amount in 万元 with two decimals.
    public static let amount = CellStyle(alignment: .right, numberFormat: "0.00")
    /// A score with two decimals.
    public static let score = CellStyle(numberFormat: "0.00")
    /// A rate stored as its fraction (0.8523) and shown as a percentage with two decimals (85.23%).
    public static let percent = CellStyle(alignment: .right, numberFormat: "0.00%")
}
