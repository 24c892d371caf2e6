/// A budget unit (预算单位 / 部门): a bureau, a school, a township.
public struct Agency: Hashable, Sendable, Codable {
    public var name: String
    /// 主管部门, when the unit sits under another.
    public var supervisingAgency: String?

    public init(name: String, supervisingAgency: String? = nil) {
        self.name = name
        self.supervisingAgency = supervisingAgency
    }
}
