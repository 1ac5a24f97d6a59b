import GRDB

/// The schema, grown by named migrations. Never edit a shipped migration: add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(MigrationName.v1) { db in
            try db.create(table: "questionnaire") { t in
                t.column("id", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("title", .text).notNull()
                t.column("audience", .text).notNull()
                t.column("definition", .text).notNull()
                t.column("loaded_at", .text).notNull()
                t.primaryKey(["id", "version"])
            }
            try db.create(table: "wave") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("questionnaire_id", .text).notNull()
                t.column("questionnaire_version", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("unit", .text).notNull().defaults(to: "")
                t.column("created_at", .text).notNull()
                t.uniqueKey(["questionnaire_id", "name", "unit"])
                t.foreignKey(["questionnaire_id", "questionnaire_version"], references: "questionnaire", columns: ["id", "version"])
            }
            try db.create(table: "response") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("wave_id", .integer).notNull().references("wave", onDelete: .cascade)
                t.column("submitted_at", .text)
                t.column("source", .text).notNull()
                t.column("fingerprint", .text).notNull()
                t.uniqueKey(["wave_id", "source", "fingerprint"])
            }
            try db.create(table: "answer") { t in
                t.column("response_id", .integer).notNull().references("response", onDelete: .cascade)
                t.column("question_id", .text).notNull()
                /// option | options | number | text | no_answer
                t.column("kind", .text).notNull()
                t.column("value", .text).notNull()
                t.column("number", .double)
                t.primaryKey(["response_id", "question_id", "value"])
            }
            try db.create(table: "import_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("wave_id", .integer).notNull().references("wave", onDelete: .cascade)
                t.column("source", .text).notNull()
                t.column("imported_at", .text).notNull()
                t.column("stored", .integer).notNull()
                t.column("duplicates", .integer).notNull()
                t.column("rejected", .integer).notNull()
            }
        }
        migrator.registerMigration(MigrationName.v2) { db in
            try db.create(table: "survey_run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("wave_id", .integer).notNull().unique().references("wave", onDelete: .cascade)
                /// The public link's secret part: /s/<slug>.
                t.column("slug", .text).notNull().unique()
                t.column("opens_at", .text).notNull()
                t.column("closes_at", .text).notNull()
                t.column("closed", .boolean).notNull().defaults(to: false)
                t.column("requires_code", .boolean).notNull().defaults(to: false)
                t.column("created_at", .text).notNull()
            }
            try db.create(table: "access_code") { t in
                t.column("code", .text).notNull().primaryKey()
                t.column("run_id", .integer).notNull().references("survey_run", onDelete: .cascade)
                t.column("used_at", .text)
            }
            try db.create(table: "admin") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("login", .text).notNull().unique()
                t.column("password_hash", .text).notNull()
                t.column("created_at", .text).notNull()
            }
            try db.create(table: "admin_session") { t in
                t.column("token", .text).notNull().primaryKey()
                t.column("admin_id", .integer).notNull().references("admin", onDelete: .cascade)
                t.column("csrf", .text).notNull()
                t.column("expires_at", .text).notNull()
            }
        }
        migrator.registerMigration(MigrationName.v3) { db in
            // An ingest writes its rows in short transactions, marked with its import until one last
            // short transaction makes them visible (see `AnketaStore.importResponses`).
            try db.execute(sql: "ALTER TABLE response ADD COLUMN pending_import INTEGER")
            try db.execute(sql: "CREATE INDEX response_pending ON response (pending_import) WHERE pending_import IS NOT NULL")
            try db.create(table: "import_run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("wave_id", .integer).notNull().references("wave", onDelete: .cascade)
                t.column("source", .text).notNull()
                /// The importing process, to tell a live import from one that was killed.
                t.column("pid", .integer).notNull()
                t.column("started_at", .text).notNull()
                /// Updated with every batch; an import silent for long is abandoned.
                t.column("heartbeat", .double).notNull()
            }
            try db.create(table: "setting") { t in
                t.column("name", .text).notNull().primaryKey()
                t.column("value", .text).notNull()
            }
        }
        migrator.registerMigration(MigrationName.v4) { db in
            // A respondent's answers between the sections of a form, keyed by the form token (one
            // per filling of the form). Deleted when the form is sent; expired ones are purged.
            try db.create(table: "form_draft") { t in
                t.column("token", .text).notNull().primaryKey()
                t.column("run_id", .integer).notNull().references("survey_run", onDelete: .cascade)
                /// SHA-256 of the visitor's cookie token: only the browser that started a draft sees it.
                t.column("visitor", .text).notNull()
                t.column("code", .text)
                /// The answers so far as JSON: question id → the values sent.
                t.column("answers", .blob).notNull()
                t.column("expires_at", .text).notNull()
            }
            try db.create(index: "form_draft_expiry", on: "form_draft", columns: ["expires_at"])
            // A form token is spent in the transaction that stores its response: a second
            // submission with it (Back, a double click, a retry) stores nothing. No time and no
            // response id is kept with it.
            try db.create(table: "consumed_form_token") { t in
                t.column("token", .text).notNull().primaryKey()
                t.column("run_id", .integer).notNull().references("survey_run", onDelete: .cascade)
            }
        }
        migrator.registerMigration(MigrationName.v5) { db in
            // Admins made before roles existed saw every school: they stay municipal methodists.
            try db.execute(sql: "ALTER TABLE admin ADD COLUMN role TEXT NOT NULL DEFAULT 'methodist'")
            /// The school administrator's unit (the waves' `unit`); empty for a methodist.
            try db.execute(sql: "ALTER TABLE admin ADD COLUMN unit TEXT NOT NULL DEFAULT ''")
            /// Set for a one-time password (first start, a new user, a reset): the console asks for a new one first.
            try db.execute(sql: "ALTER TABLE admin ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT 0")
            /// When the run was closed early from the console (`closed` = 1), in the organisation's time.
            try db.execute(sql: "ALTER TABLE survey_run ADD COLUMN closed_at TEXT")
        }
        registerUnitsRegistry(&migrator)
        registerMunicipalRuns(&migrator)
        registerAnswersColumn(&migrator)
        return migrator
    }
}
