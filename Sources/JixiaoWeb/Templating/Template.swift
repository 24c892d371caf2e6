/// A Mustache template parsed once: text, `{{name}}` (HTML-escaped), `{{{name}}}` and `{{& name}}` (as is),
/// sections `{{#name}}…{{/name}}`, inverted sections `{{^name}}…{{/name}}`, partials `{{> name}}` and comments
/// `{{! …}}`; dotted names (`frame.site.home`) and `{{.}}`. A tag alone on its line takes its line with it, as the
/// Mustache specification says. Rendered from a ``TemplateValue`` with no run-time reflection.
struct Template: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case value([String], escaped: Bool)
        case section([String], inverted: Bool, [Node])
        case partial(String)
    }

    let nodes: [Node]

    /// Parses `source`; `name` names the template in errors.
    init(_ source: String, name: String) throws {
        nodes = try TemplateParser.parse(source, name: name)
    }
}

/// A template that cannot be parsed: where and why.
struct TemplateError: Error, CustomStringConvertible {
    var template: String
    var reason: String
    var description: String { "模板 \(template)：\(reason)" }
}

/// Reads a template's source into nodes.
enum TemplateParser {
    private enum Token {
        case text(String)
        case tag(Character?, String)
    }

    static func parse(_ source: String, name: String) throws -> [Template.Node] {
        var tokens = try tokenize(source, name: name)
        stripStandaloneLines(&tokens)
        var stack: [(name: String, inverted: Bool, nodes: [Template.Node])] = [("", false, [])]
        for token in tokens {
            switch token {
            case .text(let text):
                if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(text)) }
            case .tag(let sigil, let body):
                switch sigil {
                case "#", "^": stack.append((body, sigil == "^", []))
                case "/":
                    guard stack.count > 1, let open = stack.popLast(), open.name == body else {
                        throw TemplateError(template: name, reason: "{{/\(body)}} 没有对应的开始标签")
                    }
                    stack[stack.count - 1].nodes.append(.section(path(open.name), inverted: open.inverted, open.nodes))
                case ">": stack[stack.count - 1].nodes.append(.partial(body))
                case "!": break
                case "{", "&": stack[stack.count - 1].nodes.append(.value(path(body), escaped: false))
                default: stack[stack.count - 1].nodes.append(.value(path(body), escaped: true))
                }
            }
        }
        guard stack.count == 1 else { throw TemplateError(template: name, reason: "{{#\(stack[stack.count - 1].name)}} 没有结束标签") }
        return stack[0].nodes
    }

    private static func path(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".").map(String.init)
    }

    private static func tokenize(_ source: String, name: String) throws -> [Token] {
        var tokens: [Token] = []
        var rest = source[...]
        while let open = rest.range(of: "{{") {
            tokens.append(.text(String(rest[..<open.lowerBound])))
            var after = rest[open.upperBound...]
            let triple = after.first == "{"
            if triple { after = after.dropFirst() }
            guard let close = after.range(of: triple ? "}}}" : "}}") else {
                throw TemplateError(template: name, reason: "“{{”之后没有“}}”")
            }
            var body = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            var sigil: Character? = triple ? "{" : nil
            if !triple, let first = body.first, "#^/>!&".contains(first) {
                sigil = first
                body = body.dropFirst().trimmingCharacters(in: .whitespaces)
            }
            guard !body.isEmpty || sigil == "!" else { throw TemplateError(template: name, reason: "空标签") }
            tokens.append(.tag(sigil, body))
            rest = after[close.upperBound...]
        }
        tokens.append(.text(String(rest)))
        return tokens
    }

    /// Removes the line of a section, closing, partial or comment tag that stands alone on it (only spaces or tabs
    /// beside it), so the tags leave no blank lines behind.
    private static func stripStandaloneLines(_ tokens: inout [Token]) {
        var stripped = Set<Int>()
        for index in tokens.indices {
            guard case .tag(let sigil?, _) = tokens[index], "#^/>!".contains(sigil),
                index > 0, index + 1 < tokens.count,
                case .text(let before) = tokens[index - 1], case .text(let after) = tokens[index + 1]
            else { continue }
            let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
            guard before[lineStart...].allSatisfy({ $0 == " " || $0 == "\t" }), lineStart != before.startIndex || index == 1 || stripped.contains(index - 2) else { continue }
            let lineEnd = after.firstIndex(of: "\n")
            let trailing = after[..<(lineEnd ?? after.endIndex)]
            guard trailing.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }), lineEnd != nil || index + 2 == tokens.count else { continue }
            tokens[index - 1] = .text(String(before[..<lineStart]))
            tokens[index + 1] = .text(lineEnd.map { String(after[after.index(after: $0)...]) } ?? "")
            stripped.insert(index)
        }
    }
}
