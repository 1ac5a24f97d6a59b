import AnketaCore
import Foundation
import GRDB

/// A municipal run: one questionnaire and wave run in several schools at once, each school with
/// its own run (link, codes, schedule) grouped under one line of the console.
public struct MunicipalRun: Sendable, Equatable {
    public var id: Int64
    public var questionnaireID: String
    /// The wave name every school's wave carries (its `unit` is the school's registry code).
    public var waveName: String
    public var createdAt: String
    /// The schools in the order they were chosen (registry order).
    public var schools: [MunicipalRunSchool]

    /// Responses of every school together.
    public var responses: Int { schools.reduce(0) { $0 + $1.responses } }

    public init(id: Int64, questionnaireID: String, waveName: String, createdAt: String, schools: [MunicipalRunSchool]) {
        self.id = id
        self.questionnaireID = questionnaireID
        self.waveName = waveName
        self.createdAt = createdAt
        self.schools = schools
    }
}

/// One school of a municipal run: its own run and wave, and how many have answered.
public struct MunicipalRunSchool: Sendable, Equatable {
    /// The unit's registry code (the wave's `unit`).
    public var unit: String
    public var run: SurveyRun
    public var wave: Wave
    public var responses: Int

    public init(unit: String, run: SurveyRun, wave: Wave, responses: Int) {
        self.unit = unit
        self.run = run
        self.wave = wave
        self.responses = responses
    }
}

/// What a municipal run is made of: one questionnaire, wave and schedule; per school its link and codes.
public struct MunicipalRunPlan: Sendable {
    public var questionnaire: Questionnaire
    public var waveName: String
    /// `yyyy-MM-dd HH:mm:ss` in the organisation's time zone, as ``SurveyRun``.
    public var opensAt: String
    public var closesAt: String
    public var requiresCode: Bool
    public var schools: [School]

    public struct School: Sendable {
        /// The unit's registry code.
        public var unit: String
        /// The secret part of the school's link `/s/<slug>`.
        public var slug: String
        /// One-time access codes (used when the plan requires codes).
        public var codes: [String]

        public init(unit: String, slug: String, codes: [String] = []) {
            self.unit = unit
            self.slug = slug
            self.codes = codes
        }
    }

    public init(questionnaire: Questionnaire, waveName: String, opensAt: String, closesAt: String, requiresCode: Bool, schools: [School]) {
        self.questionnaire = questionnaire
        self.waveName = waveName
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.requiresCode = requiresCode
        self.schools = schools
    }
}

/// What creating a municipal run did.
public enum MunicipalRunCreation: Sendable, Equatable {
    case created(Int64)
    /// The questionnaire already has a municipal run with this wave name.
    case duplicate(Int64)
    /// These units' waves of that name already have a run of their own; nothing was created.
    case wavesTaken([String])
}

/// Municipal runs. All SQL about them lives here (plain SQL that PostgreSQL runs as well; ids of
/// the new tables are assigned here, not by an SQLite autoincrement), so a second store backend
/// implements these three calls and the migration «v7: municipal runs».
extension AnketaStore {
    /// Creates, in one transaction, a wave and a run for every school of the plan (an existing wave
    /// of that name without a run is used, so answers typed in from paper and collected on the web
    /// come together), the school's access codes when the plan requires codes, and the municipal
    /// run grouping them. Nothing is created when any school's wave already has a run.
    ///
    /// ```swift
    /// let plan = MunicipalRunPlan(questionnaire: q, waveName: "2026", opensAt: "2026-03-01 08:00:00",
    ///     closesAt: "2026-03-15 20:00:00", requiresCode: false,
    ///     schools: [.init(unit: "sosh5", slug: "3f…", codes: [])])
    /// let made = try store.createMunicipalRun(plan)
    /// ```
    public func createMunicipalRun(_ plan: MunicipalRunPlan) throws -> MunicipalRunCreation {
        do {
            return try wrap { try writer.write { db in try Self.insertMunicipalRun(plan, db) } }
        } catch MunicipalRunRollback.taken(let units) {
            return .wavesTaken(units)
        }
    }

    static func insertMunicipalRun(_ plan: MunicipalRunPlan, _ db: Database) throws -> MunicipalRunCreation {
        let questionnaire = plan.questionnaire
        if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM municipal_run WHERE questionnaire_id = ? AND wave_name = ?",
                                             arguments: [questionnaire.id, plan.waveName]) {
            return .duplicate(existing)
        }
        var waves: [Wave] = []
        var taken: [String] = []
        for school in plan.schools {
            if let wave = try Wave.filter(Wave.Columns.questionnaireID == questionnaire.id && Wave.Columns.name == plan.waveName
                                          && Wave.Columns.unit == school.unit).fetchOne(db) {
                if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM survey_run WHERE wave_id = ?", arguments: [wave.id]) ?? 0 > 0 {
                    taken.append(school.unit)
                }
                waves.append(wave)
            } else {
                var wave = Wave(id: nil, questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version, name: plan.waveName,
                                unit: school.unit, createdAt: AnketaStore.now())
                try wave.insert(db)
                waves.append(wave)
            }
        }
        // Thrown, not returned, so that the waves made above are rolled back with the transaction.
        guard taken.isEmpty else { throw MunicipalRunRollback.taken(taken) }
        let id = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM municipal_run") ?? 0) + 1
        let now = AnketaStore.now()
        try db.execute(sql: "INSERT INTO municipal_run (id, questionnaire_id, wave_name, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [id, questionnaire.id, plan.waveName, now])
        for (school, wave) in zip(plan.schools, waves) {
            guard let waveID = wave.id else { continue }
            var run = SurveyRun(id: nil, waveID: waveID, slug: school.slug, opensAt: plan.opensAt, closesAt: plan.closesAt, closed: false,
                                closedAt: nil, requiresCode: plan.requiresCode, createdAt: now)
            try run.insert(db)
            try db.execute(sql: "INSERT INTO municipal_run_school (municipal_run_id, run_id, unit) VALUES (?, ?, ?)",
                           arguments: [id, run.id, school.unit])
            guard plan.requiresCode else { continue }
            for code in school.codes {
                // Codes are unique across the store: a code drawn twice (about one in 10⁸ per pair) is skipped.
                if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM access_code WHERE code = ?", arguments: [code]) ?? 0 > 0 { continue }
                try db.execute(sql: "INSERT INTO access_code (code, run_id) VALUES (?, ?)", arguments: [code, run.id])
            }
        }
        return .created(id)
    }

    /// Every municipal run with its schools' runs and responses, newest first.
    public func municipalRuns() throws -> [MunicipalRun] {
        try wrap { try writer.read { db in try Self.fetchMunicipalRuns(db, id: nil) } }
    }

    /// One municipal run, or nil.
    public func municipalRun(id: Int64) throws -> MunicipalRun? {
        try wrap { try writer.read { db in try Self.fetchMunicipalRuns(db, id: id).first } }
    }

    static func fetchMunicipalRuns(_ db: Database, id: Int64?) throws -> [MunicipalRun] {
        let columns = "SELECT id, questionnaire_id, wave_name, created_at FROM municipal_run"
        let heads = try id.map { try Row.fetchAll(db, sql: "\(columns) WHERE id = ?", arguments: [$0]) }
            ?? Row.fetchAll(db, sql: "\(columns) ORDER BY id DESC")
        return try heads.map { head in
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.unit AS member_unit, r.*,
                       (SELECT COUNT(*) FROM response x WHERE x.wave_id = r.wave_id AND x.pending_import IS NULL) AS responses
                FROM municipal_run_school m JOIN survey_run r ON r.id = m.run_id
                WHERE m.municipal_run_id = ? ORDER BY r.id
                """, arguments: [head["id"] as Int64])
            let schools = try rows.compactMap { row -> MunicipalRunSchool? in
                let run = try SurveyRun(row: row)
                guard let wave = try Wave.fetchOne(db, key: run.waveID) else { return nil }
                return MunicipalRunSchool(unit: row["member_unit"], run: run, wave: wave, responses: row["responses"])
            }
            return MunicipalRun(id: head["id"], questionnaireID: head["questionnaire_id"], waveName: head["wave_name"], createdAt: head["created_at"],
                                schools: schools)
        }
    }
}

/// Rolls the creating transaction back when a unit's wave already has a run.
enum MunicipalRunRollback: Error {
    case taken([String])
}
