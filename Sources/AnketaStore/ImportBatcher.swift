import AnketaCore
import Foundation

/// The rows of one import, for one wave or several (a municipal export split by school), written
/// `batchSize` at a time whatever wave they belong to — so memory holds one batch however many
/// waves the file feeds.
///
/// Each backend supplies how a batch is written: ``AnketaStore`` in a GRDB transaction, the
/// PostgreSQL store with two multi-row statements. `writeBatch` returns, for every sink, how many
/// of the batch's rows it stored and how many were duplicates.
public final class ImportBatcher {
    /// A row and the sink (wave) it was added to.
    public typealias Entry = (sink: Int, response: Response, fingerprint: String)

    private let batchSize: Int
    private let writeBatch: ([Entry]) throws -> [ImportCounts]
    private var buffer: [Entry] = []
    /// Per sink, in the order the sinks were made.
    public private(set) var counts: [ImportCounts]

    public init(sinks: Int, batchSize: Int, writeBatch: @escaping ([Entry]) throws -> [ImportCounts]) {
        self.batchSize = max(1, batchSize)
        self.writeBatch = writeBatch
        counts = Array(repeating: ImportCounts(), count: sinks)
        buffer.reserveCapacity(self.batchSize)
    }

    /// One sink per wave, in order.
    public func makeSinks() -> [ImportSink] {
        counts.indices.map { ImportSink(batcher: self, index: $0) }
    }

    func add(_ sink: Int, _ response: Response, fingerprint: String) throws {
        buffer.append((sink, response, fingerprint))
        if buffer.count >= batchSize { try flush() }
    }

    /// Writes the buffered rows in one transaction.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        let added = try writeBatch(buffer)
        buffer.removeAll(keepingCapacity: true)
        for (index, counts) in added.enumerated() where index < self.counts.count {
            self.counts[index].stored += counts.stored
            self.counts[index].duplicates += counts.duplicates
        }
    }
}
