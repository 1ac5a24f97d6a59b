import AnketaCore
import AnketaStore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Imports responses all-or-nothing in batches, as ``AnketaStore`` does: each batch is one
    /// transaction of two multi-row statements (responses, then their answers, bound as arrays),
    /// its rows marked as pending with the import; one last short transaction makes them visible.
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
                let batcher = ImportBatcher(sinks: waves.count, batchSize: batchSize) { batch in
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
                    // Best effort: what is left behind is invisible, and the next import removes it.
                    _ = try? await connection.query("DELETE FROM import_run WHERE id = ANY(\(importIDs)::int8[])", logger: logger)
                    try? await Self.removeOrphanedRows(on: connection, logger: logger)
                    throw error
                }
            }
        }
    }

    /// Writes one batch: the responses in one statement (duplicates skipped by the unique key), then
    /// the answers of those stored in another.
    static func writeBatch(_ batch: [ImportBatcher.Entry], importIDs: [Int64], waveIDs: [Int64], source: String,
                           on connection: PostgresConnection, logger: Logger) async throws -> [ImportCounts] {
        try await touch(importIDs, on: connection, logger: logger)
        let waves = batch.map { waveIDs[$0.sink] }
        let imports = batch.map { importIDs[$0.sink] }
        let dated = batch.map { $0.response.submittedAt != nil }
        let dates = batch.map { $0.response.submittedAt ?? "" }
        let fingerprints = batch.map(\.fingerprint)
        let inserted = try await connection.query("""
            INSERT INTO response (wave_id, submitted_at, source, fingerprint, pending_import)
            SELECT w, CASE WHEN d THEN s END, \(source), f, i
            FROM unnest(\(waves)::int8[], \(dated)::bool[], \(dates)::text[], \(fingerprints)::text[], \(imports)::int8[])
                WITH ORDINALITY AS t(w, d, s, f, i, n) ORDER BY n
            ON CONFLICT (wave_id, source, fingerprint) DO NOTHING RETURNING id, wave_id, fingerprint
            """, logger: logger).decode((Int64, Int64, String).self).collect()
        var ids: [Int64: [String: Int64]] = [:]
        for (id, wave, fingerprint) in inserted where ids[wave]?[fingerprint] == nil { ids[wave, default: [:]][fingerprint] = id }
        var added = Array(repeating: ImportCounts(), count: importIDs.count)
        var answers = AnswerColumns()
        for (sink, response, fingerprint) in batch {
            // The same row twice in one batch: the first is stored, the second is a duplicate.
            guard let id = ids[waveIDs[sink]]?.removeValue(forKey: fingerprint) else {
                added[sink].duplicates += 1
                continue
            }
            answers.append(response, id: id)
            added[sink].stored += 1
        }
        try await answers.insert(on: connection, logger: logger)
        return added
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
                    SELECT r.id, r.submitted_at, a.question_id, a.kind, a.value, a.number
                    FROM response r LEFT JOIN answer a ON a.response_id = r.id
                    WHERE r.wave_id = \(wave.id) AND r.pending_import IS NULL ORDER BY r.id, a.seq
                    """, logger: logger)
                var assembler = ResponseAssembler()
                for try await (id, submittedAt, question, kind, value, number) in rows.decode((Int64, String?, String?, String?, ByteBuffer?, Double?).self) {
                    if let done = assembler.start(id: id, submittedAt: submittedAt) { try body(done) }
                    guard let question, let kind else { continue }
                    assembler.add(question: question, kind: kind, value: value.map { String(buffer: $0) } ?? "", number: number)
                }
                if let done = assembler.finish() { try body(done) }
            }
        }
    }

    public func counts(in wave: Wave, question: String) async throws -> [(value: String, count: Int)] {
        try await wrap {
            try await client.query("""
                SELECT a.value, COUNT(*) AS n FROM response r JOIN answer a ON a.response_id = r.id
                WHERE r.wave_id = \(wave.id) AND r.pending_import IS NULL AND a.question_id = \(question) GROUP BY a.value ORDER BY n DESC
                """, logger: logger).decode((ByteBuffer, Int).self).collect().map { (String(buffer: $0), $1) }
        }
    }
}
