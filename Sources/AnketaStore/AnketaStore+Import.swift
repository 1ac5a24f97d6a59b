import AnketaCore
import Foundation
import GRDB

extension AnketaStore {
    /// An import whose process is gone, or that wrote nothing for this long, is abandoned.
    package static let abandonedAfter: TimeInterval = 600

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
        try importResponses(into: [wave], source: source, batchSize: batchSize, rejected: rejected) { sinks in try body(sinks[0]) }[0]
    }

    /// Imports one file into several waves at once (a municipal export split by its school column):
    /// one sink per wave, in the order given, and every wave's rows made visible in one last
    /// transaction — all of them or none.
    public func importResponses(into waves: [Wave], source: String, batchSize: Int = 500, rejected: @escaping () -> Int = { 0 },
                                _ body: ([ImportSink]) throws -> Void) throws -> [ImportCounts] {
        let waveIDs = try waves.map { wave in
            guard let id = wave.id else { throw StoreError.database("волна не сохранена") }
            return id
        }
        return try wrap {
            try removeAbandonedImports()
            let importIDs = try writer.write { db -> [Int64] in
                try waveIDs.map { waveID in
                    if try Row.fetchOne(db, sql: "SELECT 1 FROM import_run WHERE wave_id = ? AND source = ?", arguments: [waveID, source]) != nil {
                        throw StoreError.importInProgress(source)
                    }
                    try db.execute(sql: "INSERT INTO import_run (wave_id, source, pid, started_at, heartbeat) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [waveID, source, Int(getpid()), AnketaStore.now(), Date().timeIntervalSince1970])
                    return db.lastInsertedRowID
                }
            }
            let restore = try tuneForImport()
            defer { try? writer.writeWithoutTransaction { db in try db.execute(sql: restore) } }
            // Batches are written on a thread of their own while the file is read (two cores).
            let batcher = ImportBatcher(sinks: waves.count, batchSize: batchSize, background: true) { batch in
                defer { usleep(Self.pauseBetweenBatches) }
                return try self.writePending { db in try Self.writeBatch(batch, importIDs: importIDs, waveIDs: waveIDs, source: source, db: db) }
            }
            let sinks = batcher.makeSinks()
            do {
                try body(sinks)
                try batcher.flush()
                let counts = batcher.counts
                try writer.write { db in
                    try Self.touch(importIDs, db)
                    for (index, importID) in importIDs.enumerated() {
                        try db.execute(sql: "UPDATE response SET pending_import = NULL WHERE pending_import = ?", arguments: [importID])
                        try db.execute(sql: "INSERT INTO import_log (wave_id, source, imported_at, stored, duplicates, rejected) VALUES (?, ?, ?, ?, ?, ?)",
                                       arguments: [waveIDs[index], source, AnketaStore.now(), counts[index].stored, counts[index].duplicates, rejected()])
                        try db.execute(sql: "DELETE FROM import_run WHERE id = ?", arguments: [importID])
                    }
                }
                return counts
            } catch {
                batcher.cancel()
                // Best effort: what is left behind is invisible, and the next import removes it.
                try? writer.write { db in
                    for importID in importIDs { try db.execute(sql: "DELETE FROM import_run WHERE id = ?", arguments: [importID]) }
                }
                try? removeOrphanedRows()
                throw error
            }
        }
    }

    /// Gives the writer connection room for an import: a page cache of 32 MB (SQLite's default 2 MB
    /// could not hold the unique index's pages, which random fingerprints touch all over, so each
    /// batch read them again) and a WAL checkpointed every 32 MB instead of every 4 MB (each
    /// checkpoint syncs twice and copies pages a later batch changes again). Returns the SQL that
    /// puts the settings back.
    func tuneForImport() throws -> String {
        try writer.writeWithoutTransaction { db in
            let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            let checkpoint = try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1000
            try db.execute(sql: "PRAGMA cache_size = -32768")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
            return "PRAGMA cache_size = \(cache); PRAGMA wal_autocheckpoint = \(checkpoint)"
        }
    }

    /// Runs one pending batch's transaction. Its commit is not forced to disk (`synchronous =
    /// NORMAL` for this transaction): the rows are invisible until the import's last transaction,
    /// which runs with FULL — and in WAL mode that commit's sync of the WAL file makes every earlier
    /// frame of it durable too (docs/reliability.md, «Durability»). A power loss before it loses
    /// nothing anyone saw: the pending rows are removed by the next import, as after a kill.
    func writePending<T>(_ body: (Database) throws -> T) throws -> T {
        guard forcesCommits else { return try writer.write(body) }
        return try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            let result = Result { () throws -> T in
                var value: T?
                try db.inTransaction(.immediate) {
                    value = try body(db)
                    return .commit
                }
                return value!
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
            return try result.get()
        }
    }

    /// Pause after each batch, so that a writer waiting for the lock (a web submission, which polls
    /// every millisecond) gets it before the next batch: fairness costs 2 ms a batch (0,4 s per
    /// 100,000 rows in 500-row batches).
    static let pauseBetweenBatches: useconds_t = 2000

    /// Writes one batch of an import, its rows marked as pending with their wave's import.
    static func writeBatch(_ batch: [ImportBatcher.Entry], importIDs: [Int64], waveIDs: [Int64], source: String,
                           db: Database) throws -> [ImportCounts] {
        try touch(importIDs, db)
        var added = Array(repeating: ImportCounts(), count: importIDs.count)
        let insertResponse = try db.cachedStatement(sql: """
            INSERT INTO response (wave_id, submitted_at, source, fingerprint, pending_import, answers) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (wave_id, source, fingerprint) DO NOTHING
            """)
        for (sink, submittedAt, answers, fingerprint) in batch {
            try insertResponse.execute(arguments: [waveIDs[sink], submittedAt, source, fingerprint, importIDs[sink], Data(answers)])
            if db.changesCount > 0 { added[sink].stored += 1 } else { added[sink].duplicates += 1 }
        }
        return added
    }

    /// Marks an import's waves as alive; throws if any was removed as abandoned meanwhile. The
    /// import's rows in `import_run` were made in one transaction, so their ids are consecutive.
    static func touch(_ importIDs: [Int64], _ db: Database) throws {
        guard let first = importIDs.min(), let last = importIDs.max() else { return }
        try db.execute(sql: "UPDATE import_run SET heartbeat = ? WHERE id BETWEEN ? AND ?", arguments: [Date().timeIntervalSince1970, first, last])
        if db.changesCount != importIDs.count { throw StoreError.importAbandoned() }
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
                let cursor = try Row.fetchCursor(db, sql: """
                    SELECT id, submitted_at, answers FROM response WHERE wave_id = ? AND pending_import IS NULL ORDER BY id
                    """, arguments: [wave.id])
                while let row = try cursor.next() {
                    let id: Int64 = row[0]
                    let answers = try row.withUnsafeData(atIndex: 2) { data in try Self.decodeAnswers(data, responseID: id) }
                    try body(StoredResponse(id: id, response: Response(submittedAt: row[1], answers: answers)))
                }
            }
        }
    }

    /// A stored `answers` value read (``AnswerCodec``); a missing one is as corrupt as a damaged one.
    static func decodeAnswers(_ data: Data?, responseID: Int64) throws(StoreError) -> [String: Answer] {
        guard let data else { throw StoreError.corruptAnswers(responseID, "значения нет", offset: 0) }
        let result = data.withUnsafeBytes { bytes -> Result<[String: Answer], StoreError> in
            do throws(StoreError) {
                return .success(try AnswerCodec.decode(bytes, responseID: responseID))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
