import Hummingbird
import NIOCore

/// Handles each request on its connection's event loop. The server's tasks run on the event loops (`jixiao serve`),
/// and a task otherwise continues on whichever loop resumed it last: under load, requests bounced between the two
/// loops, each hop waiting behind the other loop's queue, and one 6-s run in two or three had a p99 of 0.4–0.8 s
/// (median 20 ms). Pinned, a request's work and its connection's reads and writes share one queue: no such run in
/// eight (Benchmarks/RESULTS.md).
struct ConnectionLoop: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        try await withTaskExecutorPreference(LoopExecutor(loop: context.eventLoop)) { try await next(request, context) }
    }

    /// An event loop as a task executor: each job of the task runs there.
    final class LoopExecutor: TaskExecutor {
        let loop: any EventLoop

        init(loop: any EventLoop) {
            self.loop = loop
        }

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }
}
