import AnketaCore
import Foundation
import GRDB

extension Migrations {
    /// Each response's answers in one column (``AnswerCodec``) instead of one `answer` row per answer
    /// (≈ 37 rows a response, each with its text in the table's primary key). The rows are converted
    /// inside the migration's transaction, a thousand responses at a time, and the table dropped:
    /// a store is either wholly on the old layout or wholly on the new one.
    static func registerAnswersColumn(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration(MigrationName.v8) { db in
            try db.execute(sql: "ALTER TABLE response ADD COLUMN answers BLOB NOT NULL DEFAULT x''")
            try convertAnswerRows(db)
            try db.execute(sql: "DROP TABLE answer")
        }
    }

    /// Encodes every response's `answer` rows into `response.answers`, read back exactly as the
    /// old reader put them together (``ResponseAssembler``).
    static func convertAnswerRows(_ db: Database, chunk: Int = 1000) throws {
        let update = try db.makeStatement(sql: "UPDATE response SET answers = ? WHERE id = ?")
        var last: Int64 = 0
        while true {
            // `a.rowid` keeps a multiple choice's codes in the order they were written.
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.id, a.question_id, a.kind, a.value, a.number
                FROM (SELECT id FROM response WHERE id > ? ORDER BY id LIMIT ?) r LEFT JOIN answer a ON a.response_id = r.id
                ORDER BY r.id, a.rowid
                """, arguments: [last, chunk])
            guard !rows.isEmpty else { return }
            var assembler = ResponseAssembler()
            func write(_ done: StoredResponse?) throws {
                guard let done else { return }
                try update.execute(arguments: [Data(AnswerCodec.encode(done.response.answers)), done.id])
            }
            for row in rows {
                let id: Int64 = row["id"]
                try write(assembler.start(id: id, submittedAt: nil))
                last = id
                guard let question: String = row["question_id"], let kind: String = row["kind"] else { continue }
                assembler.add(question: question, kind: kind, value: StoredText.read(row, "value"), number: row["number"])
            }
            try write(assembler.finish())
        }
    }
}
