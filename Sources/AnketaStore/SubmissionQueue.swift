import Dispatch
import Foundation

/// Group commit of web submissions: submissions that arrive while a commit is being forced to disk
/// wait together and go into the next write transaction, so that one sync acknowledges all of them.
///
/// A lone submitter is written at once — there is no timer: a batch is whatever is waiting when the
/// previous commit ends, up to ``maxBatch``. Each caller resumes only after the commit that holds
/// its submission returned (with `synchronous = FULL`, after the sync), with its own outcome: its
/// response id, its refusal, or — when the transaction as a whole failed — the error, which every
/// submission of that batch receives (none of them is stored).
///
/// The transaction runs on a dispatch queue of its own, never on a thread of Swift's cooperative
/// pool (two threads on a two-core machine), so waiting for the disk does not stall request handling.
final class SubmissionQueue: @unchecked Sendable {
    /// The most submissions one transaction holds.
    static let maxBatch = 64

    typealias Outcome = Result<Int64, SubmissionRefusal>

    private struct Waiting {
        let submission: WebSubmission
        let continuation: CheckedContinuation<Int64, any Error>
    }

    private let lock = NSLock()
    /// Guarded by `lock`.
    private var waiting: [Waiting] = []
    /// Whether a drain is running on `queue` (guarded by `lock`): at most one at a time.
    private var draining = false
    private let queue = DispatchQueue(label: "anketa.submissions", qos: .userInitiated)
    private let maxBatch: Int
    /// Writes a batch in one transaction: one outcome per submission, in order, or throws when
    /// nothing of the batch was committed.
    private let commit: @Sendable ([WebSubmission]) throws -> [Outcome]

    init(maxBatch: Int = SubmissionQueue.maxBatch, commit: @escaping @Sendable ([WebSubmission]) throws -> [Outcome]) {
        self.maxBatch = max(1, maxBatch)
        self.commit = commit
    }

    /// Stores a submission with the others waiting; returns its response id after the commit.
    func submit(_ submission: WebSubmission) async throws -> Int64 {
        try await withCheckedThrowingContinuation { continuation in
            let start = lock.withLock {
                waiting.append(Waiting(submission: submission, continuation: continuation))
                if draining { return false }
                draining = true
                return true
            }
            if start { queue.async { self.drain() } }
        }
    }

    /// Commits batches until nobody is waiting.
    private func drain() {
        while true {
            let batch: [Waiting] = lock.withLock {
                let count = min(maxBatch, waiting.count)
                if count == 0 { draining = false }
                let taken = Array(waiting.prefix(count))
                waiting.removeFirst(count)
                return taken
            }
            if batch.isEmpty { return }
            do {
                let outcomes = try commit(batch.map(\.submission))
                guard outcomes.count == batch.count else {
                    throw StoreError.database("group commit: \(outcomes.count) outcomes for \(batch.count) submissions")
                }
                for (item, outcome) in zip(batch, outcomes) {
                    switch outcome {
                    case .success(let id): item.continuation.resume(returning: id)
                    case .failure(let refusal): item.continuation.resume(throwing: refusal)
                    }
                }
            } catch {
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
    }
}
