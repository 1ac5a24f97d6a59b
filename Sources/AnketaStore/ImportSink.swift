import AnketaCore
import Foundation

/// Receives the responses of one import into one wave. Rows go to the import's shared
/// ``ImportBatcher``, which writes them in short transactions (batches) marked with the import, so
/// that a web server writing to the same store waits at most one batch. Nothing of it is visible
/// until ``SurveyStore/importResponses(into:source:batchSize:rejected:_:)`` publishes the whole
/// import in one last short transaction.
public final class ImportSink {
    private let batcher: ImportBatcher
    private let index: Int

    init(batcher: ImportBatcher, index: Int) {
        self.batcher = batcher
        self.index = index
    }

    /// What this wave's import has stored and counted as duplicates so far.
    public var counts: ImportCounts { batcher.counts[index] }

    /// Stores a response unless the same row of the same source is already stored (counted as a
    /// duplicate then). Written with the next batch.
    public func add(_ response: Response, fingerprint: String) throws {
        try batcher.add(index, submittedAt: response.submittedAt, answers: AnswerCodec.encode(response.answers), fingerprint: fingerprint)
    }

    /// Stores a response whose answers are already encoded (``AnswerCodec``), as ``add(_:fingerprint:)`` does.
    package func add(submittedAt: String?, answers: [UInt8], fingerprint: String) throws {
        try batcher.add(index, submittedAt: submittedAt, answers: answers, fingerprint: fingerprint)
    }
}
