/// A page's view model as the templates read it: text, a flag, a list or an object of named values. Made from the
/// model once per page by ``TemplateEncoder`` (the compiler's `Encodable` conformance, no run-time reflection).
enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    /// Named values in the model's order; found by name through ``field(_:)`` (a view model has a few dozen
    /// fields at most: a scan is quicker than hashing them into a dictionary for every row of a list).
    case object([Field])

    /// One named value of an object.
    struct Field: Sendable {
        var name: String
        var value: TemplateValue
    }

    /// The value named `name`, if this is an object that has one.
    func field(_ name: String) -> TemplateValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.name == name }?.value
    }
}
