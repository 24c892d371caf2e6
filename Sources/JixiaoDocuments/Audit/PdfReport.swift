import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads a report published as PDF through poppler's `pdftotext -layout`: its lines joined back into paragraphs (a
/// line that does not end a sentence continues on the next unless that one opens a heading or an indented paragraph),
/// its tables as grids (lines of cells set apart by runs of spaces, with amounts), each located by page. Refuses, with
/// the reason, a PDF that is encrypted, has no text layer (a scan: it needs OCR), is too large or takes too long.
public enum PdfReport {
    public static let maximumBytes = 100 << 20
    /// Pages read; a longer PDF is read to here (its first 300 pages are checked).
    public static let maximumPages = 300
    public static let timeout: TimeInterval = 60

    /// The path of `pdftotext`, or an error naming the Debian package.
    public static func extractor() throws -> String {
        for path in ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"] where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        throw OfficeError(file: "", reason: "读取 PDF 需要 poppler 的 pdftotext；请安装 Debian 软件包：apt-get install poppler-utils")
    }

    public static func read(url: URL) throws -> ReportDocument {
        let name = url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        if size > maximumBytes { throw OfficeError(file: name, reason: "文件大小 \(size >> 20) MiB 超过 PDF 上限 \(maximumBytes >> 20) MiB") }
        let head = (try? FileHandle(forReadingFrom: url).read(upToCount: 5)) ?? nil
        guard head.map({ Array($0) == Array("%PDF-".utf8) }) == true else {
            throw OfficeError(file: name, reason: "不是 PDF 文件（文件头不是 %PDF-）")
        }
        var extractor: String
        do { extractor = try self.extractor() } catch let error as OfficeError { throw OfficeError(file: name, reason: error.reason) }
        let (status, output, errors) = try run(extractor, ["-layout", "-enc", "UTF-8", "-l", String(maximumPages), url.path, "-"], file: name)
        if errors.contains("Incorrect password") || errors.lowercased().contains("encrypt") {
            throw OfficeError(file: name, reason: "PDF 已加密，无法读取文字；请提供未加密的文件")
        }
        guard status == 0 else {
            throw OfficeError(file: name, reason: "pdftotext 无法读取（退出码 \(status)）：\(errors.prefix(200))")
        }
        let text = String(decoding: output, as: UTF8.self)
        if text.unicodeScalars.allSatisfy({ CharacterSet.whitespacesAndNewlines.contains($0) || $0 == "\u{0C}" }) {
            throw OfficeError(file: name, reason: "PDF 没有文字层（可能是扫描件），需要先做 OCR 文字识别再检查")
        }
        return parse(text, file: name)
    }

    /// Runs `tool`, killing it after ``timeout``; its exit status, output and error text. The error text goes to a
    /// file, so a damaged PDF's thousands of warnings can never fill a pipe and stall the tool.
    private static func run(_ tool: String, _ arguments: [String], file: String) throws -> (Int32, Data, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-pdftotext-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let errors = try FileHandle(forWritingTo: log)
        defer { try? errors.close() }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let timedOut = TimeoutFlag()
        let deadline = DispatchWorkItem {
            guard process.isRunning else { return }
            timedOut.set()
            process.terminate()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        // Read while it runs, so a large output cannot fill the pipe and stall it; bounded like a text report.
        var data = Data()
        while let chunk = try output.fileHandleForReading.read(upToCount: 1 << 16), !chunk.isEmpty {
            data.append(chunk)
            if data.count > PlainTextReport.maximumBytes {
                process.terminate()
                throw OfficeError(file: file, reason: "PDF 的文字超过 \(PlainTextReport.maximumBytes >> 20) MiB，未读取")
            }
        }
        process.waitUntilExit()
        deadline.cancel()
        if timedOut.isSet { throw OfficeError(file: file, reason: "pdftotext 超过 \(Int(timeout)) 秒未完成，已终止") }
        if process.terminationReason == .uncaughtSignal {
            throw OfficeError(file: file, reason: "pdftotext 读取时异常退出（信号 \(process.terminationStatus)），文件可能已损坏")
        }
        let message = String(decoding: (try? Data(contentsOf: log).prefix(64 << 10)) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, data, message)
    }

    /// The paragraphs and tables of `text` as `pdftotext -layout` writes it (pages separated by form feeds).
    public static func parse(_ text: String, file: String) -> ReportDocument {
        var paragraphs: [Paragraph] = []
        var tables: [Sheet] = []
        var positions: [Int] = []
        for (pageIndex, page) in text.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated() {
            let location = SourceLocation(file: file, sheet: "第 \(pageIndex + 1) 页")
            let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let margin = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(indent).min() ?? 0
            var current: String?
            var rows: [[String]] = []
            var header: [String]?
            func closeParagraph() {
                if let text = current, !text.isEmpty { paragraphs.append(Paragraph(text: text, location: location)) }
                current = nil
            }
            func closeTable() {
                guard rows.count >= 2 else {
                    // One row is a line of text with wide spaces, not a table.
                    for row in rows { paragraphs.append(Paragraph(text: row.joined(separator: " "), location: location)) }
                    rows = []
                    return
                }
                tables.append(PlainTextReport.grid(rows, name: "第 \(pageIndex + 1) 页表\(tables.count + 1)"))
                positions.append(paragraphs.count)
                rows = []
            }
            for raw in lines {
                let line = PlainTextReport.withoutBookmarks(raw)
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || isPageNumber(trimmed) {
                    closeParagraph()
                    continue
                }
                let cells = Self.cells(of: trimmed)
                if cells.count >= 2, cells.contains(where: AmountText.isAmount) {
                    closeParagraph()
                    if rows.isEmpty, let header { rows.append(header) }
                    header = nil
                    rows.append(cells)
                    continue
                }
                closeTable()
                if let pending = header {
                    // A line of headers not followed by amounts was text after all.
                    header = nil
                    paragraphs.append(Paragraph(text: pending.joined(separator: " "), location: location))
                }
                if cells.count >= 3, current == nil || endsSentence(current ?? "") || isHeading(current ?? "") {
                    // Three or more cells without amounts: the header of a table if amounts follow.
                    closeParagraph()
                    header = cells
                    continue
                }
                let startsParagraph = indent(line) >= margin + 2 || opensHeading(trimmed)
                if let text = current, !startsParagraph, !endsSentence(text), !isCaption(text), !isHeading(text) {
                    current = text + trimmed
                } else {
                    closeParagraph()
                    current = trimmed
                }
            }
            closeParagraph()
            closeTable()
            if let header { paragraphs.append(Paragraph(text: header.joined(separator: " "), location: location)) }
        }
        return ReportDocument(file: file, paragraphs: paragraphs, tables: tables, tablePositions: positions)
    }

    static func indent(_ line: String) -> Int {
        line.prefix { $0 == " " || $0 == "\u{3000}" }.reduce(0) { $0 + ($1 == " " ? 1 : 2) }
    }

    /// Cells set apart by two or more spaces.
    static func cells(of line: String) -> [String] {
        line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// "— 3 —", "- 3 -", "3": a page number line.
    static func isPageNumber(_ line: String) -> Bool {
        let core = line.filter { !"—-– ".contains($0) }
        return !core.isEmpty && core.count <= 4 && core.allSatisfy(\.isNumber)
    }

    /// A short line opening a heading ("四、财政拨款收入支出决算总体情况说明"): a paragraph of its own.
    static func isHeading(_ text: String) -> Bool {
        text.count <= 40 && opensHeading(text) && !text.contains("，")
    }

    /// "图 1：收、支决算总计变动情况图（单位：万元）": a chart's caption, a paragraph of its own.
    static func isCaption(_ line: String) -> Bool {
        let rest = line.drop { $0 == "（" || $0 == "(" }
        return rest.hasPrefix("图") && rest.dropFirst().drop { $0 == " " }.first?.isNumber == true
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return "。：；！？:;".contains(last)
    }

    /// "一、", "（一）", "1.", "第二部分", "图1": a line that starts its own paragraph.
    static func opensHeading(_ line: String) -> Bool {
        let numerals = "一二三四五六七八九十"
        if let first = line.first, numerals.contains(first), line.dropFirst().first == "、" { return true }
        if line.hasPrefix("（") || line.hasPrefix("("), let second = line.dropFirst().first, numerals.contains(second) || second.isNumber { return true }
        if line.hasPrefix("第"), line.contains("部分") { return true }
        if isCaption(line) { return true }
        let digits = line.prefix { $0.isNumber }
        return !digits.isEmpty && digits.count <= 2 && ["、", ".", "．"].contains(line.dropFirst(digits.count).first.map(String.init) ?? "")
    }
}

/// Whether a deadline has passed, set from the timer's thread and read on the caller's.
private final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

