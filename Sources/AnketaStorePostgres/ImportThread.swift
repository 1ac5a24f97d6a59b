import Dispatch

/// Where an import's reading runs on PostgreSQL: threads of their own, off Swift's cooperative pool
/// and off NIO's event loops.
///
/// The collection readers push rows into ``ImportSink`` synchronously (libcsv calls back), while
/// postgres-nio writes asynchronously. The reading therefore runs on this executor, and each full
/// batch waits there for its write (a task on the global executor) before the next row is read —
/// so at most one batch is in memory and no event loop or pooled thread is ever blocked.
final class ImportThread: TaskExecutor, @unchecked Sendable {
    static let shared = ImportThread()
    private let queue = DispatchQueue(label: "anketa.postgres.import", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// Runs `operation` on the global executor and waits for it on the current (import) thread.
    static func wait<T: Sendable>(for operation: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: globalConcurrentExecutor) {
            do { box.result = .success(try await operation()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

/// A result handed from the writing task to the waiting import thread; the semaphore orders the
/// write before the read.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
