import Foundation
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice

/// `jixiao-bench disclosure --count N [--data FILE]`: writes N final-accounts disclosures (DOCX with the seven native
/// charts and the statements) from one data file, each for its own unit, on every core; then reads every one back
/// and checks it as a reviewer's batch would (its sentences, its statements read back into the model, the identities,
/// the sentences against the statements).
enum DisclosureBenchmark {
    static func run(count: Int, data: URL) throws {
        guard let template = try FinalAccountsFile.load(data) else { throw OfficeError(file: data.path, reason: "not final accounts") }
        let outline = try DisclosureOutline.builtin()
        let auditor = ReportAuditor(catalog: try ProfileCatalog.builtin())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-bench-disclosure-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let sizes = FindingCounts(count)
        let written = Measure.seconds {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: count, by: workers) {
                    var accounts = template
                    accounts.agency.name = "\(template.agency.name)\(index)"
                    let bytes = (try? ReportRenderers.docx(DisclosureContent.disclosure(accounts, outline: outline))) ?? Data()
                    let url = folder.appendingPathComponent("disclosure-\(index).docx")
                    sizes.set(index, (try? bytes.write(to: url)) == nil ? -1 : bytes.count)
                }
            }
        }
        let failedWrites = sizes.values.filter { $0 <= 0 }.count
        print("wrote \(count) disclosures with 7 native charts (\(sizes.values.reduce(0) { $0 + max($1, 0) } / max(count, 1) / 1024) KiB each) in \(Measure.fixed(written)) s on \(workers) cores: \(Measure.fixed(written * 1000 / Double(count), 3)) ms each, \(failedWrites) failed")
        let errors = FindingCounts(count)
        let checked = Measure.seconds {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: count, by: workers) {
                    let url = folder.appendingPathComponent("disclosure-\(index).docx")
                    errors.set(index, (try? auditor.audit(url).filter { $0.severity == .error }.count) ?? -1)
                }
            }
        }
        let unreadable = errors.values.filter { $0 < 0 }.count
        print("read and checked \(count) disclosures in \(Measure.fixed(checked)) s on \(workers) cores: \(Measure.fixed(checked * 1000 / Double(count), 3)) ms each; error findings \(errors.values.filter { $0 > 0 }.reduce(0, +)), unreadable \(unreadable)")
        print("peak resident memory: \(Measure.fixed(Measure.peakMiB(), 0)) MiB")
    }
}
