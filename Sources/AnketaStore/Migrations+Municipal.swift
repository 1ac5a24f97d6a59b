import GRDB

extension Migrations {
    /// Municipal runs from the web console: one questionnaire and wave in many schools, each school
    /// with its own run. Plain SQL that PostgreSQL runs unchanged (ids are assigned by the store).
    static func registerMunicipalRuns(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration(MigrationName.v7) { db in
            try db.execute(sql: """
                CREATE TABLE municipal_run (
                    id INTEGER NOT NULL PRIMARY KEY,
                    questionnaire_id TEXT NOT NULL,
                    wave_name TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (questionnaire_id, wave_name)
                )
                """)
            // One row per school: its own run (link, codes, schedule); the unit is the registry code.
            try db.execute(sql: """
                CREATE TABLE municipal_run_school (
                    municipal_run_id INTEGER NOT NULL REFERENCES municipal_run (id) ON DELETE CASCADE,
                    run_id INTEGER NOT NULL UNIQUE REFERENCES survey_run (id) ON DELETE CASCADE,
                    unit TEXT NOT NULL,
                    PRIMARY KEY (municipal_run_id, unit)
                )
                """)
        }
    }
}
