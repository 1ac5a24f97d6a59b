import AnketaCore
import Foundation

/// Receives the responses of one import and hands them to the store in batches, each written in a
/// short transaction and marked with the import, so that a web server writing to the same store
/// waits at most one batch. Nothing of it is visible until ``SurveyStore/importResponses(into:source:batchSize:rejected:_:)``
/// publishes the whole import in one last short transaction.
///
/// Each backend supplies how a batch is written: ``AnketaStore`` in a GRDB transaction, the
/// PostgreSQL store with two multi-row statements.
public final class ImportSink {
    /// Responses with their fingerprints, in the order read.
    public typealias Batch = [(response: Response, fingerprint: String)]

    private let batchSize: Int
    private let writeBatch: (Batch) throws -> ImportCounts
    private var buffer: Batch = []
    public private(set) var counts = ImportCounts()

    /// A sink that calls `writeBatch` with every `batchSize` responses (and the rest at ``flush()``);
    /// `writeBatch` returns how many it stored and how many were duplicates.
    public init(batchSize: Int, writeBatch: @escaping (Batch) throws -> ImportCounts) {
        self.batchSize = max(1, batchSize)
        self.writeBatch = writeBatch
        buffer.reserveCapacity(self.batchSize)
    }

    /// Stores a response unless the same row of the same source is already stored (counted as a
    /// duplicate then). Written with the next batch.
    public func add(_ response: Response, fingerprint: String) throws {
        buffer.append((response, fingerprint))
        if buffer.count >= batchSize { try flush() }
    }

    /// Writes the buffered responses in one transaction.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        let added = try writeBatch(buffer)
        buffer.removeAll(keepingCapacity: true)
        counts.stored += added.stored
        counts.duplicates += added.duplicates
    }
}
