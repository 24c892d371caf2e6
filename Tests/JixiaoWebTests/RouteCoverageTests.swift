import Foundation
import Hummingbird
import Testing
@testable import JixiaoWeb

/// The router, the route matrix and the OpenAPI document name the same routes: a route added without its row in
/// the matrix, or an API operation without its description, fails here.
@Suite struct RouteCoverageTests {
    /// Routes whose every role needs no matrix row: signing in and out, which every test does, and the import,
    /// exercised by the walk-through and fault tests with real files.
    static let outsideTheMatrix: Set = [
        "POST /login", "POST /logout", "POST /documents/import", "POST /api/session", "DELETE /api/session",
    ]

    @Test func everyRouteIsInTheMatrixAndEveryAPIOperationInOpenAPI() async throws {
        try await WebHarness.withApp(.sqlite) { fixture, _ in
            let router = fixture.app.router()
            try router.validate()
            let routes = Set(router.routes.map { route in
                "\(route.method) " + route.path.description.replacingOccurrences(of: #":([a-z]+)"#, with: "{$1}", options: .regularExpression)
            })
            let matrix = Set((RouteMatrixTests.pageRows + RouteMatrixTests.apiRows).map { row in
                "\(row.method) " + row.path.replacingOccurrences(of: "no-such-project", with: "{id}")
                    .replacingOccurrences(of: #"\{(project|agency)\}"#, with: "{id}", options: .regularExpression)
                    .replacingOccurrences(of: #"report\.[a-z]+$"#, with: "report.{format}", options: .regularExpression)
                    .replacingOccurrences(of: #"/archives/[0-9]+"#, with: "/archives/{id}", options: .regularExpression)
                    .replacingOccurrences(of: #"\?.*$"#, with: "", options: .regularExpression)
            })
            let untested = routes.subtracting(matrix).subtracting(Self.outsideTheMatrix)
            #expect(untested.isEmpty, "routes without a row in the matrix: \(untested.sorted())")

            let api = routes.filter { $0.contains(" /api/") }
            let documented = try Self.openAPIOperations()
            #expect(api == documented, "router only: \(api.subtracting(documented).sorted()); OpenAPI only: \(documented.subtracting(api).sorted())")
        }
    }

    /// "METHOD /path" for each operation under `paths:` in docs/openapi.yaml.
    static func openAPIOperations() throws -> Set<String> {
        let yaml = try String(contentsOf: WebHarness.repository.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        var operations: Set<String> = []
        var path = ""
        for line in yaml.split(separator: "\n") {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if !line.hasPrefix(" ") {
                path = ""
            } else if !path.isEmpty, let method = ["get", "post", "put", "delete"].first(where: { line == "    \($0):" }) {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }
}
