import Foundation
import GRDB

extension AnketaStore {
    /// Saves (or replaces) a draft and purges the drafts that have expired by `now`.
    public func saveDraft(_ draft: FormDraft, now: String) throws {
        let answers = try JSONEncoder().encode(draft.answers)
        try wrap {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM form_draft WHERE expires_at <= ?", arguments: [now])
                try db.execute(sql: """
                    INSERT INTO form_draft (token, run_id, visitor, code, answers, expires_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (token) DO UPDATE SET answers = excluded.answers, expires_at = excluded.expires_at
                    """, arguments: [draft.token, draft.runID, draft.visitor, draft.code, answers, draft.expiresAt])
            }
        }
    }

    /// The draft with this token unless it has expired by `now`.
    public func draft(token: String, now: String) throws -> FormDraft? {
        try wrap {
            try writer.read { db in
                try Self.draft(token: token, now: now, db: db)
            }
        }
    }

    /// Whether a response was already stored with this form token.
    public func isFormTokenConsumed(_ token: String) throws -> Bool {
        try wrap {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT 1 FROM consumed_form_token WHERE token = ?", arguments: [token]) != nil
            }
        }
    }

    /// Number of drafts kept (for tests and the console).
    public func draftCount() throws -> Int {
        try wrap { try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM form_draft") ?? 0 } }
    }
}
