import AnketaCore
import GRDB

/// Receives the responses of one import inside its transaction.
public final class ImportSink {
    private let db: Database
    private let waveID: Int64
    private let source: String
    public private(set) var counts = ImportCounts()

    init(db: Database, waveID: Int64, source: String) {
        self.db = db
        self.waveID = waveID
        self.source = source
    }

    /// Stores a response unless the same row of the same source is already stored.
    /// - Returns: whether it was new.
    @discardableResult
    public func add(_ response: Response, fingerprint: String) throws -> Bool {
        let insertResponse = try db.cachedStatement(sql: """
            INSERT INTO response (wave_id, submitted_at, source, fingerprint) VALUES (?, ?, ?, ?)
            ON CONFLICT (wave_id, source, fingerprint) DO NOTHING
            """)
        try insertResponse.execute(arguments: [waveID, response.submittedAt, source, fingerprint])
        guard db.changesCount > 0 else {
            counts.duplicates += 1
            return false
        }
        try ImportSink.insertAnswers(response, responseID: db.lastInsertedRowID, db: db)
        counts.stored += 1
        return true
    }
}

extension ImportSink {
    /// Writes a response's answers (one row per chosen option of a multiple-choice question).
    static func insertAnswers(_ response: Response, responseID: Int64, db: Database) throws {
        let insertAnswer = try db.cachedStatement(sql: "INSERT INTO answer (response_id, question_id, kind, value, number) VALUES (?, ?, ?, ?, ?)")
        for (question, answer) in response.answers.sorted(by: { $0.key < $1.key }) {
            switch answer {
            case .option(let code):
                try insertAnswer.execute(arguments: [responseID, question, "option", code, nil])
            case .options(let codes):
                if codes.isEmpty { try insertAnswer.execute(arguments: [responseID, question, "options", "", nil]) }
                for code in codes { try insertAnswer.execute(arguments: [responseID, question, "options", code, nil]) }
            case .number(let number):
                try insertAnswer.execute(arguments: [responseID, question, "number", RussianNumber.plain(number, maxDigits: 15), number])
            case .text(let text):
                try insertAnswer.execute(arguments: [responseID, question, "text", text, nil])
            case .noAnswer:
                try insertAnswer.execute(arguments: [responseID, question, "no_answer", "", nil])
            }
        }
    }
}

extension AnketaStore {
    /// Runs an import as one transaction: if `body` throws (bad rows in strict mode, an interrupted
    /// read, a full disk), nothing of it is stored.
    public func importResponses(into wave: Wave, source: String, rejected: @escaping () -> Int = { 0 },
                                _ body: (ImportSink) throws -> Void) throws -> ImportCounts {
        guard let waveID = wave.id else { throw StoreError.database("волна не сохранена") }
        return try wrap {
            try writer.write { db in
                let sink = ImportSink(db: db, waveID: waveID, source: source)
                try body(sink)
                try db.execute(sql: "INSERT INTO import_log (wave_id, source, imported_at, stored, duplicates, rejected) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [waveID, source, AnketaStore.now(), sink.counts.stored, sink.counts.duplicates, rejected()])
                return sink.counts
            }
        }
    }

    /// Calls `body` for every response of a wave, in the order stored, without loading them all.
    public func forEachResponse(in wave: Wave, _ body: (StoredResponse) throws -> Void) throws {
        try wrap {
            try writer.read { db in
                // `a.rowid` keeps a multiple-choice answer's codes in the (scale) order they were stored;
                // without it SQLite may walk the primary-key index and return them alphabetically.
                let cursor = try Row.fetchCursor(db, sql: """
                    SELECT r.id, r.submitted_at, a.question_id, a.kind, a.value, a.number
                    FROM response r LEFT JOIN answer a ON a.response_id = r.id
                    WHERE r.wave_id = ? ORDER BY r.id, a.rowid
                    """, arguments: [wave.id])
                var current: StoredResponse?
                var multiple: [String: [String]] = [:]
                func flush() throws {
                    guard var done = current else { return }
                    for (question, codes) in multiple { done.response[question] = .options(codes.filter { !$0.isEmpty }) }
                    try body(done)
                    multiple.removeAll(keepingCapacity: true)
                }
                while let row = try cursor.next() {
                    let id: Int64 = row["id"]
                    if current?.id != id {
                        try flush()
                        current = StoredResponse(id: id, response: Response(submittedAt: row["submitted_at"]))
                    }
                    guard let question: String = row["question_id"], let kind: String = row["kind"] else { continue }
                    let value: String = row["value"]
                    switch kind {
                    case "option": current?.response[question] = .option(value)
                    case "options": multiple[question, default: []].append(value)
                    case "number": current?.response[question] = .number(row["number"])
                    case "text": current?.response[question] = .text(value)
                    default: current?.response[question] = .noAnswer
                    }
                }
                try flush()
            }
        }
    }
}
