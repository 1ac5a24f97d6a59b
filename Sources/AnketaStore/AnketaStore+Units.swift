import AnketaCore
import Foundation
import GRDB

/// What `anketa units import` changed.
public struct UnitImportCounts: Sendable, Equatable {
    public var added = 0
    public var changed = 0
    public var unchanged = 0

    public init(added: Int = 0, changed: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
    }
}

/// A registered unit's wave of a municipal survey.
public struct UnitWave: Sendable, Equatable {
    public var unit: SchoolUnit
    public var wave: Wave

    /// Every stored property (also for the PostgreSQL backend, which reads the same records).
    package init(unit: SchoolUnit, wave: Wave) {
        self.unit = unit
        self.wave = wave
    }
}

/// The units registry. All SQL about units lives in these methods, so that another store backend
/// implements the same few calls.
extension AnketaStore {
    /// Adds or updates the units (by code) in one transaction; units not in the list stay.
    /// Importing the same list again changes nothing.
    public func importUnits(_ units: [SchoolUnit]) throws -> UnitImportCounts {
        try wrap {
            try writer.write { db in
                var counts = UnitImportCounts()
                for unit in units {
                    let row = try UnitRow(unit)
                    if let existing = try Row.fetchOne(db, sql: "SELECT short_name, full_name, kind, levels, contingent, aliases FROM unit WHERE code = ?",
                                                       arguments: [unit.code]) {
                        let stored: [String?] = ["short_name", "full_name", "kind", "levels", "contingent", "aliases"].map { existing[$0] as String? }
                        let same = stored == [row.shortName, row.fullName, row.kind, row.levels, row.contingent, row.aliases]
                        if same { counts.unchanged += 1; continue }
                        try db.execute(sql: """
                            UPDATE unit SET short_name = ?, full_name = ?, kind = ?, levels = ?, contingent = ?, aliases = ?, updated_at = ? WHERE code = ?
                            """, arguments: [row.shortName, row.fullName, row.kind, row.levels, row.contingent, row.aliases, AnketaStore.now(), unit.code])
                        counts.changed += 1
                    } else {
                        try db.execute(sql: """
                            INSERT INTO unit (code, short_name, full_name, kind, levels, contingent, aliases, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [unit.code, row.shortName, row.fullName, row.kind, row.levels, row.contingent, row.aliases, AnketaStore.now()])
                        counts.added += 1
                    }
                }
                // The stored registry as a whole must still be unambiguous.
                _ = try UnitRegistry(try Self.fetchUnits(db), file: "база")
                return counts
            }
        }
    }

    /// The registered units in the order they were first imported.
    public func units() throws -> [SchoolUnit] {
        try wrap { try writer.read { db in try Self.fetchUnits(db) } }
    }

    /// The registry for matching names typed in exports.
    public func unitRegistry() throws -> UnitRegistry {
        try UnitRegistry(units(), file: "база")
    }

    /// The waves of one questionnaire named `name` that belong to registered units, in registry order.
    public func unitWaves(questionnaireID: String, named name: String) throws -> [UnitWave] {
        let units = try units()
        let waves = try wrap {
            try writer.read { db in
                try Wave.filter(Wave.Columns.questionnaireID == questionnaireID && Wave.Columns.name == name).fetchAll(db)
            }
        }
        let byUnit = Dictionary(waves.map { ($0.unit, $0) }, uniquingKeysWith: { first, _ in first })
        return units.compactMap { unit in byUnit[unit.code].map { UnitWave(unit: unit, wave: $0) } }
    }

    static func fetchUnits(_ db: Database) throws -> [SchoolUnit] {
        try Row.fetchAll(db, sql: "SELECT * FROM unit ORDER BY rowid").compactMap { row in
            UnitRow.unit(code: row["code"], shortName: row["short_name"], fullName: row["full_name"], kind: row["kind"],
                         levels: row["levels"], contingent: row["contingent"], aliases: row["aliases"])
        }
    }
}

/// A unit's columns as stored (JSON with sorted keys, so an unchanged unit compares equal).
package struct UnitRow {
    package var shortName: String
    package var fullName: String
    package var kind: String
    package var levels: String
    package var contingent: String
    package var aliases: String

    /// The stored columns in the order of ``columns``.
    package var values: [String] { [shortName, fullName, kind, levels, contingent, aliases] }
    package static let columns = ["short_name", "full_name", "kind", "levels", "contingent", "aliases"]

    /// A unit read back from its columns; nil for a kind this version does not know.
    package static func unit(code: String, shortName: String, fullName: String, kind: String, levels: String, contingent: String,
                             aliases: String) -> SchoolUnit? {
        guard let kind = UnitKind(rawValue: kind) else { return nil }
        let levels = levels.split(separator: ",").compactMap { SchoolLevel(rawValue: String($0)) }
        let counts = (try? JSONDecoder().decode([String: Int].self, from: Data(contingent.utf8))) ?? [:]
        var byAudience: [Audience: Int] = [:]
        for (key, value) in counts { if let audience = Audience(rawValue: key) { byAudience[audience] = value } }
        let aliases = (try? JSONDecoder().decode([String].self, from: Data(aliases.utf8))) ?? []
        return SchoolUnit(code: code, shortName: shortName, fullName: fullName, kind: kind, levels: levels, contingent: byAudience, aliases: aliases)
    }

    package init(_ unit: SchoolUnit) throws {
        shortName = unit.shortName
        fullName = unit.fullName
        kind = unit.kind.rawValue
        levels = unit.levels.map(\.rawValue).joined(separator: ",")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        contingent = String(decoding: try encoder.encode(Dictionary(uniqueKeysWithValues: unit.contingent.map { ($0.key.rawValue, $0.value) })), as: UTF8.self)
        aliases = String(decoding: try encoder.encode(unit.aliases), as: UTF8.self)
    }
}
