import AnketaCore
import Foundation
import GRDB

extension AnketaStore {
    /// Opens a store file with its schema brought only up to the migration named `last` — for the
    /// migration tests, which build a store as an older version left it.
    package convenience init(path: String, migratingUpTo last: String) throws {
        try self.init(path: path, busyTimeout: Self.defaultBusyTimeout, forceEveryCommit: false, upTo: last)
    }

    /// Writes responses as schemas v1–v7 kept them (a `response` row, and one `answer` row per answer
    /// or chosen option, in ``AnswerRow/rows(of:)``'s order), for the migration tests. The store must
    /// have been opened with ``init(path:migratingUpTo:)`` before v8.
    package func insertLegacyResponsesForTests(_ responses: [Response], wave: Wave, source: String) throws {
        try wrap {
            try writer.write { db in
                for (index, response) in responses.enumerated() {
                    try db.execute(sql: "INSERT INTO response (wave_id, submitted_at, source, fingerprint) VALUES (?, ?, ?, ?)",
                                   arguments: [wave.id, response.submittedAt, source, "legacy-\(index)"])
                    let id = db.lastInsertedRowID
                    for row in AnswerRow.rows(of: response) {
                        try db.execute(sql: "INSERT INTO answer (response_id, question_id, kind, value, number) VALUES (?, ?, ?, ?, ?)",
                                       arguments: [id, row.question, row.kind, StoredText.binding(row.value), row.number])
                    }
                }
            }
        }
    }
}
