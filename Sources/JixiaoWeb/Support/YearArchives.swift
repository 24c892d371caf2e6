import Foundation
import Hummingbird
import JixiaoOffice

/// A fiscal year's published documents packed into one ZIP in the background, one year at a time per server (each
/// drives LibreOffice), with how far it has got; the finished file is kept in a scratch folder until the year's next
/// ZIP is finished, so a download under way is never cut off by a new packing.
actor YearArchives {
    /// How a year's packing stands.
    struct Progress: Sendable {
        var done = 0
        var total = 0
        var file: URL?
        var failure: String?
        var finishedAt: String?
        var isRunning: Bool { file == nil && failure == nil }
    }

    private var years: [Int: Progress] = [:]
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-archives-\(UUID().uuidString)")

    func progress(_ year: Int) -> Progress? { years[year] }

    /// Starts packing `year` unless it is under way: `pack` writes the entries through the writer it is given and
    /// reports each document done.
    func start(
        _ year: Int,
        pack: @escaping @Sendable (ZipFileWriter, @escaping @Sendable (Int, Int) async -> Void) async throws -> Void
    ) throws {
        if years[year]?.isRunning == true { return }
        if let other = years.first(where: { $0.value.isRunning }) {
            throw HTTPError(.conflict, message: "正在打包 \(other.key) 年度，请待其完成后再打包 \(year) 年度")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("\(year)-\(UUID().uuidString).zip")
        let before = years[year]
        years[year] = Progress()
        Task {
            do {
                let writer = try ZipFileWriter(url: url)
                try await pack(writer) { done, total in await self.report(year, done: done, total: total) }
                try writer.finish()
                finish(year, file: url)
                if let old = before?.file { try? FileManager.default.removeItem(at: old) }
            } catch {
                try? FileManager.default.removeItem(at: url)
                failed(year, keeping: before, failure: "\(error)")
            }
        }
    }

    private func report(_ year: Int, done: Int, total: Int) {
        years[year]?.done = done
        years[year]?.total = total
    }

    /// A packing that failed: the year's previous ZIP (its file, count and time) stays, with why the new one failed.
    private func failed(_ year: Int, keeping before: Progress?, failure: String) {
        var kept = before ?? Progress()
        kept.failure = failure
        if kept.finishedAt == nil { kept.finishedAt = Date().formatted(.iso8601) }
        years[year] = kept
    }

    private func finish(_ year: Int, file: URL) {
        years[year]?.file = file
        years[year]?.finishedAt = Date().formatted(.iso8601)
    }
}
