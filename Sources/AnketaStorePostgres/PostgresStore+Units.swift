import AnketaCore
import AnketaStore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func importUnits(_ units: [SchoolUnit]) async throws -> UnitImportCounts {
        try await transaction { connection in
            // One registry import at a time, so that the check of the whole registry sees every change.
            try await connection.query("LOCK TABLE unit IN SHARE ROW EXCLUSIVE MODE", logger: self.logger)
            var counts = UnitImportCounts()
            for unit in units {
                let row = try UnitRow(unit)
                let existing = try await connection.query("""
                    SELECT short_name, full_name, kind, levels, contingent, aliases FROM unit WHERE code = \(unit.code)
                    """, logger: self.logger).decode((String, String, String, String, String, String).self).collect()
                if let stored = existing.first {
                    if [stored.0, stored.1, stored.2, stored.3, stored.4, stored.5] == row.values {
                        counts.unchanged += 1
                        continue
                    }
                    try await connection.query("""
                        UPDATE unit SET short_name = \(row.shortName), full_name = \(row.fullName), kind = \(row.kind), levels = \(row.levels),
                        contingent = \(row.contingent), aliases = \(row.aliases), updated_at = \(AnketaStore.now()) WHERE code = \(unit.code)
                        """, logger: self.logger)
                    counts.changed += 1
                } else {
                    try await connection.query("""
                        INSERT INTO unit (code, short_name, full_name, kind, levels, contingent, aliases, updated_at)
                        VALUES (\(unit.code), \(row.shortName), \(row.fullName), \(row.kind), \(row.levels), \(row.contingent), \(row.aliases), \(AnketaStore.now()))
                        """, logger: self.logger)
                    counts.added += 1
                }
            }
            // The stored registry as a whole must still be unambiguous.
            _ = try UnitRegistry(try await Self.fetchUnits(connection, logger: self.logger), file: "база")
            return counts
        }
    }

    public func units() async throws -> [SchoolUnit] {
        try await wrap { try await client.withConnection { connection in try await Self.fetchUnits(connection, logger: self.logger) } }
    }

    public func unitRegistry() async throws -> UnitRegistry {
        try UnitRegistry(try await units(), file: "база")
    }

    public func unitWaves(questionnaireID: String, named name: String) async throws -> [UnitWave] {
        let units = try await units()
        let waves = try await wrap {
            try await Self.waves(client.query("""
                SELECT \(unescaped: Self.waveColumns) FROM wave WHERE questionnaire_id = \(questionnaireID) AND name = \(name) ORDER BY id
                """, logger: logger))
        }
        let byUnit = Dictionary(waves.map { ($0.unit, $0) }, uniquingKeysWith: { first, _ in first })
        return units.compactMap { unit in byUnit[unit.code].map { UnitWave(unit: unit, wave: $0) } }
    }

    static func fetchUnits(_ connection: PostgresConnection, logger: Logger) async throws -> [SchoolUnit] {
        try await connection.query("""
            SELECT code, short_name, full_name, kind, levels, contingent, aliases FROM unit ORDER BY seq
            """, logger: logger).decode((String, String, String, String, String, String, String).self).collect().compactMap {
            UnitRow.unit(code: $0, shortName: $1, fullName: $2, kind: $3, levels: $4, contingent: $5, aliases: $6)
        }
    }
}
