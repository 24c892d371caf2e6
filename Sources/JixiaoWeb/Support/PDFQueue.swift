import Foundation
import Hummingbird
import JixiaoDocuments
import JixiaoStore

/// Report PDFs made by LibreOffice one at a time, off the request threads, and kept by document version: a
/// request never starts LibreOffice for a version already made (the public pages warm it when a document is
/// published), the same version asked for by many at once is made once, and when more are waiting than
/// ``maximumWaiting`` the request is answered 503 at once instead of piling up.
actor PDFQueue {
    /// What a PDF depends on: the document's version and the profile it was scored by.
    struct Key: Hashable, Sendable {
        var document: String
        var version: Int
        var profile: String
    }

    static let maximumWaiting = 8
    private let made: BoundedCache<Key, Data>
    private var making: [Key: Task<Data, any Error>] = [:]
    private var waiting = 0
    /// The conversion under way: conversions run one after another.
    private var last: Task<Void, Never>?
    /// How many times LibreOffice was started (the tests hold the queue to one per version).
    private(set) var conversions = 0

    init(capacityBytes: Int = 64 << 20) {
        made = BoundedCache(capacity: capacityBytes, cost: \.count)
    }

    /// The PDF for `key`, made from the DOCX `docx()` writes if it is not kept yet.
    func pdf(for key: Key, docx: @escaping @Sendable () throws -> Data) async throws -> Data {
        if let data = made.value(for: key) { return data }
        if let task = making[key] { return try await task.value }
        guard waiting < Self.maximumWaiting else {
            throw HTTPError(.serviceUnavailable, headers: [.retryAfter: "30"], message: "正在生成的 PDF 较多，请稍后再试，或先下载 DOCX")
        }
        waiting += 1
        conversions += 1
        let previous = last
        let task = Task<Data, any Error> {
            await previous?.value
            return try await Self.convert(docx(), name: key.document)
        }
        last = Task { _ = try? await task.value }
        making[key] = task
        defer {
            waiting -= 1
            making[key] = nil
        }
        let data = try await task.value
        made.keep(data, for: key)
        return data
    }

    /// Makes the PDF in the background (on publishing), so the public never waits for it.
    nonisolated func warm(_ key: Key, docx: @escaping @Sendable () throws -> Data) {
        Task { _ = try? await self.pdf(for: key, docx: docx) }
    }

    /// LibreOffice on a thread of its own (it blocks for seconds), in a scratch folder removed afterwards.
    private static func convert(_ docx: Data, name: String) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-web-\(UUID().uuidString)")
                    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
                    defer { try? FileManager.default.removeItem(at: scratch) }
                    let file = scratch.appendingPathComponent("report.docx")
                    try docx.write(to: file)
                    return try Data(contentsOf: PDFConverter.convert(file, into: scratch))
                })
            }
        }
    }
}
