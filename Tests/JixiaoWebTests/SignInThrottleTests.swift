import Foundation
import Hummingbird
import JixiaoStore
import Testing
@testable import JixiaoWeb

/// Guessing a password costs the guesser: after 5 failures a login waits (429, Retry-After), even with the right
/// password; each attempt is in the store for the bureau; bcrypt runs on a bounded pool.
@Suite struct SignInThrottleTests {
    @Test(arguments: WebHarness.backends)
    func failuresThrottleTheLoginAndAreRecorded(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var guesser = Browser(client)
            for guess in 1...5 { #expect(try await guesser.signIn("leadA", password: "guess-number-\(guess)") == .unauthorized) }
            let page = try await guesser.get("/login")
            let refused = try await guesser.post(
                "/login", ["_csrf": Browser.field("_csrf", in: page.text), "login": "LeadA", "password": WebHarness.password])
            #expect(refused.status == .tooManyRequests, "the right password waits too")
            #expect(refused.text.contains("尝试次数过多，请 1 分钟后再试"))
            #expect(refused.headers[.retryAfter].flatMap(Int.init).map { (1...60).contains($0) } == true)
            var other = Browser(client)
            #expect(try await other.signIn("leadB") == .seeOther, "another login is not affected")

            let attempts = try await fixture.app.accounts.failedAttempts(limit: 10)
            #expect(attempts.map(\.outcome) == [.throttled] + Array(repeating: .wrongPassword, count: 5))
            #expect(Set(attempts.map(\.login)) == ["leada"])
            var bureau = Browser(client)
            try await bureau.signIn("admin")
            let admin = try await bureau.get("/admin").text
            #expect(admin.contains("最近的登录失败") && admin.contains("<td>leada</td><td></td><td>密码错误</td>"))
        }
    }

    @Test(arguments: WebHarness.backends)
    func theAPIIsThrottledLikeThePage(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { _, client in
            var statuses: [HTTPResponse.Status] = []
            for password in (1...5).map({ "guess-number-\($0)" }) + [WebHarness.password] {
                let body = ByteBuffer(string: #"{"login":"admin","password":"\#(password)"}"#)
                statuses.append(try await client.execute(
                    uri: "/api/session", method: .post, headers: [.contentType: "application/json"], body: body).status)
            }
            #expect(statuses == Array(repeating: .unauthorized, count: 5) + [.tooManyRequests])
        }
    }

    @Test func theDelayGrowsWithEachFailureAndEnds() {
        let now = Date()
        let rule = ThrottleRule.login
        func failures(_ count: Int, lastSecondsAgo: TimeInterval = 0) -> [Date] {
            (0..<count).map { now.addingTimeInterval(-lastSecondsAgo - Double($0)) }
        }
        #expect(rule.wait(after: failures(4), now: now) == nil)
        #expect(rule.wait(after: failures(5), now: now) == 60)
        #expect(rule.wait(after: failures(6), now: now) == 120)
        #expect(rule.wait(after: failures(8), now: now) == 480)
        #expect(rule.wait(after: failures(12), now: now) == 900, "at most the window")
        #expect(rule.wait(after: failures(5, lastSecondsAgo: 61), now: now) == nil, "the wait is over")
        #expect(rule.wait(after: failures(5, lastSecondsAgo: 901), now: now) == nil, "failures outside the window are forgotten")
        let refusal = ThrottleRule.refusal(waiting: 119.2)
        #expect(refusal.status == .tooManyRequests && refusal.headers[.retryAfter] == "120" && refusal.body == "尝试次数过多，请 2 分钟后再试")
    }

    @Test func theAddressThrottleIsBoundedInMemory() {
        let throttle = LoginThrottle(rule: .address, capacity: 100)
        let now = Date()
        for _ in 1...19 { throttle.fail("10.0.0.1", at: now) }
        #expect(throttle.wait(for: "10.0.0.1", now: now) == nil)
        throttle.fail("10.0.0.1", at: now)
        #expect(throttle.wait(for: "10.0.0.1", now: now) == 60, "20 failures from one address")
        for index in 0..<10_000 { throttle.fail("192.0.2.\(index)", at: now.addingTimeInterval(Double(index) / 1000)) }
        #expect(throttle.count <= 100, "an attacker rotating addresses costs a bounded amount of memory")
        for _ in 1...1000 { throttle.fail("10.0.0.2", at: now) }
        #expect(throttle.wait(for: "10.0.0.2", now: now) == 900)
    }

    @Test func theHasherAdmitsABoundedNumberOfJobsAndRefusesTheRest() async throws {
        let admission = PasswordHasher.Admission(capacity: 2)
        #expect(admission.enter() && admission.enter())
        #expect(!admission.enter(), "a full queue refuses at once")
        admission.leave()
        #expect(admission.enter())

        let hasher = PasswordHasher(threads: 1, queue: 0)
        let hash = try await hasher.hash("correct-horse-battery", cost: 4)
        #expect(try await hasher.verify("correct-horse-battery", against: hash))
        #expect(hasher.admission.enter(), "the one place taken")
        #expect(try await hasher.hash("correct-horse-battery", cost: 4).hasPrefix("$2b$04$"), "a new hash waits its turn")
        await #expect(throws: HTTPError.self) { try await hasher.verify("correct-horse-battery", against: hash) }
        do { _ = try await hasher.verify("x", against: hash) } catch let error as HTTPError {
            #expect(error.status == .serviceUnavailable && error.body == "服务器繁忙，请稍后再试")
        }
        hasher.admission.leave()
        #expect(try await hasher.verify("correct-horse-battery", against: hash), "free again")
        #expect(PasswordHasher.shared.admission.capacity <= max(1, ProcessInfo.processInfo.activeProcessorCount - 1) + 16)
    }

    @Test func aLocalProxysForwardedAddressIsBelievedAndNoOneElses() {
        #expect(WebApp.clientAddress(peer: "203.0.113.7", forwardedFor: "198.51.100.1") == "203.0.113.7")
        #expect(WebApp.clientAddress(peer: "127.0.0.1", forwardedFor: "198.51.100.1, 203.0.113.9") == "203.0.113.9")
        #expect(WebApp.clientAddress(peer: "::1", forwardedFor: nil) == "::1")
        #expect(WebApp.clientAddress(peer: nil, forwardedFor: "198.51.100.1") == nil)
    }
}
