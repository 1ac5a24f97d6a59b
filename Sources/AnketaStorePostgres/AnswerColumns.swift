import AnketaCore
import AnketaStore
import PostgresNIO

/// Answer rows as schemas v1–v7 kept them (one `answer` row per answer or chosen option), inserted
/// with one statement (arrays bound as parameters). Only the migration tests write them now, to
/// build a database as an older version left it (``PostgresStore/insertLegacyResponsesForTests(_:wave:source:)``).
struct AnswerColumns {
    var responses: [Int64] = []
    var questions: [String] = []
    var kinds: [String] = []
    var values: [ByteBuffer] = []
    var numbers: [Double] = []
    var hasNumber: [Bool] = []

    mutating func append(_ response: Response, id: Int64) {
        for row in AnswerRow.rows(of: response) {
            responses.append(id)
            questions.append(row.question)
            kinds.append(row.kind)
            values.append(ByteBuffer(string: row.value))
            numbers.append(row.number ?? 0)
            hasNumber.append(row.number != nil)
        }
    }

    func insert(on connection: PostgresConnection, logger: Logger) async throws {
        guard !responses.isEmpty else { return }
        try await connection.query("""
            INSERT INTO answer (response_id, question_id, kind, value, number)
            SELECT r, q, k, v, CASE WHEN h THEN x END
            FROM unnest(\(responses)::int8[], \(questions)::text[], \(kinds)::text[], \(values)::bytea[], \(numbers)::float8[], \(hasNumber)::bool[])
                WITH ORDINALITY AS t(r, q, k, v, x, h, o) ORDER BY o
            """, logger: logger)
    }
}

extension PostgresStore {
    /// Writes responses as schemas v1–v7 kept them, for the migration tests. The store must have
    /// been opened with ``init(url:upTo:)`` before v8.
    package func insertLegacyResponsesForTests(_ responses: [Response], wave: Wave, source: String) async throws {
        try await transaction { connection in
            var answers = AnswerColumns()
            for (index, response) in responses.enumerated() {
                let id = try await connection.query("""
                    INSERT INTO response (wave_id, submitted_at, source, fingerprint) VALUES (\(wave.id), \(response.submittedAt), \(source), \("legacy-\(index)"))
                    RETURNING id
                    """, logger: self.logger).decode(Int64.self).collect()[0]
                answers.append(response, id: id)
            }
            try await answers.insert(on: connection, logger: self.logger)
        }
    }
}
