import Foundation
import Hummingbird
import HummingbirdTesting
import PropertyBased
import Testing
@testable import JixiaoWeb

/// The form and query parsers under generated input, where libFuzzer does not reach (JixiaoWeb is not built with
/// the sanitizer; Benchmarks/FUZZING.md): the parsers never trap and round-trip what a browser sends, and through
/// the router no query string, form or upload makes a request fail with a 5xx or stop the server.
/// `JIXIAO_PROPERTY_SCALE=N` runs N times the cases (the fuzz hour runs them at scale).
@Suite struct RequestParserFuzzTests {
    static let scale = max(1, Int(ProcessInfo.processInfo.environment["JIXIAO_PROPERTY_SCALE"] ?? "") ?? 1)

    /// Pieces of forms and queries: separators, escapes good and bad, the editor's field names and operations,
    /// numbers at and past the integer limits, multipart syntax.
    static let fragments = [
        "&", "=", "&&", "==", "%", "%2", "%25", "%00", "%FF", "%C0%80", "%E7%BB%A9", "%ZZ", "+", "%2B", "%26", "%3D",
        "_csrf", "version", "project", "fiscalYear", "year", "goal.expected", "budget.initial", "budget.adjusted",
        "budget.spent", "c0.weight", "c0.g0.name", "c0.g0.r0.name", "c0.g0.r0.target", "c0.g0.r0.actual",
        "c0.g0.r0.weight", "c0.g0.r0.score", "c0.g0.r0.note", "c9.g9.r9.name", "op", "add:c0.g0", "remove:c0.g0.r0",
        "up:c0.g0.r1", "down:c0.g0.r99", "add:c-1.g0", "add:", ":", "state", "grade", "q", "sort", "dir", "page",
        "limit", "offset", "done", "desc", "asc", "agency", "total", "2023", "0", "-1", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "99999999999999999999999", "1e40", "1.5", "≥90%", "万元",
        "不少于4次", "' OR 1=1 --", "%27", "_", "\\", "\u{0}", "\r\n", "\r\n\r\n", "--", "--b", "--b--", "b",
        "Content-Disposition: form-data; name=\"", "; filename=\"", "\"", "file", "a.xlsx", "a.csv", "a.json",
        "Content-Type: application/octet-stream", "PK\u{3}\u{4}", "{\"kind\":\"project\"}", "绩效", "\u{FFFD}",
    ]

    static let pieces = Gen<String?>.element(of: fragments).map { $0 ?? "" }
    static let text = Gen<String?>.element(of: fragments).map { $0 ?? "" }.array(of: 0...24).map { $0.joined() }
    static let scalars = Gen<UInt32>.value(in: 0...0x10FFFF).map { Character(Unicode.Scalar($0) ?? "\u{FFFD}") }
    static let word = scalars.string(of: 0...12)

    // MARK: The parsers

    @Test func urlEncodedFormsNeverTrap() async {
        let input = Gen<String>.oneOf(Self.text, Self.word, Self.scalars.string(of: 0...200))
        await propertyCheck(count: 3_000 * Self.scale, input: input) { text in
            let form = FormData.urlEncoded(text)
            #expect(form.fields.count <= text.utf8.count + 1)
        }
    }

    @Test func urlEncodedFormsRoundTrip() async {
        let fields = zip(Self.word, Self.word).array(of: 0...8)
        await propertyCheck(count: 2_000 * Self.scale, input: fields) { pairs in
            var expected: [String: String] = [:]
            for (key, value) in pairs where !key.isEmpty { expected[key] = value }
            let body = expected.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
            #expect(FormData.urlEncoded(body).fields == expected)
        }
    }

    /// Cases the round trip found: a value that is only a byte-order mark (Foundation's decoder dropped it).
    @Test func urlEncodedFieldsKeepWhatWasTyped() {
        let form = FormData.urlEncoded("a=%EF%BB%BF&b=1+2%2B3&c=%E5%8D%95%E4%BD%8D&d=100%&e=%FF")
        #expect(form.fields == ["a": "\u{FEFF}", "b": "1 2+3", "c": "单位", "d": "100%", "e": "%FF"])
    }

    @Test func multipartBodiesNeverTrap() async {
        let bytes = Gen<UInt8>.value(in: 0...255).array(of: 0...300).map { Data($0) }
        let structured = Self.pieces.array(of: 0...40).map { Data($0.joined().utf8) }
        let body = Gen<Data>.oneOf(bytes, structured)
        let boundary = Gen<String>.oneOf(Self.word, Self.pieces)
        await propertyCheck(count: 3_000 * Self.scale, input: body, boundary) { body, boundary in
            guard let form = try? FormData.multipart(body, boundary: boundary) else { return }
            #expect(form.fields.values.allSatisfy { $0.utf8.count <= body.count })
        }
    }

    @Test func multipartBodiesRoundTrip() async {
        let name = Gen.letterOrNumber.string(of: 1...10)
        let value = Self.word
        let file = Gen<UInt8>.value(in: 0...255).array(of: 0...200).map { Data($0) }
        await propertyCheck(count: 2_000 * Self.scale, input: zip(name, value).array(of: 0...5), file) { pairs, file in
            let boundary = "----jixiao-\(UUID().uuidString)"
            var expected: [String: String] = [:]
            var body = Data()
            for (key, text) in pairs where expected[key] == nil {
                expected[key] = text
                body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(text)\r\n".utf8)
            }
            let disposition = "Content-Disposition: form-data; name=\"upload\"; filename=\"t.xlsx\""
            body += Data("--\(boundary)\r\n\(disposition)\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file + Data("\r\n--\(boundary)--\r\n".utf8)
            let form = try FormData.multipart(body, boundary: boundary)
            #expect(form.fields == expected)
            #expect(form.file?.name == "t.xlsx")
            #expect(form.file?.data == file)
        }
    }

    // MARK: Through the router: no 5xx, no trap

    @Test func queryStringsNeverFailAPage() async throws {
        let keys = ["year", "state", "grade", "q", "sort", "dir", "page", "limit", "offset", "done"]
        let key = Gen<String?>.oneOf(Gen<String?>.element(of: keys), Gen<String?>.element(of: Self.fragments))
            .map { $0 ?? "" }
        let value = Gen<String>.oneOf(Self.pieces, Self.word, Self.text)
        let query = zip(key, value).array(of: 0...6)
        let paths = ["/overview", "/overview.xlsx", "/documents", "/public", "/admin", "/inbox"]
        try await WebHarness.withApp(.sqlite) { _, client in
            var reviewer = Browser(client)
            try await reviewer.signIn("reviewerA")
            var admin = Browser(client)
            try await admin.signIn("admin")
            var lead = Browser(client)
            try await lead.signIn("leadA")
            var visitor = Browser(client)
            await propertyCheck(count: 300 * Self.scale, input: query, Gen<String?>.element(of: paths)) { pairs, path in
                let path = path ?? "/overview"
                let uri = path + "?" + pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
                let raw = path + "?" + pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
                for target in [uri, Self.uriSafe(raw)] {
                    let status: HTTPResponse.Status
                    switch path {
                    case "/admin": status = try await admin.get(target).status
                    case "/documents": status = try await lead.get(target).status
                    case "/public": status = try await visitor.get(target).status
                    default: status = try await reviewer.get(target).status
                    }
                    #expect(status.code < 500, "GET \(target) answered \(status.code)")
                }
            }
        }
    }

    @Test func editorFormsNeverFailASaveOrPreview() async throws {
        let fields = zip(Self.pieces, Gen<String>.oneOf(Self.pieces, Self.word, Self.text)).array(of: 0...12)
        try await WebHarness.withApp(.sqlite) { fixture, client in
            var lead = Browser(client)
            try await lead.signIn("leadA")
            let path = "/documents/\(fixture.documentA)"
            await propertyCheck(count: 200 * Self.scale, input: fields, Gen.bool()) { pairs, preview in
                var form: [String: String] = ["version": "1"]
                for (key, value) in pairs where key != "_csrf" { form[key] = value }
                let response = try await lead.post(preview ? path + "/preview" : path, form)
                #expect(response.status.code < 500, "POST \(path) \(form) answered \(response.status.code)")
            }
        }
    }

    @Test func uploadsNeverFailAnImport() async throws {
        let bytes = Gen<UInt8>.value(in: 0...255).array(of: 0...300).map { Data($0) }
        let structured = Self.pieces.array(of: 0...30).map { Data($0.joined().utf8) }
        let content = Gen<Data>.oneOf(bytes, structured)
        let name = Gen<String?>.element(of: ["a.xlsx", "a.csv", "a.json", "a.txt", "a", "a.xls", "../a.xlsx", ""])
        try await WebHarness.withApp(.sqlite) { _, client in
            var lead = Browser(client)
            try await lead.signIn("leadA")
            await propertyCheck(count: 200 * Self.scale, input: content, name, Gen.bool()) {
                content, name, wellFormed in
                let boundary = "b"
                var body = Data("--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(lead.csrf)\r\n".utf8)
                if wellFormed {
                    let disposition = "Content-Disposition: form-data; name=\"file\"; filename=\"\(name ?? "")\""
                    body += Data("--b\r\n\(disposition)\r\n\r\n".utf8)
                    body += content + Data("\r\n--b--\r\n".utf8)
                } else {
                    body += content
                }
                let response = try await lead.send(
                    "/documents/import", method: .post,
                    headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: body))
                #expect(response.status.code < 500, "upload \(name ?? "") answered \(response.status.code)")
            }
        }
    }

    static let asciiAlphanumerics = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    static let requestLineCharacters = asciiAlphanumerics.union(CharacterSet(charactersIn: "/?&=%+-._~:'!*(),;@$"))

    /// Percent-encodes everything but ASCII letters and digits, as browsers encode form values.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: asciiAlphanumerics) ?? ""
    }

    /// `text` with the characters a request line may carry left as they are, so broken escapes ("%ZZ", "%") and
    /// separators reach the server unmended.
    static func uriSafe(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: requestLineCharacters) ?? ""
    }
}
