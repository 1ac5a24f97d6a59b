import GRDB

extension Migrations {
    /// The units registry of a municipal monitoring (`anketa units import`). A wave's `unit` holds
    /// a unit's code when the wave belongs to a registered organisation.
    static func registerUnitsRegistry(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration(MigrationName.v6) { db in
            try db.create(table: "unit") { t in
                t.column("code", .text).notNull().primaryKey()
                t.column("short_name", .text).notNull()
                t.column("full_name", .text).notNull()
                /// НОШ, СОШ, лицей, гимназия, ОЦ, С(К)ОШИ.
                t.column("kind", .text).notNull()
                /// «НОО,ООО,СОО».
                t.column("levels", .text).notNull()
                /// JSON object: audience → how many could answer.
                t.column("contingent", .text).notNull()
                /// JSON array of other spellings of the name.
                t.column("aliases", .text).notNull()
                t.column("updated_at", .text).notNull()
            }
            try db.execute(sql: "CREATE INDEX wave_unit ON wave (unit)")
        }
    }
}
