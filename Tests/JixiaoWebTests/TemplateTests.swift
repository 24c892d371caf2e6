import Testing
@testable import JixiaoWeb

/// The pages' Mustache engine: the parts of the language the templates use, with the specification's rules for
/// escaping, sections, lookups that go outwards and tags standing alone on their lines.
@Suite struct TemplateTests {
    struct Row: Encodable { var name: String; var late: Bool; var code: String? }
    struct Model: Encodable {
        var title: String
        var rows: [Row]
        var empty: [Row]
        var site: [String: String]
        var html: String
        var count: Int
        var missing: String?
    }

    static let model = Model(
        title: "A & B <\"'>", rows: [Row(name: "甲", late: true, code: "01"), Row(name: "乙", late: false, code: nil)], empty: [],
        site: ["home": "/"], html: "<b>粗</b>", count: 3, missing: nil)

    func render(_ source: String, partials: [String: String] = [:]) throws -> String {
        var templates = ["page": try Template(source, name: "page")]
        for (name, text) in partials { templates[name] = try Template(text, name: name) }
        return try #require(TemplateLibrary(templates: templates).render("page", TemplateEncoder.value(of: Self.model)))
    }

    @Test func valuesAreEscapedUnlessTripled() throws {
        #expect(try render("{{title}}|{{{html}}}|{{& html}}|{{count}}") == "A &amp; B &lt;&quot;&#39;&gt;|<b>粗</b>|<b>粗</b>|3")
    }

    @Test func sectionsOverListsFlagsObjectsAndAbsence() throws {
        #expect(try render("{{#rows}}[{{name}}{{#late}}!{{/late}}{{#code}}#{{code}}{{/code}}]{{/rows}}") == "[甲!#01][乙]")
        #expect(try render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}{{^rows}}no{{/rows}}") == "none")
        #expect(try render("{{#missing}}x{{/missing}}{{^missing}}absent{{/missing}}{{site.home}}{{#site}}{{home}}{{/site}}") == "absent//")
        #expect(try render("{{#rows}}{{title}}{{/rows}}") == "A &amp; B &lt;&quot;&#39;&gt;A &amp; B &lt;&quot;&#39;&gt;", "a name looks outwards")
        #expect(try render("{{#rows}}{{#code}}{{.}}{{/code}}{{/rows}}") == "01")
    }

    @Test func standaloneTagsTakeTheirLinesAndPartialsRender() throws {
        #expect(try render("<ul>\n{{#rows}}\n  <li>{{name}}</li>\n{{/rows}}\n</ul>\n") == "<ul>\n  <li>甲</li>\n  <li>乙</li>\n</ul>\n")
        #expect(try render("{{> head}}\n<p>{{count}}</p>", partials: ["head": "<h1>{{title}}</h1>\n"]) == "<h1>A &amp; B &lt;&quot;&#39;&gt;</h1>\n<p>3</p>")
        #expect(try render("a {{#rows}}b{{/rows}} c") == "a bb c", "inline tags keep their spaces")
    }

    @Test func explicitNilsAreAbsentAndPartialsCannotRecurseForever() throws {
        struct Holes: Encodable { var items: [String?]; var maybe: String? }
        let library = TemplateLibrary(templates: [
            "page": try Template("{{#items}}[{{.}}]{{/items}}{{#maybe}}x{{/maybe}}", name: "page"),
            "loop": try Template("a{{> loop}}", name: "loop"),
        ])
        #expect(library.render("page", try TemplateEncoder.value(of: Holes(items: ["甲", nil, "乙"], maybe: nil))) == "[甲][乙]")
        #expect(library.render("loop", .object([])) == String(repeating: "a", count: TemplateLibrary.maximumDepth + 1))
    }

    @Test func nestedContainersWrittenAfterTheyAreMadeAreKept() throws {
        /// Written by hand as a coder may: the nested containers are made first and filled afterwards.
        struct Late: Encodable {
            enum Keys: String, CodingKey { case head, list, tail }
            func encode(to encoder: any Encoder) throws {
                var outer = encoder.container(keyedBy: Keys.self)
                var head = outer.nestedContainer(keyedBy: Keys.self, forKey: .head)
                var list = outer.nestedUnkeyedContainer(forKey: .list)
                try outer.encode("尾", forKey: .tail)
                try head.encode("头", forKey: .tail)
                try list.encode("一")
                var item = list.nestedContainer(keyedBy: Keys.self)
                try item.encode("二", forKey: .tail)
            }
        }
        let library = TemplateLibrary(templates: ["page": try Template("{{head.tail}}{{#list}}[{{tail}}{{.}}]{{/list}}{{tail}}", name: "page")])
        #expect(library.render("page", try TemplateEncoder.value(of: Late())) == "头[尾一][二]尾")
    }

    @Test func malformedTemplatesAreRefusedByName() {
        #expect(throws: TemplateError.self) { try Template("{{#rows}}x", name: "t") }
        #expect(throws: TemplateError.self) { try Template("{{#rows}}x{{/other}}", name: "t") }
        #expect(throws: TemplateError.self) { try Template("{{title", name: "t") }
    }
}
