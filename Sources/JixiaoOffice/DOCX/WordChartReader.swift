import Foundation

/// Reads the charts of a Word document (`word/charts/chartN.xml`): each chart's kind, its series' names and values
/// and its categories, from the values cached in the part (what Word, WPS and LibreOffice draw). Bounded: at most
/// ``maximumCharts`` charts and ``maximumPoints`` points a chart.
enum WordChartReader {
    static let maximumCharts = 100
    static let maximumPoints = 10_000

    static func charts(in package: OfficePackage) throws -> [WordChart] {
        let paths = package.partPaths.filter { $0.hasPrefix("word/charts/") && $0.hasSuffix(".xml") && !$0.contains("/_rels/") }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        return try paths.prefix(maximumCharts).map { path in try chart(package.xmlPart(path), file: package.file, part: path) }
    }

    /// One chart part: the first categories met stand for all its series (as Office writes them).
    static func chart(_ xml: Data, file: String, part: String) throws -> WordChart {
        var kind = WordChart.Kind.bar
        var series: [WordChart.Series] = []
        var categories: [String] = []
        var current: (name: String, values: [String], categories: [String])?
        var section = ""
        var inValue = false
        var text = ""
        var points = 0
        try XMLEvents.parse(
            xml, file: file, part: part,
            start: { name, _ in
                switch name {
                case "pieChart", "pie3DChart", "doughnutChart": kind = .pie
                case "ser": current = ("", [], [])
                case "tx", "cat", "val": if current != nil { section = name }
                case "v", "t":
                    inValue = current != nil
                    text = ""
                default: break
                }
            },
            end: { name in
                switch name {
                case "v", "t":
                    guard inValue, points < maximumPoints else { break }
                    inValue = false
                    points += 1
                    switch section {
                    case "tx": current?.name += text
                    case "cat": current?.categories.append(text)
                    case "val" where name == "v": current?.values.append(text)
                    default: break
                    }
                case "tx", "cat", "val": section = ""
                case "ser":
                    if let finished = current {
                        series.append(WordChart.Series(name: finished.name, values: finished.values))
                        if categories.isEmpty { categories = finished.categories }
                    }
                    current = nil
                default: break
                }
            },
            text: { value in if inValue { text += value } })
        return WordChart(kind: kind, title: "", categories: categories, series: series)
    }
}
