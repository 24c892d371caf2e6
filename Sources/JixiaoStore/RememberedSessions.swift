import Foundation
import Synchronization

/// Sessions a server keeps between requests on PostgreSQL, where looking one up is a statement of its own (on SQLite
/// it is a read in the process and nothing is kept). Kept only while ``AccessListener`` hears the database: the
/// tables that decide who may do what (sessions, users, positions, reviewers' units, units' names) announce every
/// committed change (migration 0016), and a session changed or ended, by any server or the CLI, is forgotten the moment
/// the announcement arrives. When the listener cannot hear, nothing is kept and every lookup reads.
///
/// A lookup that began before an announcement is not kept when it ends after it: what it read may predate the change.
final class RememberedSessions: Sendable {
    private struct Remembered {
        var session: SessionRecord
        var expires: Date
    }

    private struct State {
        var listening = false
        /// Moves at every announcement and every change of `listening`: a lookup keeps its result only when it did not.
        var epoch = 0
        var sessions: [String: Remembered] = [:]
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
            guard state.listening else { return (nil, nil) }
            if let kept = state.sessions[tokenHash], kept.expires > now { return (kept.session, nil) }
            return (nil, state.epoch)
        }
        if let kept { return kept }
        guard let found = try await read() else { return nil }
        if let epoch {
            state.withLock { state in
                guard state.listening, state.epoch == epoch else { return }
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

    /// Whether announcements are heard: on both changes everything kept is forgotten (what changed while the listener
    /// was deaf was never announced to it).
    func setListening(_ listening: Bool) {
        state.withLock { state in
            state.epoch += 1
            state.listening = listening
            state.sessions.removeAll()
        }
    }

    /// Whether sessions are being kept (tests wait for the listener).
    var isListening: Bool { state.withLock { $0.listening } }
}
