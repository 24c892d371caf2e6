import Foundation

/// Reads `xl/sharedStrings.xml`: plain and rich-text strings, leaving out phonetic runs (`rPh`).
enum SharedStringsReader {
    static func read(_ data: Data, file: String, part: String) throws -> [String] {
        var strings: [String] = []
        var current = ""
        var inItem = false
        var inText = false
        var phoneticDepth = 0
        try XMLEvents.parse(
            data, file: file, part: part,
            start: { name, _ in
                switch name {
                case "si": inItem = true; current = ""
                case "t": inText = inItem && phoneticDepth == 0
                case "rPh": phoneticDepth += 1
                default: break
                }
            },
            end: { name in
                switch name {
                case "si":
                    inItem = false
                    strings.append(current)
                case "t": inText = false
                case "rPh": phoneticDepth -= 1
                default: break
                }
            },
            text: { text in
                guard inText else { return }
                current += text
                if current.utf16.count > SheetLimits.maximumCellCharacters {
                    throw OfficeError(
                        file: file, part: part,
                        reason: "共享字符串第 \(strings.count + 1) 项超过 Excel 单元格上限 \(SheetLimits.maximumCellCharacters) 个字符")
                }
            })
        return strings
    }
}
