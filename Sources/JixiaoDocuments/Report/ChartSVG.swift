import Foundation
import JixiaoCore
import JixiaoOffice

/// A chart drawn as inline SVG for the HTML report: columns with their values and a legend, or a pie with each slice's
/// value and share. The same data as the DOCX's chart part, so the formats cannot differ.
public enum ChartSVG {
    static let palette = WordChart.palette.map { "#" + $0 }
    static let width = 560.0
    static let height = 300.0

    public static func svg(_ chart: WordChart) -> String {
        let body = chart.kind == .bar ? bars(chart) : pie(chart)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"\(ReportRenderers.escape(chart.title))\" font-size=\"11\" font-family=\"sans-serif\">"
            + body + "</svg>\n"
    }

    private static func number(_ text: String) -> Double { Double(text) ?? 0 }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    private static func bars(_ chart: WordChart) -> String {
        let values = chart.series.flatMap { $0.values.map(number) }
        let top = max(values.max() ?? 0, 1) * 1.15
        let (left, bottom, plotHeight) = (50.0, height - 50, height - 80)
        let groupWidth = (width - left - 20) / Double(max(chart.categories.count, 1))
        let barWidth = groupWidth * 0.7 / Double(max(chart.series.count, 1))
        var svg = "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - 20)\" y2=\"\(bottom)\" stroke=\"#333\"/>"
        for (c, category) in chart.categories.enumerated() {
            let groupLeft = left + Double(c) * groupWidth + groupWidth * 0.15
            for (s, series) in chart.series.enumerated() where c < series.values.count {
                let value = number(series.values[c])
                let barHeight = max(value, 0) / top * plotHeight
                let x = groupLeft + Double(s) * barWidth
                svg += "<rect x=\"\(format(x))\" y=\"\(format(bottom - barHeight))\" width=\"\(format(barWidth * 0.9))\" height=\"\(format(barHeight))\" fill=\"\(palette[s % palette.count])\"/>"
                svg += "<text x=\"\(format(x + barWidth * 0.45))\" y=\"\(format(bottom - barHeight - 4))\" text-anchor=\"middle\">\(ReportRenderers.escape(series.values[c]))</text>"
            }
            svg += "<text x=\"\(format(groupLeft + groupWidth * 0.35))\" y=\"\(format(bottom + 16))\" text-anchor=\"middle\">\(ReportRenderers.escape(category))</text>"
        }
        for (s, series) in chart.series.enumerated() {
            let x = left + Double(s) * 110
            svg += "<rect x=\"\(format(x))\" y=\"\(format(height - 20))\" width=\"10\" height=\"10\" fill=\"\(palette[s % palette.count])\"/>"
            svg += "<text x=\"\(format(x + 14))\" y=\"\(format(height - 11))\">\(ReportRenderers.escape(series.name))</text>"
        }
        return svg
    }

    private static func pie(_ chart: WordChart) -> String {
        let values = (chart.series.first?.values ?? []).map(number)
        let total = values.reduce(0, +)
        let (cx, cy, r) = (150.0, height / 2, 110.0)
        var svg = ""
        var angle = -Double.pi / 2
        for (index, value) in values.enumerated() where total > 0 && value > 0 {
            let sweep = value / total * 2 * Double.pi
            let color = palette[index % palette.count]
            if sweep >= 2 * Double.pi - 0.0001 {
                svg += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(r)\" fill=\"\(color)\"/>"
            } else {
                let (x1, y1) = (cx + r * cos(angle), cy + r * sin(angle))
                let (x2, y2) = (cx + r * cos(angle + sweep), cy + r * sin(angle + sweep))
                svg += "<path d=\"M\(format(cx)),\(format(cy)) L\(format(x1)),\(format(y1)) A\(r),\(r) 0 \(sweep > Double.pi ? 1 : 0),1 \(format(x2)),\(format(y2)) Z\" fill=\"\(color)\" stroke=\"#fff\"/>"
            }
            angle += sweep
        }
        // Shares exactly, from the numerals (the drawing alone uses binary floating point).
        let numerals = (chart.series.first?.values ?? []).map { ExactDecimal($0) ?? 0 }
        let exactTotal = numerals.reduce(ExactDecimal(0), +)
        for (index, category) in chart.categories.enumerated() {
            let share = index < numerals.count ? numerals[index].divided(by: exactTotal).map { ($0 * 100).fixed(2) + "%" } ?? "—" : "—"
            let y = 30.0 + Double(index) * 20
            svg += "<rect x=\"290\" y=\"\(format(y - 9))\" width=\"10\" height=\"10\" fill=\"\(palette[index % palette.count])\"/>"
            let label = "\(category) \(index < (chart.series.first?.values.count ?? 0) ? chart.series[0].values[index] : "")（\(share)）"
            svg += "<text x=\"305\" y=\"\(format(y))\">\(ReportRenderers.escape(label))</text>"
        }
        return svg
    }
}
