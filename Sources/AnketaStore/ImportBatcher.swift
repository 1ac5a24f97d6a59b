import AnketaCore
import Foundation

/// The rows of one import, for one wave or several (a municipal export split by school), written
/// `batchSize` at a time whatever wave they belong to — so memory holds one batch however many
/// waves the file feeds.
///
/// Each backend supplies how a batch is written: ``AnketaStore`` in a GRDB transaction, the
/// PostgreSQL store with one multi-row statement. `writeBatch` returns, for every sink, how many
/// of the batch's rows it stored and how many were duplicates.
///
/// With `background: true` batches are written on a thread of their own while the reader fills the
/// next one (reading and writing on two cores); at most one full batch waits for the writer, so
/// memory stays at about three batches. An error of the writer is thrown by the next `add` or by
/// ``flush()``. Without it (the default) each full batch is written before `add` returns.
public final class ImportBatcher {
    /// A row and the sink (wave) it was added to: its time, its answers encoded (``AnswerCodec``)
    /// and its fingerprint.
    public typealias Entry = (sink: Int, submittedAt: String?, answers: [UInt8], fingerprint: String)

    private let batchSize: Int
    private let writer: BatchWriter
    private var buffer: [Entry] = []

    /// Per sink, in the order the sinks were made: what the batches written so far stored.
    public var counts: [ImportCounts] { writer.counts }

    public init(sinks: Int, batchSize: Int, background: Bool = false, writeBatch: @escaping ([Entry]) throws -> [ImportCounts]) {
        self.batchSize = max(1, batchSize)
        writer = BatchWriter(sinks: sinks, background: background, write: writeBatch)
        buffer.reserveCapacity(self.batchSize)
    }

    deinit {
        writer.close()
    }

    /// One sink per wave, in order.
    public func makeSinks() -> [ImportSink] {
        writer.counts.indices.map { ImportSink(batcher: self, index: $0) }
    }

    func add(_ sink: Int, submittedAt: String?, answers: [UInt8], fingerprint: String) throws {
        buffer.append((sink, submittedAt, answers, fingerprint))
        if buffer.count >= batchSize { try send() }
    }

    private func send() throws {
        guard !buffer.isEmpty else { return }
        let batch = buffer
        buffer.removeAll(keepingCapacity: true)
        try writer.submit(batch)
    }

    /// Writes the buffered rows and waits until every batch is written (rethrowing the writer's error).
    public func flush() throws {
        try send()
        try writer.drain()
    }

    /// Drops the batches not yet written and waits for the one being written: after an error,
    /// before the import's pending rows are removed.
    public func cancel() {
        buffer.removeAll()
        writer.cancel()
    }
}

/// Writes an import's batches, inline or on a thread of its own. `@unchecked Sendable` because
/// every mutable property is read and written under `condition`.
final class BatchWriter: @unchecked Sendable {
    private let condition = NSCondition()
    private let background: Bool
    private let write: ([ImportBatcher.Entry]) throws -> [ImportCounts]
    private var waiting: [[ImportBatcher.Entry]] = []
    private var busy = false
    private var closed = false
    private var started = false
    private var failure: (any Error)?
    private var added: [ImportCounts]

    init(sinks: Int, background: Bool, write: @escaping ([ImportBatcher.Entry]) throws -> [ImportCounts]) {
        self.background = background
        self.write = write
        added = Array(repeating: ImportCounts(), count: sinks)
    }

    var counts: [ImportCounts] { condition.withLock { added } }

    func submit(_ batch: [ImportBatcher.Entry]) throws {
        guard background else {
            let counts = try write(batch)
            condition.withLock { record(counts) }
            return
        }
        condition.lock()
        defer { condition.unlock() }
        // One batch written, at most one waiting: the reader fills the next meanwhile.
        while !waiting.isEmpty, failure == nil { condition.wait() }
        if let failure { throw failure }
        waiting.append(batch)
        if !started {
            started = true
            let thread = Thread { [self] in run() }
            thread.name = "anketa.import.writer"
            thread.start()
        }
        condition.broadcast()
    }

    func drain() throws {
        guard background else { return }
        condition.lock()
        defer { condition.unlock() }
        while !waiting.isEmpty || busy { condition.wait() }
        if let failure { throw failure }
    }

    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        waiting.removeAll()
        while busy { condition.wait() }
    }

    /// Lets the thread end once nothing is left to write.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func record(_ batch: [ImportCounts]) {
        for (index, counts) in batch.enumerated() where index < added.count {
            added[index].stored += counts.stored
            added[index].duplicates += counts.duplicates
        }
    }

    private func run() {
        while true {
            condition.lock()
            while waiting.isEmpty, !closed { condition.wait() }
            if waiting.isEmpty {
                condition.unlock()
                return
            }
            let batch = waiting.removeFirst()
            busy = true
            condition.broadcast()
            condition.unlock()
            let result = Result { try write(batch) }
            condition.lock()
            switch result {
            case .success(let counts): record(counts)
            case .failure(let error):
                failure = failure ?? error
                waiting.removeAll()
            }
            busy = false
            condition.broadcast()
            condition.unlock()
        }
    }
}
