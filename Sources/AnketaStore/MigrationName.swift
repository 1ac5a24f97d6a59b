/// The names of the schema's migrations, shared by both backends: a database of either kind records
/// the same names (GRDB's `grdb_migrations` on SQLite, `anketa_migrations` on PostgreSQL).
/// Never rename or edit a shipped migration: add a new one.
package enum MigrationName {
    package static let v1 = "v1: questionnaires, waves, responses, answers"
    package static let v2 = "v2: web runs, access codes, admins and sessions"
    package static let v3 = "v3: imports in batches, server settings"
    package static let v4 = "v4: form drafts and consumed form tokens"
    package static let v5 = "v5: console users, roles and run schedule"
    package static let v6 = "v6: units registry"
    package static let v7 = "v7: municipal runs"
    package static let v8 = "v8: answers in one column"

    /// Every migration in the order applied.
    package static let all = [v1, v2, v3, v4, v5, v6, v7, v8]
}
