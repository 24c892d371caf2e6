/// A page's view model as the templates read it: text, a flag, a list or an object of named values. Made from the
/// model once per page by ``TemplateEncoder`` (the compiler's `Encodable` conformance, no run-time reflection).
enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])
}
