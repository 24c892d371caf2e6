import Foundation
import JixiaoCore
import JixiaoStore

/// What became of one file of the bureau's ZIP: the documents it made, or why it was refused (nothing of it kept).
struct BulkOutcome: Encodable {
    struct Made: Encodable { var agency: String; var kind: String; var year: String; var title: String; var url: String }

    var file: String
    var imported: Bool
    var documents: [Made]
    var reason: String?

    init(file: String, imported heads: [DocumentHead]) {
        self.file = file
        imported = true
        documents = heads.map { head in
            Made(agency: head.agency, kind: head.kind.label, year: head.fiscalYear.map(String.init) ?? "", title: head.title,
                 url: SiteURL.document(head.id).path)
        }
    }

    init(file: String, refused reason: String) {
        self.file = file
        imported = false
        documents = []
        self.reason = reason
    }

    /// Whether a ZIP entry is a file a user put there (not a folder, not macOS's or Office's bookkeeping).
    static func isUserFile(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return !path.hasSuffix("/") && !path.hasPrefix("__MACOSX/") && !name.hasPrefix(".") && !name.hasPrefix("~$") && !name.isEmpty
    }

    /// Why a file with this extension is not imported, nil for those that can be.
    static func refusal(forExtension ext: String) -> String? {
        switch ext {
        case "xlsx", "xlsm", "json", "csv": nil
        case "xls", "doc", "et", "wps": "旧版 Office/WPS 格式，请另存为 .xlsx 后再导入"
        case "docx", "pdf", "txt": "公开的报告文本只能用审核功能检查（jixiao audit），不能作为数据导入；请放入自评表或决算公开表的 .xlsx"
        default: "不是可导入的文件（可导入自评表、决算公开表或支付台账的 .xlsx，.json，或支付台账的 .csv）"
        }
    }
}

/// The report of a bulk import (template `bulk.mustache`).
struct BulkReportPage: Encodable {
    var frame: PageFrame
    var archive: String
    var outcomes: [BulkOutcome]
    var importedCount: Int
    var refusedCount: Int
    var documentCount: Int
    var empty: Bool
    var back: String

    init(frame: PageFrame, archive: String, outcomes: [BulkOutcome]) {
        self.frame = frame
        self.archive = archive
        self.outcomes = outcomes
        importedCount = outcomes.filter(\.imported).count
        refusedCount = outcomes.count - importedCount
        documentCount = outcomes.reduce(0) { $0 + $1.documents.count }
        empty = outcomes.isEmpty
        back = SiteURL.collection.path
    }
}

/// How packing a year's published documents stands (template `archive.mustache`).
struct YearArchivePage: Encodable {
    var frame: PageFrame
    var year: Int
    var started: Bool
    var running: Bool
    var done: Int
    var total: Int
    var percent: Int
    var download: String?
    var failure: String?
    var finishedAt: String?
    var start: String
    var back: String

    init(frame: PageFrame, year: Int, progress: YearArchives.Progress?) {
        self.frame = frame
        self.year = year
        started = progress != nil
        running = progress?.isRunning == true
        done = progress?.done ?? 0
        total = progress?.total ?? 0
        percent = total > 0 ? done * 100 / total : 0
        download = progress?.file == nil ? nil : SiteURL.yearArchiveDownload(String(year)).path
        failure = progress?.failure
        finishedAt = progress?.finishedAt.map { BeijingTime.display($0) }
        start = SiteURL.yearArchive(String(year)).path
        back = SiteURL.collection.path + "?year=\(year)"
    }
}
