import Foundation
import Hummingbird
import HummingbirdBcrypt
import NIOPosix
import Synchronization

/// bcrypt off the request path. Hashing and checking a password costs about a quarter of a second of one core
/// (cost 12), so it runs on a few threads of its own, never on the threads that serve requests: one fewer than the
/// cores, so a flood of sign-ins leaves a core for every other page. Checks (`verify`, what anyone can ask for by
/// signing in) beyond those threads wait in a queue of bounded length; when that is full the server answers 503 at
/// once instead of piling work up. New hashes (`hash`) only wait their turn: only the admin, or a user who has just
/// passed a check of their current password, can ask for one. One per process (threads are the process's): every app
/// in the process shares it.
final class PasswordHasher: Sendable {
    static let shared = PasswordHasher(
        threads: max(1, ProcessInfo.processInfo.activeProcessorCount - 1), queue: 16)

    private let pool: NIOThreadPool
    let admission: Admission

    init(threads: Int, queue: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        admission = Admission(capacity: threads + queue)
    }

    func hash(_ password: String, cost: UInt8) async throws -> String {
        try await pool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` is the one `hash` was made from; 503 when the queue is full.
    func verify(_ password: String, against hash: String) async throws -> Bool {
        guard admission.enter() else {
            throw HTTPError(.serviceUnavailable, headers: [.retryAfter: "5"], message: "服务器繁忙，请稍后再试")
        }
        defer { admission.leave() }
        return try await pool.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// How many checks may be in the hasher at once, running or queued; the rest are refused.
    final class Admission: Sendable {
        let capacity: Int
        private let inside = Mutex(0)

        init(capacity: Int) {
            self.capacity = capacity
        }

        /// Takes a place if one is free.
        func enter() -> Bool {
            inside.withLock { count in
                guard count < capacity else { return false }
                count += 1
                return true
            }
        }

        func leave() {
            inside.withLock { $0 -= 1 }
        }
    }
}
