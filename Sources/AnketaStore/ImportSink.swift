import AnketaCore
import Foundation
import GRDB

/// Receives the responses of one import and writes them in short transactions (batches), each row
/// marked with the import, so that `anketa serve` writing to the same file waits at most one batch.
/// Nothing of it is visible until ``AnketaStore/importResponses(into:source:batchSize:rejected:_:)``
/// publishes the whole import in one last short transaction.
public final class ImportSink {
    private let writer: any DatabaseWriter
    let importID: Int64
    private let waveID: Int64
    private let source: String
    private let batchSize: Int
    private var buffer: [(response: Response, fingerprint: String)] = []
    public private(set) var counts = ImportCounts()

    init(writer: any DatabaseWriter, importID: Int64, waveID: Int64, source: String, batchSize: Int) {
        self.writer = writer
        self.importID = importID
        self.waveID = waveID
        self.source = source
        self.batchSize = max(1, batchSize)
    }

    /// Stores a response unless the same row of the same source is already stored (counted as a
    /// duplicate then). Written with the next batch.
    public func add(_ response: Response, fingerprint: String) throws {
        buffer.append((response, fingerprint))
        if buffer.count >= batchSize { try flush() }
    }

    /// Pause after each batch, so that a writer waiting for the lock (a web submission, which polls
    /// every millisecond) gets it before the next batch: fairness costs 2 ms a batch (0,4 s per
    /// 100,000 rows in 500-row batches).
    static let pauseBetweenBatches: useconds_t = 2000

    /// Writes the buffered responses in one transaction.
    func flush() throws {
        defer { usleep(Self.pauseBetweenBatches) }
        guard !buffer.isEmpty else { return }
        let batch = buffer
        let (importID, waveID, source) = (self.importID, self.waveID, self.source)
        let added = try writer.write { db -> ImportCounts in
            try ImportSink.touch(importID, db)
            var added = ImportCounts()
            let insertResponse = try db.cachedStatement(sql: """
                INSERT INTO response (wave_id, submitted_at, source, fingerprint, pending_import) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (wave_id, source, fingerprint) DO NOTHING
                """)
            for (response, fingerprint) in batch {
                try insertResponse.execute(arguments: [waveID, response.submittedAt, source, fingerprint, importID])
                guard db.changesCount > 0 else {
                    added.duplicates += 1
                    continue
                }
                try ImportSink.insertAnswers(response, responseID: db.lastInsertedRowID, db: db)
                added.stored += 1
            }
            return added
        }
        buffer.removeAll(keepingCapacity: true)
        counts.stored += added.stored
        counts.duplicates += added.duplicates
    }

    /// Marks the import as alive; throws if it was removed as abandoned meanwhile.
    static func touch(_ importID: Int64, _ db: Database) throws {
        try db.execute(sql: "UPDATE import_run SET heartbeat = ? WHERE id = ?", arguments: [Date().timeIntervalSince1970, importID])
        if db.changesCount == 0 { throw StoreError.importAbandoned() }
    }

    /// Writes a response's answers (one row per chosen option of a multiple-choice question).
    static func insertAnswers(_ response: Response, responseID: Int64, db: Database) throws {
        let insertAnswer = try db.cachedStatement(sql: "INSERT INTO answer (response_id, question_id, kind, value, number) VALUES (?, ?, ?, ?, ?)")
        for (question, answer) in response.answers.sorted(by: { $0.key < $1.key }) {
            switch answer {
            case .option(let code):
                try insertAnswer.execute(arguments: [responseID, question, "option", StoredText.binding(code), nil])
            case .options(let codes):
                if codes.isEmpty { try insertAnswer.execute(arguments: [responseID, question, "options", "", nil]) }
                for code in codes { try insertAnswer.execute(arguments: [responseID, question, "options", StoredText.binding(code), nil]) }
            case .number(let number):
                try insertAnswer.execute(arguments: [responseID, question, "number", RussianNumber.plain(number, maxDigits: 15), number])
            case .text(let text):
                try insertAnswer.execute(arguments: [responseID, question, "text", StoredText.binding(text), nil])
            case .noAnswer:
                try insertAnswer.execute(arguments: [responseID, question, "no_answer", "", nil])
            }
        }
    }
}
