import AnketaCore
import AnketaStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Imports responses all-or-nothing in batches, as ``AnketaStore`` does: each batch is one
    /// transaction of one multi-row statement (the responses with their encoded answers, bound as
    /// arrays), its rows marked as pending with the import; one last short transaction makes them
    /// visible. A pending batch commits with `synchronous_commit = off` (the server does not wait
    /// for its WAL flush): the last transaction commits with the server's setting, and its flush
    /// covers the WAL written before it — as on SQLite (docs/reliability.md, «Durability»).
    ///
    /// The whole import holds one connection, whose server process id is recorded as the import's
    /// `pid`: when the importing program is killed, the server ends that process, and the next
    /// import sees it gone and deletes the invisible rows.
    public func importResponses(into wave: Wave, source: String, batchSize: Int, rejected: @escaping () -> Int,
                                _ body: (ImportSink) throws -> Void) async throws -> ImportCounts {
        try await importResponses(into: [wave], source: source, batchSize: batchSize, rejected: rejected) { sinks in try body(sinks[0]) }[0]
    }

    /// Imports one file into several waves at once, one sink per wave, all made visible in one last
    /// transaction, as the SQLite store does.
    public func importResponses(into waves: [Wave], source: String, batchSize: Int, rejected: @escaping () -> Int,
                                _ body: ([ImportSink]) throws -> Void) async throws -> [ImportCounts] {
        let waveIDs = try waves.map { wave in
            guard let id = wave.id else { throw StoreError.database("волна не сохранена") }
            return id
        }
        try await removeAbandonedImports()
        return try await wrap {
            try await client.withConnection { connection in
                let logger = self.logger
                let importIDs = try await Self.transaction(on: connection, logger: logger) { connection in
                    var ids: [Int64] = []
                    for waveID in waveIDs {
                        // Two imports of one file into one wave at the same moment: the second waits here, then sees the first.
                        try await connection.query("SELECT pg_advisory_xact_lock(1, \(Int32(truncatingIfNeeded: waveID)))", logger: logger)
                        let running = try await connection.query("SELECT 1 FROM import_run WHERE wave_id = \(waveID) AND source = \(source)",
                                                                 logger: logger).decode(Int32.self).collect()
                        if !running.isEmpty { throw StoreError.importInProgress(source) }
                        let started = try await connection.query("""
                            INSERT INTO import_run (wave_id, source, pid, started_at, heartbeat)
                            VALUES (\(waveID), \(source), pg_backend_pid(), \(AnketaStore.now()), \(Date().timeIntervalSince1970)) RETURNING id
                            """, logger: logger).decode(Int64.self).collect()
                        ids.append(started[0])
                    }
                    return ids
                }
                // Batches are written from a thread of their own while the file is read.
                let batcher = ImportBatcher(sinks: waves.count, batchSize: batchSize, background: true) { batch in
                    try ImportThread.wait {
                        try await Self.transaction(on: connection, logger: logger) { connection in
                            try await Self.writeBatch(batch, importIDs: importIDs, waveIDs: waveIDs, source: source, on: connection, logger: logger)
                        }
                    }
                }
                let sinks = batcher.makeSinks()
                do {
                    try await withTaskExecutorPreference(ImportThread.shared) {
                        try body(sinks)
                        try batcher.flush()
                    }
                    let counts = batcher.counts
                    let rejectedCount = rejected()
                    try await Self.transaction(on: connection, logger: logger) { connection in
                        try await Self.touch(importIDs, on: connection, logger: logger)
                        for (index, importID) in importIDs.enumerated() {
                            try await connection.query("UPDATE response SET pending_import = NULL WHERE pending_import = \(importID)", logger: logger)
                            try await connection.query("""
                                INSERT INTO import_log (wave_id, source, imported_at, stored, duplicates, rejected)
                                VALUES (\(waveIDs[index]), \(source), \(AnketaStore.now()), \(counts[index].stored), \(counts[index].duplicates), \(rejectedCount))
                                """, logger: logger)
                            try await connection.query("DELETE FROM import_run WHERE id = \(importID)", logger: logger)
                        }
                    }
                    return counts
                } catch {
                    batcher.cancel()
                    // Best effort: what is left behind is invisible, and the next import removes it.
                    _ = try? await connection.query("DELETE FROM import_run WHERE id = ANY(\(importIDs)::int8[])", logger: logger)
                    try? await Self.removeOrphanedRows(on: connection, logger: logger)
                    throw error
                }
            }
        }
    }

    /// Writes one batch: the responses with their encoded answers in one statement, duplicates
    /// skipped by the unique key (a row twice in one batch: the first stored, the second skipped).
    static func writeBatch(_ batch: [ImportBatcher.Entry], importIDs: [Int64], waveIDs: [Int64], source: String,
                           on connection: PostgresConnection, logger: Logger) async throws -> [ImportCounts] {
        try await connection.query("SET LOCAL synchronous_commit = off", logger: logger)
        try await touch(importIDs, on: connection, logger: logger)
        let waves = batch.map { waveIDs[$0.sink] }
        let imports = batch.map { importIDs[$0.sink] }
        let dated = batch.map { $0.submittedAt != nil }
        let dates = batch.map { $0.submittedAt ?? "" }
        let fingerprints = batch.map(\.fingerprint)
        let answers = batch.map { ByteBuffer(bytes: $0.answers) }
        let inserted = try await connection.query("""
            INSERT INTO response (wave_id, submitted_at, source, fingerprint, pending_import, answers)
            SELECT w, CASE WHEN d THEN s END, \(source), f, i, a
            FROM unnest(\(waves)::int8[], \(dated)::bool[], \(dates)::text[], \(fingerprints)::text[], \(imports)::int8[], \(answers)::bytea[])
                WITH ORDINALITY AS t(w, d, s, f, i, a, n) ORDER BY n
            ON CONFLICT (wave_id, source, fingerprint) DO NOTHING RETURNING wave_id
            """, logger: logger).decode(Int64.self).collect()
        var stored: [Int64: Int] = [:]
        for wave in inserted { stored[wave, default: 0] += 1 }
        var rows = Array(repeating: 0, count: importIDs.count)
        for entry in batch { rows[entry.sink] += 1 }
        return waveIDs.indices.map { sink in
            let kept = stored[waveIDs[sink]] ?? 0
            return ImportCounts(stored: kept, duplicates: rows[sink] - kept)
        }
    }

    /// Marks an import's waves as alive; throws if any was removed as abandoned meanwhile.
    static func touch(_ importIDs: [Int64], on connection: PostgresConnection, logger: Logger) async throws {
        let touched = try await connection.query("""
            UPDATE import_run SET heartbeat = \(Date().timeIntervalSince1970) WHERE id = ANY(\(importIDs)::int8[]) RETURNING id
            """, logger: logger).decode(Int64.self).collect()
        if touched.count != importIDs.count { throw StoreError.importAbandoned() }
    }

    /// Forgets imports whose connection has ended (the importing program was killed) or that have
    /// been silent for ``AnketaStore/abandonedAfter``, and deletes their invisible rows.
    func removeAbandonedImports(now: Date = Date()) async throws {
        try await wrap {
            try await client.withConnection { connection in
                try await connection.query("""
                    DELETE FROM import_run WHERE heartbeat < \(now.timeIntervalSince1970 - AnketaStore.abandonedAfter)
                    OR pid NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL)
                    """, logger: logger)
                try await Self.removeOrphanedRows(on: connection, logger: logger)
            }
        }
    }

    /// Deletes pending rows whose import no longer exists, a thousand responses per transaction.
    static func removeOrphanedRows(on connection: PostgresConnection, logger: Logger) async throws {
        while true {
            let deleted = try await connection.query("""
                WITH gone AS (DELETE FROM response WHERE id IN (
                    SELECT id FROM response WHERE pending_import IS NOT NULL
                    AND pending_import NOT IN (SELECT id FROM import_run) LIMIT 1000) RETURNING 1)
                SELECT COUNT(*) FROM gone
                """, logger: logger).decode(Int.self).collect()
            if (deleted.first ?? 0) == 0 { return }
        }
    }

    /// Calls `body` for every response of a wave, in the order stored. The rows stream from the
    /// server with back-pressure (postgres-nio reads the socket only as fast as `body` consumes), so
    /// memory does not grow with the wave.
    public func forEachResponse(in wave: Wave, _ body: (StoredResponse) throws -> Void) async throws {
        try await wrap {
            try await client.withConnection { connection in
                let rows = try await connection.query("""
                    SELECT id, submitted_at, answers FROM response WHERE wave_id = \(wave.id) AND pending_import IS NULL ORDER BY id
                    """, logger: logger)
                for try await (id, submittedAt, answers) in rows.decode((Int64, String?, ByteBuffer).self) {
                    let decoded = try answers.withUnsafeReadableBytes { bytes in try AnswerCodec.decode(bytes, responseID: id) }
                    try body(StoredResponse(id: id, response: Response(submittedAt: submittedAt, answers: decoded)))
                }
            }
        }
    }

    /// Number of responses per answer of a question, counted over the decoded responses (see ``AnswerTally``).
    public func counts(in wave: Wave, question: String) async throws -> [(value: String, count: Int)] {
        var tally = AnswerTally(question: question)
        try await forEachResponse(in: wave) { tally.add($0.response) }
        return tally.counts
    }
}
