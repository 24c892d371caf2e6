import Hummingbird

/// What the admin page says after a change. The address carries a code (`/admin?done=user-added`) and, for a year,
/// its numbers, never text: each code maps to a fixed message, so no link can make the page show words the server
/// did not write as if they were its own. An unknown code, or a year's numbers that do not parse, show nothing.
enum AdminNotice: String {
    case agencyAdded = "agency-added"
    case agencyUpdated = "agency-updated"
    case userAdded = "user-added"
    case passwordReset = "password-reset"
    case positionsSet = "positions-set"
    case yearSaved = "year-saved"

    /// The message for the admin page's query, nil when it names no notice.
    static func message(_ query: Parameters) -> String? {
        guard let code = query["done"], let notice = AdminNotice(rawValue: String(code)) else { return nil }
        switch notice {
        case .agencyAdded: return "已添加单位"
        case .agencyUpdated: return "已修改单位名称或代码（单位的用户、项目和文档不变）"
        case .userAdded: return "已添加用户"
        case .passwordReset: return "已重置密码，该用户原有的登录已全部退出"
        case .positionsSet: return "已设置该用户的审批岗位"
        case .yearSaved:
            guard let year = query["year"].flatMap({ Int(String($0)) }), (2000...2100).contains(year),
                  let open = query["open"].flatMap({ Int(String($0)) }), (0...1).contains(open),
                  let rescored = query["rescored"].flatMap({ Int(String($0)) }), rescored >= 0
            else { return nil }
            return "已保存 \(year) 年度（\(open == 1 ? "开放填报" : "已关闭填报")），\(rescored) 个自评已按所选规则重新计分"
        }
    }

    /// Back to the admin page, showing this notice.
    static func redirect(_ notice: AdminNotice, _ numbers: KeyValuePairs<String, Int> = [:]) -> Response {
        .redirect(to: SiteURL.admin.path + "?done=\(notice.rawValue)" + numbers.map { "&\($0.key)=\($0.value)" }.joined())
    }
}
