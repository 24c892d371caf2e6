import Foundation
import Hummingbird
import Synchronization

/// When sign-in stops trying: after `limit` failures within `window`, the next attempt waits 1 minute after the latest
/// failure, then 2, 4, 8 … for each further failure, at most `window`. Applies to a login (5 failures; counted from
/// the store, so it holds across every server on one PostgreSQL and across restarts) and to an address (20;
/// counted in memory by `LoginThrottle`, per server).
struct ThrottleRule: Sendable {
    var limit: Int
    var window: TimeInterval = 15 * 60

    static let login = ThrottleRule(limit: 5)
    static let address = ThrottleRule(limit: 20)

    /// Seconds still to wait after `failures` (any order), nil when an attempt may go ahead now.
    func wait(after failures: [Date], now: Date = Date()) -> TimeInterval? {
        let recent = failures.filter { now.timeIntervalSince($0) < window }
        guard recent.count >= limit, let latest = recent.max() else { return nil }
        let delay = min(60 * pow(2, Double(min(recent.count - limit, 16))), window)
        let remaining = latest.addingTimeInterval(delay).timeIntervalSince(now)
        return remaining > 0 ? remaining : nil
    }

    /// The answer to a throttled attempt: 429 with Retry-After.
    static func refusal(waiting seconds: TimeInterval) -> HTTPError {
        let seconds = Int(seconds.rounded(.up))
        return HTTPError(
            .tooManyRequests, headers: [.retryAfter: String(seconds)],
            message: "尝试次数过多，请 \((seconds + 59) / 60) 分钟后再试")
    }
}

/// Recent sign-in failures by address, in this server's memory. Bounded: at most `capacity` addresses, each with at
/// most a few dozen times; a new address beyond that evicts the one whose latest failure is oldest, so an attacker
/// rotating addresses costs a fixed amount of memory (and gets evicted before anyone current). With several servers
/// behind one balancer each counts what it sees, so an address gets `limit` failures per server; the limit that
/// guards one account's password is the login's, counted from the store for all servers (`ThrottleRule.login`).
/// Addresses stay in memory because this check is what keeps a flood off the database and bcrypt: a throttled
/// address costs one dictionary lookup.
final class LoginThrottle: Sendable {
    static let addresses = LoginThrottle(rule: .address, capacity: 10_000)

    let rule: ThrottleRule
    let capacity: Int
    private let failures = Mutex<[String: [Date]]>([:])

    init(rule: ThrottleRule, capacity: Int) {
        self.rule = rule
        self.capacity = capacity
    }

    /// Seconds `key` must still wait, nil when it may try now.
    func wait(for key: String, now: Date = Date()) -> TimeInterval? {
        failures.withLock { rule.wait(after: $0[key] ?? [], now: now) }
    }

    /// Counts a failure of `key`.
    func fail(_ key: String, at now: Date = Date()) {
        let keep = rule.limit + 16
        failures.withLock { failures in
            if failures[key] == nil, failures.count >= capacity { evict(from: &failures, now: now) }
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < rule.window } + [now]
            failures[key] = Array(recent.suffix(keep))
        }
    }

    /// How many keys are remembered.
    var count: Int { failures.withLock { $0.count } }

    /// Forgets every key with no failure in the window, or else the one whose latest failure is oldest.
    private func evict(from failures: inout [String: [Date]], now: Date) {
        failures = failures.filter { _, times in times.contains { now.timeIntervalSince($0) < rule.window } }
        if failures.count >= capacity, let oldest = failures.min(by: { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }) {
            failures[oldest.key] = nil
        }
    }
}
