import Foundation
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice

/// `jixiao-bench report --reports N --data FILE [--xlsx]`: writes N reports (DOCX: the full self-evaluation report in
/// the outline of its kind, with its annexed tables; or with --xlsx the 自评表 workbook) from one data file, each for
/// its own project (or unit, for a department evaluation), scored, rendered and written to disk on every core.
enum ReportBenchmark {
    static func run(reports count: Int, data: URL, xlsx: Bool) throws {
        let template = try requireValue(try SelfEvaluationImporter.load(data).first, "no evaluation in \(data.path)")
        let outline = try ReportOutline.builtin(for: template.kind)
        let profile = try ProfileCatalog.builtin().defaultProfile(for: template.kind)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-bench-report-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let sizes = FindingCounts(count)
        let elapsed = Measure.seconds {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: count, by: workers) {
                    var evaluation = template
                    if template.kind == .project {
                        evaluation.project = "\(template.project ?? "项目")\(index)"
                    } else {
                        evaluation.agency.name = "\(template.agency.name)\(index)"
                    }
                    let assessment = Assessment(evaluation, profile: profile)
                    let bytes: Data
                    if xlsx {
                        bytes = (try? SelfEvaluationWorkbook.data(evaluation, scores: .recomputed(assessment.sheet))) ?? Data()
                    } else {
                        bytes = (try? ReportRenderers.docx(ReportContent.report(evaluation, assessment: assessment, outline: outline))) ?? Data()
                    }
                    let url = folder.appendingPathComponent("report-\(index).\(xlsx ? "xlsx" : "docx")")
                    sizes.set(index, (try? bytes.write(to: url)) == nil ? -1 : bytes.count)
                }
            }
        }
        let failed = sizes.values.filter { $0 <= 0 }.count
        let kind = xlsx ? "自评表 XLSX" : "report DOCX"
        print("wrote \(count) \(kind) files (\(sizes.values.reduce(0) { $0 + max($1, 0) } / max(count, 1) / 1024) KiB each) in \(Measure.fixed(elapsed)) s on \(workers) cores: \(Measure.fixed(elapsed * 1000 / Double(count), 3)) ms per file, \(failed) failed")
        print("peak resident memory: \(Measure.fixed(Measure.peakMiB(), 0)) MiB")
    }
}

private func requireValue<T>(_ value: T?, _ message: String) throws -> T {
    guard let value else { throw OfficeError(file: "", reason: message) }
    return value
}
