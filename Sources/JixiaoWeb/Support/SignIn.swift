import Foundation
import HTTPTypes
import Hummingbird
import JixiaoStore
import Logging

extension WebApp {
    /// Checks the password and opens a session: the user and the session's token, nil when either is wrong.
    func signIn(login: String, password: String, from address: String? = nil) async throws -> (user: UserRecord, token: String)? {
        guard let user = try await checkPassword(login: login, password: password, from: address) else { return nil }
        let token = SessionToken.random()
        try await accounts.openSession(
            tokenHash: SessionToken.hash(token), csrfToken: SessionToken.random(), user: user.id,
            expires: Date().addingTimeInterval(SessionToken.lifetime))
        return (user, token)
    }

    /// The user whose login and password these are, nil when either is wrong. What is typed as the login is normalised
    /// (`LoginName`). An address or a login with too many recent failures is refused (429, `ThrottleRule`) before the
    /// store is asked for the password or bcrypt runs; every attempt that gets that far is recorded in the store (the
    /// admin page lists the failures) and every failure is logged.
    func checkPassword(login typed: String, password: String, from address: String?) async throws -> UserRecord? {
        let login = LoginName.normalised(typed)
        if let address, let wait = LoginThrottle.addresses.wait(for: address) {
            throw ThrottleRule.refusal(waiting: wait)
        }
        let now = Date()
        let failures = try await accounts.recentFailures(login: login, since: now.addingTimeInterval(-ThrottleRule.login.window))
        if let wait = ThrottleRule.login.wait(after: failures, now: now) {
            try await accounts.record(LoginAttempt(login: login, address: address, at: now, outcome: .throttled))
            if let address { LoginThrottle.addresses.fail(address, at: now) }
            Self.authLog.notice("sign-in throttled", metadata: ["login": "\(login)", "address": "\(address ?? "-")"])
            throw ThrottleRule.refusal(waiting: wait)
        }
        let found = try await accounts.credentials(login: login)
        // An unknown login costs the same bcrypt as a wrong password: the time does not tell which logins exist.
        let valid = try await PasswordHasher.shared.verify(password, against: found?.passwordHash ?? Self.decoyHash)
        guard let found, valid else {
            let outcome: LoginOutcome = found == nil ? .unknownLogin : .wrongPassword
            try await accounts.record(LoginAttempt(login: login, address: address, outcome: outcome))
            if let address { LoginThrottle.addresses.fail(address) }
            Self.authLog.warning(
                "sign-in failed", metadata: ["login": "\(login)", "address": "\(address ?? "-")", "outcome": "\(outcome.rawValue)"])
            return nil
        }
        try await accounts.record(LoginAttempt(login: login, address: address, outcome: .signedIn))
        return found.user
    }

    /// Where a request comes from, for throttling.
    static func clientAddress(_ request: Request, _ context: WebContext) -> String? {
        clientAddress(peer: context.remoteAddress, forwardedFor: request.headers[forwardedFor])
    }

    /// The connection's peer, or, when that is this host (a reverse proxy in front of the server), the address the
    /// proxy appended last to X-Forwarded-For. Only a local proxy is believed: anyone else could write any address there.
    static func clientAddress(peer: String?, forwardedFor: String?) -> String? {
        guard let peer else { return nil }
        guard peer == "127.0.0.1" || peer == "::1",
              let last = forwardedFor?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        else { return peer }
        return last
    }

    private static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// A bcrypt hash of `password` for `login` at the application's cost, refused (422) unless it keeps
    /// `PasswordRules`.
    public func hashPassword(_ password: String, for login: String) async throws -> String {
        try PasswordRules.check(password, login: login)
        return try await PasswordHasher.shared.hash(password, cost: bcryptCost)
    }

    /// A bcrypt hash (cost 12) of a random text nobody kept, checked against when the login does not exist.
    private static let decoyHash = "$2b$12$hDiVho/PtiqZMoCztpPcae8scctm4WZCbRS/s8T/bRMC6VrbfE.hm"

    private static let authLog = Logger(label: "jixiao.web.auth")
}
