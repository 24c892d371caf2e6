import Foundation
import JixiaoCore
import Testing
@testable import JixiaoStore
@testable import JixiaoWeb

/// A list's row makes its template value itself: every field the list templates read, under its own name, escaped
/// like any value; the public downloads on the public list only; and no encoder but the templates' takes it.
@Suite struct ListingRowTests {
    struct Page: Encodable { var documents: [ListingRow] }

    static let listing = DocumentListing(
        id: "D1", kind: .projectSelfEvaluation, agencyID: "A1", agency: "甲<单位>", projectID: "P1", fiscalYear: 2025, title: "项目“一”",
        state: .published, version: 3, summary: nil, updatedAt: "2025-03-01T16:30:00Z")

    func render(_ rows: [ListingRow]) throws -> String {
        let source = """
            {{#documents}}{{agency}}|{{agencyURL}}|{{url}}|{{projectURL}}|{{year}}|{{kind}}|{{name}}|{{state}}|{{score}}|{{grade}}|\
            {{executionRate}}|{{findings}}|{{updatedAt}}|{{#reports}}{{html}} {{docx}} {{pdf}}{{/reports}}{{/documents}}
            """
        let library = TemplateLibrary(templates: ["page": try Template(source, name: "page")])
        return try #require(library.render("page", TemplateEncoder.value(of: Page(documents: rows))))
    }

    @Test func everyFieldIsThereByItsName() throws {
        let row = ListingRow(Self.listing)
        #expect(try render([row]) == "甲&lt;单位&gt;|/agencies/A1|/documents/D1|/projects/P1|2025|\(DocumentKind.projectSelfEvaluation.label)|"
            + "项目“一”|\(WorkflowState.published.label)|—|—|—|—|2025-03-02 00:30|")
        let published = ListingRow(Self.listing, publicLinks: true)
        #expect(try render([published]).hasSuffix("|/public/D1/report.html /public/D1/report.docx /public/D1/report.pdf"))
    }

    @Test func onlyTheTemplatesEncodeIt() {
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(ListingRow(Self.listing)) }
    }
}
