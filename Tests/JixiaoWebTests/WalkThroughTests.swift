import Foundation
import Hummingbird
import HummingbirdTesting
import JixiaoCore
import JixiaoOffice
import Testing
@testable import JixiaoWeb

/// A unit imports its 自评表, sees the findings, edits and submits; a reviewer returns it with a comment; the unit
/// sees why; every step is in the history. Through real HTTP requests against the router, on each backend.
@Suite struct WalkThroughTests {
    static let fixture = WebHarness.repository.deletingLastPathComponent().appendingPathComponent("shared/fixtures/seed004-self-evaluation.xlsx")

    @Test(arguments: WebHarness.backends)
    func aUnitImportsSubmitsAndIsReturned(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { _, client in
            var unit = Browser(client)
            #expect(try await unit.signIn("leadA") == .seeOther)
            let imported = try await unit.upload("/documents/import", file: Data(contentsOf: Self.fixture), name: "seed004-self-evaluation.xlsx")
            #expect(imported.status == .seeOther)
            let location = try #require(imported.headers[.location])
            let page = try await unit.get(location)
            #expect(page.status == .ok)
            #expect(page.text.contains("审核发现的问题"))
            #expect(page.text.contains("各行分值（含预算执行率）合计 97"))
            #expect(page.text.contains("id=\"total\">75.98<"))

            let version = Browser.field("version", in: page.text)
            let saved = try await unit.post(location, Self.editorFields(page.text, changing: ["budget.spent": "320.28"]).merging(["version": version]) { $1 })
            #expect(saved.status == .seeOther)
            let afterSave = try await unit.get(location)
            #expect(afterSave.text.contains("第 \(try #require(Int(version)) + 1) 版"), "the save makes the next version")

            #expect(try await unit.post(location + "/submit").status == .seeOther)
            #expect(try await unit.get(location).text.contains("已提交"))

            var reviewer = Browser(client)
            #expect(try await reviewer.signIn("reviewerA") == .seeOther)
            let inbox = try await reviewer.get("/inbox")
            #expect(inbox.text.contains(location))
            #expect(try await reviewer.post(location + "/return", ["comment": ""]).status == .forbidden, "a return needs a comment")
            #expect(try await reviewer.post(location + "/return", ["comment": "成本指标得分与分值不符，请核实"]).status == .seeOther)

            let returned = try await unit.get(location)
            #expect(returned.text.contains("退回"))
            let history = try await unit.get(location + "/history")
            #expect(history.text.contains("成本指标得分与分值不符，请核实"))
            #expect(history.text.contains("全年执行数") || history.text.contains("预算"))
            #expect(history.text.contains("reviewerA"))
        }
    }

    /// The fields the editor page would post: every input (the version and CSRF token too) and textarea with its
    /// current value, some changed.
    static func editorFields(_ html: String, changing changes: [String: String]) -> [String: String] {
        var fields: [String: String] = [:]
        let pattern = #/<input (?:type="hidden" )?name="([^"]+)" value="([^"]*)"|<textarea name="([^"]+)"[^>]*>([^<]*)</textarea>/#
        for match in html.matches(of: pattern) {
            if let name = match.output.1 { fields[String(name)] = unescape(String(match.output.2 ?? "")) }
            if let name = match.output.3 { fields[String(name)] = unescape(String(match.output.4 ?? "")) }
        }
        return fields.merging(changes) { $1 }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
