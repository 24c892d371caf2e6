import Foundation
import Testing
@testable import JixiaoCore

/// The store's decoder reads what Foundation's JSONDecoder reads, the same values, and refuses what it refuses with an
/// error at the same coding path.
@Suite struct JSONTreeDecoderTests {
    static func example(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/\(name)")
        return try Data(contentsOf: url)
    }

    /// Decoded by Foundation, written as the store writes it, read back by both: equal values.
    func roundTrip<T: Codable & Equatable>(_ type: T.Type, _ name: String) throws {
        let source = try Self.example(name)
        let expected = try JSONDecoder().decode(type, from: source)
        #expect(try JSONTreeDecoder().decode(type, from: String(decoding: source, as: UTF8.self)) == expected)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let stored = String(decoding: try encoder.encode(expected), as: UTF8.self)
        #expect(try JSONTreeDecoder().decode(type, from: stored) == expected)
        #expect(try JSONDecoder().decode(type, from: Data(stored.utf8)) == expected)
    }

    @Test func everyExampleDocumentReadsAsFoundationReadsIt() throws {
        try roundTrip(SelfEvaluation.self, "seed000-project.json")
        try roundTrip(SelfEvaluation.self, "seed001-agency.json")
        try roundTrip(SelfEvaluation.self, "seed004-self-evaluation.json")
        try roundTrip(FinalAccounts.self, "seed003-final-accounts.json")
        // The figures a page compares, read from a whole evaluation as the store reads them.
        for name in ["seed000-project.json", "seed001-agency.json", "seed004-self-evaluation.json"] {
            let source = try Self.example(name)
            let tree = try JSONTreeDecoder().decode(ComparedFigures.self, from: String(decoding: source, as: UTF8.self))
            let foundation = try JSONDecoder().decode(ComparedFigures.self, from: source)
            #expect(tree.kind == foundation.kind && tree.project == foundation.project && tree.budget == foundation.budget, "\(name)")
        }
    }

    struct Sample: Codable, Equatable {
        var name: String
        var count: Int
        var share: Decimal
        var amount: ExactDecimal?
        var flags: [Bool]
        var parts: [String: [Int]]
        var note: String?
    }

    @Test func valuesOfEveryShape() throws {
        let text = #"{"name":"\u6307\u6807\"1\"\n","count":-42,"share":12345678901234567890.125,"amount":"0.10","#
            + #""flags":[true,false],"parts":{"a":[1,2],"b":[]},"note":null}"#
        let sample = try JSONTreeDecoder().decode(Sample.self, from: text)
        #expect(sample == Sample(
            name: "指标\"1\"\n", count: -42, share: Decimal(string: "12345678901234567890.125")!, amount: ExactDecimal("0.1"),
            flags: [true, false], parts: ["a": [1, 2], "b": []], note: nil))
        #expect(sample == (try JSONDecoder().decode(Sample.self, from: Data(text.utf8))))
    }

    /// The path of the error each decoder gives, as text.
    func errorPaths<T: Decodable>(_ type: T.Type, _ text: String) -> (tree: String?, foundation: String?) {
        func path(_ body: () throws -> T) -> String? {
            do {
                _ = try body()
                return nil
            } catch let error as DecodingError {
                let context: DecodingError.Context
                switch error {
                case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
                @unknown default: return "?"
                }
                let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                if case .keyNotFound(let key, _) = error { return (keys + [key.stringValue]).joined(separator: ".") }
                return keys.joined(separator: ".")
            } catch {
                return "\(error)"
            }
        }
        return (path { try JSONTreeDecoder().decode(type, from: text) }, path { try JSONDecoder().decode(type, from: Data(text.utf8)) })
    }

    @Test func refusedWhereFoundationRefusesIt() throws {
        let good = #""name":"x","count":1,"share":1,"flags":[],"parts":{}"#
        let cases = [
            #"{"count":1,"share":1,"flags":[],"parts":{}}"#,  // a key missing
            #"{"name":"x","count":"1","share":1,"flags":[],"parts":{}}"#,  // an integer written as text
            #"{"name":"x","count":null,"share":1,"flags":[],"parts":{}}"#,  // null where a value is needed
            #"{"name":"x","count":1,"share":1,"flags":[true,1],"parts":{}}"#,  // an item of the wrong type
            #"{"name":"x","count":1,"share":1,"flags":[],"parts":{"a":[1,"2"]}}"#,  // nested two deep
            #"{"#+good+#","amount":"一千"}"#,  // not a numeral
        ]
        for text in cases {
            let paths = errorPaths(Sample.self, text)
            #expect(paths.tree != nil, "\(text)")
            #expect(paths.tree == paths.foundation, "\(text)")
        }
        #expect(errorPaths(Sample.self, "{" + good + "}").tree == nil)
        // Foundation names no field for a number that is not an integer or too large for one; this decoder does.
        for count in ["1.5", "99999999999999999999"] {
            let paths = errorPaths(Sample.self, #"{"name":"x","count":"# + count + #","share":1,"flags":[],"parts":{}}"#)
            #expect(paths.tree == "count" && paths.foundation != nil, "\(count)")
        }
    }

    @Test func textThatIsNotJSONIsRefused() throws {
        for text in ["", "{", #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":-}"#, #"{"a":1e}"#, #"{"a":+1}"#, #"{"a":1.2.3}"#, "[1,]", #"{"a":1} x"#] {
            #expect(throws: DecodingError.self, "\(text)") { try JSONTreeDecoder().decode([String: Int].self, from: text) }
        }
        // Strings JSON does not allow: a lone surrogate, a signed \u, a raw control character; each refused by Foundation too.
        for text in [#"{"a":"\uD83D"}"#, #"{"a":"\uDC00"}"#, #"{"a":"\uD83D\n"}"#, #"{"a":"\uD83D\u0041"}"#, #"{"a":"\u+041"}"#, "{\"a\":\"x\u{01}\"}"] {
            #expect(throws: DecodingError.self, "\(text)") { try JSONTreeDecoder().decode([String: String].self, from: text) }
            #expect(throws: (any Error).self, "\(text)") { try JSONDecoder().decode([String: String].self, from: Data(text.utf8)) }
        }
        #expect(try JSONTreeDecoder().decode([String: String].self, from: #"{"a":"\uD83D\uDE00\u6307"}"#) == ["a": "😀指"])
        // A repeated key keeps its first value, as Foundation's decoder does.
        #expect(try JSONTreeDecoder().decode([String: Int].self, from: #"{"a":1,"a":2}"#)
            == (try JSONDecoder().decode([String: Int].self, from: Data(#"{"a":1,"a":2}"#.utf8))))
        #expect(try JSONTreeDecoder().decode([String: Decimal].self, from: #"{"a":-0.5e-3,"b":0,"c":1E+2}"#)
            == ["a": Decimal(string: "-0.0005")!, "b": 0, "c": 100])
    }
}
