import AnketaCore
import AnketaStore
import PostgresNIO

/// A batch's answer rows as columns, inserted with one statement (arrays bound as parameters, so
/// the number of parameters does not grow with the batch).
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
