import Foundation

/// Every template of a folder (`name.mustache`), parsed once at start, rendered with their partials.
struct TemplateLibrary: Sendable {
    private let templates: [String: Template]

    /// Parses every `.mustache` file in `folder`; a template that cannot be parsed stops the start, naming it.
    init(folder: URL) throws {
        var templates: [String: Template] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            templates[name] = try Template(source, name: name)
        }
        self.init(templates: templates)
    }

    init(templates: [String: Template]) {
        self.templates = templates
    }

    /// `name` filled from `value`; nil when there is no such template.
    func render(_ name: String, _ value: TemplateValue) -> String? {
        guard let template = templates[name] else { return nil }
        var output = ""
        output.reserveCapacity(65_536)
        var stack = [value]
        render(template.nodes, &stack, into: &output, depth: 0)
        return output
    }

    /// How deep partials may include partials: a template that includes itself stops here instead of overflowing.
    static let maximumDepth = 16

    private func render(_ nodes: [Template.Node], _ stack: inout [TemplateValue], into output: inout String, depth: Int) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .value(let path, let escaped):
                switch Self.lookup(path, in: stack) {
                case .text(let text)?: escaped ? HTMLEscape.append(text, to: &output) : output.append(text)
                case .flag(let flag)?: output += flag ? "true" : "false"
                default: break
                }
            case .section(let path, let inverted, let children):
                let value = Self.lookup(path, in: stack)
                if inverted {
                    if Self.isEmpty(value) { render(children, &stack, into: &output, depth: depth) }
                    continue
                }
                switch value {
                case nil, .flag(false)?: break
                case .flag(true)?: render(children, &stack, into: &output, depth: depth)
                case .list(let items)?:
                    for item in items {
                        stack.append(item)
                        render(children, &stack, into: &output, depth: depth)
                        stack.removeLast()
                    }
                case let value?:
                    stack.append(value)
                    render(children, &stack, into: &output, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name):
                if let partial = templates[name], depth < Self.maximumDepth { render(partial.nodes, &stack, into: &output, depth: depth + 1) }
            }
        }
    }

    private static func isEmpty(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .flag(false)?: true
        case .list(let items)?: items.isEmpty
        default: false
        }
    }

    /// The value a name stands for: its first part looked up from the innermost context outwards, the rest inside it.
    private static func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue? {
        if path.first == "." { return stack.last }
        guard let first = path.first else { return nil }
        var found: TemplateValue?
        for context in stack.reversed() {
            if let value = context.field(first) {
                found = value
                break
            }
        }
        for part in path.dropFirst() {
            found = found?.field(part)
        }
        return found
    }
}

/// HTML escaping of a template's `{{name}}`: `& < > " '`, the text copied whole when it has none of them.
enum HTMLEscape {
    static func append(_ text: String, to output: inout String) {
        // Looked for in the text's bytes in place: through `utf8`'s iterator this was the largest single cost of
        // rendering a list (3 % of the overview).
        var text = text
        guard text.withUTF8({ $0.contains(where: isSpecial) }) else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x26, 0x3C, 0x3E, 0x22, 0x27: true
        default: false
        }
    }
}
