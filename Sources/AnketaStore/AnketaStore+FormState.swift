import Foundation
import GRDB

extension AnketaStore {
    /// Whether a form token is spent, and else its draft unless expired by `now`: one read
    /// transaction with two prepared statements, for every respondent's POST.
    public func formState(token: String, now: String) throws -> (consumed: Bool, draft: FormDraft?) {
        try wrap {
            try writer.read { db in
                if try Row.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM consumed_form_token WHERE token = ?"), arguments: [token]) != nil {
                    return (true, nil)
                }
                return (false, try Self.draft(token: token, now: now, db: db))
            }
        }
    }

    /// The draft with this token unless it has expired by `now`.
    static func draft(token: String, now: String, db: Database) throws -> FormDraft? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT token, run_id, visitor, code, answers, expires_at FROM form_draft WHERE token = ? AND expires_at > ?
            """), arguments: [token, now]) else { return nil }
        let data: Data = row["answers"]
        let answers = (try? JSONDecoder().decode([String: [String]].self, from: data)) ?? [:]
        return FormDraft(token: row["token"], runID: row["run_id"], visitor: row["visitor"], code: row["code"],
                         answers: answers, expiresAt: row["expires_at"])
    }
}
