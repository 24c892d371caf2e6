import Foundation
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice

/// `jixiao-bench check --files N --seeds DIR`: writes N report-sized DOCX files made from the seed reports
/// (seeds 003 and 004 in turn, each copy with its own number), then audits them all on every core.
enum AuditBenchmark {
    static func run(files count: Int, seeds: URL) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-bench-check-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sources = try ["003_04b076eed3497635.txt", "004_a7de23b29f9171bb.txt"].map {
            try PlainTextReport.read(url: seeds.appendingPathComponent($0))
        }
        var urls: [URL] = []
        var bytes = 0
        let writing = try Measure.seconds {
            for index in 0..<count {
                let source = sources[index % sources.count]
                let data = try WordWriter.document(source.wordBlocks + [.paragraph("（编号 \(index)）")])
                let url = folder.appendingPathComponent("report-\(index).docx")
                try data.write(to: url)
                bytes += data.count
                urls.append(url)
            }
        }
        print("wrote \(count) DOCX reports (\(bytes / count / 1024) KiB each on average; seeds 003 and 004 in turn) in \(Measure.fixed(writing)) s")
        let auditor = ReportAuditor(catalog: try ProfileCatalog.builtin())
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let counts = FindingCounts(count)
        let files = urls
        let elapsed = Measure.seconds {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: files.count, by: workers) {
                    counts.set(index, (try? auditor.audit(files[index]).count) ?? -1)
                }
            }
        }
        let failed = counts.values.filter { $0 < 0 }.count
        print("checked \(count) DOCX reports in \(Measure.fixed(elapsed)) s on \(workers) cores: \(Measure.fixed(Double(count) / elapsed, 1)) reports/s, \(counts.values.reduce(0) { $0 + max($1, 0) }) findings, \(failed) unreadable")
        print("peak resident memory: \(Measure.fixed(Measure.peakMiB(), 0)) MiB")
    }
}

/// Per-file finding counts written by several threads at distinct indices.
final class FindingCounts: @unchecked Sendable {
    private(set) var values: [Int]
    private let lock = NSLock()

    init(_ count: Int) {
        values = Array(repeating: 0, count: count)
    }

    func set(_ index: Int, _ value: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
