import Foundation
import JixiaoCore

/// A user account: its login, name and role, the unit it belongs to and the units it reviews.
public struct UserRecord: Hashable, Sendable, Codable {
    public var id: String
    public var login: String
    public var displayName: String
    public var role: Role
    /// The unit of a 单位填报人 or 单位负责人.
    public var agency: AgencyRef?
    /// The units a 审核人 is assigned to.
    public var reviews: [AgencyRef]
    /// The approval positions a unit user holds (ids of the approval rules' positions: "clerk", "principal" …).
    public var positions: [String]

    /// The user as the workflow sees them: agencies by id.
    public var actor: Actor {
        Actor(role: role, agency: agency?.id, reviews: Set(reviews.map(\.id)))
    }

    /// The user as a history records them: their id and the name they have now.
    public var author: Author {
        Author(id: id, name: displayName)
    }
}

/// An agency as a user's record names it: the stable id the user belongs to by, and its current name.
public struct AgencyRef: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
}

/// A signed-in session: its user and the token every form must carry back (CSRF).
public struct SessionRecord: Hashable, Sendable {
    public var user: UserRecord
    public var csrfToken: String
}

/// Logins as the system compares and creates them. What is typed is folded (NFKC, so full-width letters typed with a
/// Chinese input method become ASCII; then lower-cased and trimmed), and a new login may only use ASCII letters,
/// digits and `. _ - @`: no look-alike of another login (`Admin` is `admin`), no zero-width or bidirectional
/// control character can ever be part of one. The person's Chinese name is the display name, not the login.
public enum LoginName {
    public static let maximumLength = 64

    /// `typed` as it is stored and looked up.
    public static func normalised(_ typed: String) -> String {
        typed.precomposedStringWithCompatibilityMapping.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Why `login` (already normalised) cannot be given to a new user; nil when it can.
    public static func refusal(_ login: String) -> String? {
        if login.isEmpty { return "登录名不能为空" }
        if login.count > maximumLength { return "登录名最多 \(maximumLength) 个字符" }
        guard login.unicodeScalars.allSatisfy(allowed.contains) else {
            return "登录名只能由英文字母、数字和 . _ - @ 组成（不能含汉字、空格、全角或不可见字符）"
        }
        return nil
    }

    private static let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-@".unicodeScalars)
}

/// How a sign-in attempt ended, as the store records it.
public enum LoginOutcome: String, Sendable, CaseIterable {
    /// The password was right (signing in, or confirming it to change it).
    case signedIn = "signed-in"
    case wrongPassword = "wrong-password"
    case unknownLogin = "unknown-login"
    /// Refused before the password was checked: too many recent failures for this login.
    case throttled

    /// As the admin page shows it.
    public var label: String {
        switch self {
        case .signedIn: "密码正确"
        case .wrongPassword: "密码错误"
        case .unknownLogin: "无此登录名"
        case .throttled: "尝试过多，已拒绝"
        }
    }

    /// Whether the attempt counts towards the login's limit of failures.
    public var isFailure: Bool { self == .wrongPassword || self == .unknownLogin }
}

/// One sign-in attempt: the login as typed (normalised), where it came from, when, and how it ended.
public struct LoginAttempt: Hashable, Sendable {
    public var login: String
    public var address: String?
    public var at: Date
    public var outcome: LoginOutcome

    public init(login: String, address: String?, at: Date = Date(), outcome: LoginOutcome) {
        self.login = login
        self.address = address
        self.at = at
        self.outcome = outcome
    }
}
