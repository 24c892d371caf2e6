import Foundation

/// A chart of a Word document as a native DrawingML chart part (`word/charts/chartN.xml`) with its data cached in the
/// part and embedded as a workbook, so Word, WPS and LibreOffice draw it and open its data for editing.
public struct WordChart: Sendable {
    public enum Kind: Sendable {
        /// Clustered columns: one series per period, one column group per category.
        case bar
        /// One series, a slice per category, labelled with its value and share.
        case pie
    }

    /// One series: its name and a value per category, as numerals ("4383.87").
    public struct Series: Sendable {
        public var name: String
        public var values: [String]

        public init(name: String, values: [String]) {
            self.name = name
            self.values = values
        }
    }

    public var kind: Kind
    /// "图1：收、支决算总计变动情况图（单位：万元）": the caption the document prints under the chart, the drawing's
    /// description and the embedded workbook's title.
    public var title: String
    public var categories: [String]
    public var series: [Series]

    public init(kind: Kind, title: String, categories: [String], series: [Series]) {
        self.kind = kind
        self.title = title
        self.categories = categories
        self.series = series
    }

    /// The data as a worksheet: categories down column A, a column per series, its name in row 1.
    public var worksheet: WorksheetContent {
        var sheet = WorksheetContent(name: "Sheet1")
        for (index, series) in series.enumerated() {
            sheet.set(CellReference(row: 1, column: index + 2), .text(series.name))
            for (row, value) in series.values.enumerated() {
                sheet.set(CellReference(row: row + 2, column: index + 2), .number(value))
            }
        }
        for (row, category) in categories.enumerated() {
            sheet.set(CellReference(row: row + 2, column: 1), .text(category))
        }
        return sheet
    }

    /// The chart part, its series pointing at ``worksheet`` (`Sheet1!$B$2:$B$5`) with their values cached.
    func partXML(embeddingID: String) -> String {
        let last = categories.count + 1
        let categoryReference = "Sheet1!$A$2:$A$\(last)"
        let categoryCache = "<c:strCache><c:ptCount val=\"\(categories.count)\"/>"
            + categories.enumerated().map { "<c:pt idx=\"\($0.offset)\"><c:v>\(XMLText.escape($0.element))</c:v></c:pt>" }.joined()
            + "</c:strCache>"
        var seriesXML = ""
        for (index, series) in series.enumerated() {
            let column = CellReference.letters(index + 2)
            let values = "<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"\(series.values.count)\"/>"
                + series.values.enumerated().map { "<c:pt idx=\"\($0.offset)\"><c:v>\(XMLText.escape($0.element))</c:v></c:pt>" }.joined()
                + "</c:numCache>"
            let labels = kind == .pie
                ? "<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"1\"/><c:showBubbleSize val=\"0\"/><c:showLeaderLines val=\"1\"/></c:dLbls>"
                : "<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
            // Explicit fills: without a theme part an application may draw the shapes with none.
            let fill = kind == .bar
                ? Self.fill(index)
                : series.values.indices.map { "<c:dPt><c:idx val=\"\($0)\"/><c:bubble3D val=\"0\"/>\(Self.fill($0))</c:dPt>" }.joined()
            seriesXML += "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/>"
                + "<c:tx><c:strRef><c:f>Sheet1!$\(column)$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>\(XMLText.escape(series.name))</c:v></c:pt></c:strCache></c:strRef></c:tx>"
                + (kind == .bar ? fill + "<c:invertIfNegative val=\"0\"/>" : fill)
                + labels
                + "<c:cat><c:strRef><c:f>\(categoryReference)</c:f>\(categoryCache)</c:strRef></c:cat>"
                + "<c:val><c:numRef><c:f>Sheet1!$\(column)$2:$\(column)$\(last)</c:f>\(values)</c:numRef></c:val></c:ser>"
        }
        let plot: String
        switch kind {
        case .bar:
            plot = "<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>\(seriesXML)<c:gapWidth val=\"150\"/><c:axId val=\"111\"/><c:axId val=\"222\"/></c:barChart>"
                + "<c:catAx><c:axId val=\"111\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"222\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/></c:catAx>"
                + "<c:valAx><c:axId val=\"222\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"111\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>"
        case .pie:
            plot = "<c:pieChart><c:varyColors val=\"1\"/>\(seriesXML)<c:firstSliceAng val=\"0\"/></c:pieChart>"
        }
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + "<c:lang val=\"zh-CN\"/><c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>\(plot)</c:plotArea>"
            + "<c:legend><c:legendPos val=\"\(kind == .pie ? "r" : "b")\"/><c:overlay val=\"0\"/></c:legend><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
            + "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1000\"><a:latin typeface=\"宋体\"/><a:ea typeface=\"宋体\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"zh-CN\"/></a:p></c:txPr>"
            + "<c:externalData r:id=\"\(embeddingID)\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>"
    }

    /// Muted colours that print apart in grey too (the HTML's SVG charts take the same).
    public static let palette = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300"]

    static func fill(_ index: Int) -> String {
        "<c:spPr><a:solidFill><a:srgbClr val=\"\(palette[index % palette.count])\"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill></a:ln></c:spPr>"
    }

    /// The paragraph holding the chart inline, `width` × `height` EMU, as chart number `number` (relationship `id`).
    static func inlineXML(number: Int, relationship id: String, width: Int, height: Int, title: String) -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"JixiaoCentered\"/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:drawing>"
            + "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(width)\" cy=\"\(height)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + "<wp:docPr id=\"\(number)\" name=\"图表 \(number)\" descr=\"\(XMLText.escape(title))\"/><wp:cNvGraphicFramePr/>"
            + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
            + "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"\(id)\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }
}
