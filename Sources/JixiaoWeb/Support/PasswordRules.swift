import Foundation
import Hummingbird
import JixiaoStore

/// What a new password must be, wherever one is set (the admin creating a user or resetting a password, a user
/// changing theirs, the accounts seeded on first start): 10 to 72 bytes of UTF-8 (bcrypt reads 72 and ignores the
/// rest, so a longer one is refused rather than silently cut), not one of the commonest passwords
/// (`Static/common-passwords.txt`, compared without regard to case), and not the login itself.
enum PasswordRules {
    static let minimumBytes = 10
    static let maximumBytes = 72
    /// The rules as the forms state them.
    static let summary = "\(minimumBytes) 至 \(maximumBytes) 个字节（汉字 3 个字节），不能是常见密码，不能与登录名相同"

    /// Why `password` cannot be the password of `login`; nil when it can.
    static func refusal(_ password: String, login: String) -> String? {
        let bytes = password.utf8.count
        if bytes < minimumBytes { return "密码至少 \(minimumBytes) 个字节（英文字母、数字、符号各 1 个字节，汉字 3 个字节）" }
        if bytes > maximumBytes {
            return "密码最多 \(maximumBytes) 个字节（汉字 3 个字节），收到 \(bytes) 个：bcrypt 只核对前 72 个字节，更长的部分不起作用，因此不予接受"
        }
        if common.contains(password.lowercased()) { return "这个密码太常见，容易被猜中，请换一个" }
        if LoginName.normalised(password) == LoginName.normalised(login) { return "密码不能与登录名相同" }
        return nil
    }

    /// Refuses (422) a password that breaks the rules.
    static func check(_ password: String, login: String) throws {
        if let refusal = refusal(password, login: login) { throw HTTPError(.unprocessableContent, message: refusal) }
    }

    /// A random password that keeps the rules: 16 letters and digits (none that look alike: no 0 O 1 l I), in
    /// groups of four, about 80 bits.
    static func generate() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let groups = (0..<4).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &generator)! }) }
        return groups.joined(separator: "-")
    }

    /// The commonest passwords, lower case, read once.
    private static let common: Set<String> = {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Static/common-passwords.txt"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("Static/common-passwords.txt is missing from the bundle") }
        return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
    }()
}
