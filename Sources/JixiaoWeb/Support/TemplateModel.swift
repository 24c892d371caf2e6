/// A page's view model as nested dictionaries and arrays, reflected once per page. swift-mustache otherwise builds
/// a `Mirror` of a struct at every key it looks up, at every level of the context stack: 60 % of the project page's
/// time under load.
enum TemplateModel {
    static func convert(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?:
            if value is any CustomStringConvertible { return value }
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let converted = present(child.value) else { continue }
                fields[label] = converted
            }
            return fields
        case .collection?, .set?:
            return mirror.children.compactMap { present($0.value) }
        case .optional?:
            return present(value) ?? value
        default:
            return value
        }
    }

    /// The converted value, or nil for an empty optional (a missing key: the template looks further out, as it does
    /// for a nil property).
    private static func present(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return convert(value) }
        guard let wrapped = mirror.children.first?.value else { return nil }
        return present(wrapped)
    }
}
