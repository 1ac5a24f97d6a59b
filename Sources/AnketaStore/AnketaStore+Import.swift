import AnketaCore
import Foundation
import GRDB

extension AnketaStore {
    /// An import whose process is gone, or that wrote nothing for this long, is abandoned.
    static let abandonedAfter: TimeInterval = 600

    /// Imports responses all-or-nothing without holding the database for the whole file.
    ///
    /// `body` adds responses to the sink; they are written in transactions of `batchSize` responses,
    /// marked as pending with this import, and made visible together in one last short transaction
    /// (a single `UPDATE` of the pending mark). A web submission to the same file waits at most one
    /// batch. If `body` throws (bad rows in strict mode, an interrupted read, a full disk) the pending
    /// rows are deleted; if the process is killed, they stay invisible and the next import removes
    /// them. The same row of the same source stored twice is a duplicate and is not added again.
    ///
    /// ```swift
    /// let counts = try store.importResponses(into: wave, source: "ответы.csv") { sink in
    ///     for row in rows { try sink.add(row.response, fingerprint: row.fingerprint) }
    /// }
    /// ```
    public func importResponses(into wave: Wave, source: String, batchSize: Int = 500, rejected: @escaping () -> Int = { 0 },
                                _ body: (ImportSink) throws -> Void) throws -> ImportCounts {
        guard let waveID = wave.id else { throw StoreError.database("волна не сохранена") }
        return try wrap {
            try removeAbandonedImports()
            let importID = try writer.write { db -> Int64 in
                if try Row.fetchOne(db, sql: "SELECT 1 FROM import_run WHERE wave_id = ? AND source = ?", arguments: [waveID, source]) != nil {
                    throw StoreError.importInProgress(source)
                }
                try db.execute(sql: "INSERT INTO import_run (wave_id, source, pid, started_at, heartbeat) VALUES (?, ?, ?, ?, ?)",
                               arguments: [waveID, source, Int(getpid()), AnketaStore.now(), Date().timeIntervalSince1970])
                return db.lastInsertedRowID
            }
            let sink = ImportSink(writer: writer, importID: importID, waveID: waveID, source: source, batchSize: batchSize)
            do {
                try body(sink)
                try sink.flush()
                try writer.write { db in
                    try ImportSink.touch(importID, db)
                    try db.execute(sql: "UPDATE response SET pending_import = NULL WHERE pending_import = ?", arguments: [importID])
                    try db.execute(sql: "INSERT INTO import_log (wave_id, source, imported_at, stored, duplicates, rejected) VALUES (?, ?, ?, ?, ?, ?)",
                                   arguments: [waveID, source, AnketaStore.now(), sink.counts.stored, sink.counts.duplicates, rejected()])
                    try db.execute(sql: "DELETE FROM import_run WHERE id = ?", arguments: [importID])
                }
                return sink.counts
            } catch {
                // Best effort: what is left behind is invisible, and the next import removes it.
                try? writer.write { db in try db.execute(sql: "DELETE FROM import_run WHERE id = ?", arguments: [importID]) }
                try? removeOrphanedRows()
                throw error
            }
        }
    }

    /// Forgets imports whose process has ended (killed during an ingest) or that have been silent
    /// for ``abandonedAfter``, and deletes their invisible rows.
    func removeAbandonedImports(now: Date = Date()) throws {
        try writer.write { db in
            for row in try Row.fetchAll(db, sql: "SELECT id, pid, heartbeat FROM import_run") {
                let pid: Int = row["pid"], heartbeat: Double = row["heartbeat"]
                if !Self.processIsAlive(pid) || now.timeIntervalSince1970 - heartbeat > Self.abandonedAfter {
                    try db.execute(sql: "DELETE FROM import_run WHERE id = ?", arguments: [row["id"] as Int64])
                }
            }
        }
        try removeOrphanedRows()
    }

    /// Deletes pending rows whose import no longer exists, a thousand responses per transaction.
    func removeOrphanedRows() throws {
        while true {
            let deleted = try writer.write { db -> Int in
                try db.execute(sql: """
                    DELETE FROM response WHERE id IN (
                        SELECT id FROM response WHERE pending_import IS NOT NULL
                        AND pending_import NOT IN (SELECT id FROM import_run) LIMIT 1000)
                    """)
                return db.changesCount
            }
            if deleted == 0 { return }
        }
    }

    /// Whether a process with this id exists on this machine.
    static func processIsAlive(_ pid: Int) -> Bool {
        guard pid > 0, let id = pid_t(exactly: pid) else { return false }
        return kill(id, 0) == 0 || errno == EPERM
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
                    WHERE r.wave_id = ? AND r.pending_import IS NULL ORDER BY r.id, a.rowid
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
                    let value = StoredText.read(row, "value")
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
