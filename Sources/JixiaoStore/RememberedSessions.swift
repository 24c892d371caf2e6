import Foundation
import Synchronization

/// Sessions a server keeps between requests on PostgreSQL, where looking one up is a statement of its own (on SQLite
/// it is a read in the process and nothing is kept). Kept only while ``AccessListener`` hears the database: the
/// tables that decide who may do what (sessions, users, positions, reviewers' units, units' names) announce every
/// committed change (migration 0016), and a session changed or ended, by any server or the CLI, is forgotten the moment
/// the announcement arrives. The listener hears its own announcement every two seconds; each one heard vouches for
/// every earlier announcement (PostgreSQL delivers them in commit order) until a few seconds after it was sent. When
/// none sent that recently has come back (a connection gone silent, a server too busy to read it), nothing is kept and
/// every lookup reads.
///
/// A lookup that began before an announcement is not kept when it ends after it: what it read may predate the change.
final class RememberedSessions: Sendable {
    private struct Remembered {
        var session: SessionRecord
        var expires: Date
    }

    private struct State {
        /// Until when announcements are known to arrive (nil: not heard since the last connection).
        var heardUntil: ContinuousClock.Instant?
        /// Moves at every announcement and whenever hearing starts or stops: a lookup keeps its result only when it
        /// did not move while the lookup read.
        var epoch = 0
        var sessions: [String: Remembered] = [:]

        var isListening: Bool { heardUntil.map { ContinuousClock.now < $0 } ?? false }
    }

    /// How many sessions are kept at most: past it all are forgotten (a province's signed-in users are a few thousand).
    static let capacity = 20_000

    private let state = Mutex(State())

    /// The session kept for `tokenHash` and not expired at `now`, else `read`'s (kept when nothing was announced
    /// meanwhile). `read` gives the session with its expiry, nil for none.
    func session(
        tokenHash: String, now: Date, read: () async throws -> (session: SessionRecord, expires: Date)?
    ) async throws -> SessionRecord? {
        let (kept, epoch) = state.withLock { state -> (SessionRecord?, Int?) in
            guard state.isListening else { return (nil, nil) }
            if let kept = state.sessions[tokenHash] {
                if kept.expires > now { return (kept.session, nil) }
                state.sessions[tokenHash] = nil  // expired: not kept any longer
            }
            return (nil, state.epoch)
        }
        if let kept { return kept }
        guard let found = try await read() else { return nil }
        if let epoch {
            state.withLock { state in
                guard state.isListening, state.epoch == epoch else { return }
                if state.sessions.count >= Self.capacity { state.sessions.removeAll() }
                state.sessions[tokenHash] = Remembered(session: found.session, expires: found.expires)
            }
        }
        return found.session
    }

    /// An announcement: the session of `tokenHash` changed or ended, or, for nil, anything about who may do what.
    func forget(_ tokenHash: String?) {
        state.withLock { state in
            state.epoch += 1
            if let tokenHash { state.sessions[tokenHash] = nil } else { state.sessions.removeAll() }
        }
    }

    /// The listener heard back its own announcement sent at some instant: announcements are known to arrive until
    /// `until` (counted from the sending, so a listener that reads late vouches for no longer). After a time not heard
    /// everything kept is forgotten (what changed meanwhile may not have been announced to this listener).
    func heard(until: ContinuousClock.Instant) {
        state.withLock { state in
            if !state.isListening {
                state.epoch += 1
                state.sessions.removeAll()
            }
            state.heardUntil = max(state.heardUntil ?? until, until)
        }
    }

    /// The listener's connection ended: nothing is kept until it is heard again.
    func deaf() {
        state.withLock { state in
            state.epoch += 1
            state.heardUntil = nil
            state.sessions.removeAll()
        }
    }

    /// Whether sessions are being kept.
    var isListening: Bool { state.withLock { $0.isListening } }
}
