import AnketaCore
import AnketaStore
import Foundation
import PostgresNIO

/// Municipal runs on PostgreSQL: the same three calls as ``AnketaStore`` (AnketaStore+Municipal.swift).
extension PostgresStore {
    public func createMunicipalRun(_ plan: MunicipalRunPlan) async throws -> MunicipalRunCreation {
        do {
            return try await transaction { connection in
                let questionnaire = plan.questionnaire
                if let existing = try await connection.query("""
                    SELECT id FROM municipal_run WHERE questionnaire_id = \(questionnaire.id) AND wave_name = \(plan.waveName)
                    """, logger: self.logger).decode(Int64.self).collect().first {
                    return MunicipalRunCreation.duplicate(existing)
                }
                var waves: [Wave] = []
                var taken: [String] = []
                for school in plan.schools {
                    if let wave = try await Self.waves(connection.query("""
                        SELECT \(unescaped: Self.waveColumns) FROM wave
                        WHERE questionnaire_id = \(questionnaire.id) AND name = \(plan.waveName) AND unit = \(school.unit)
                        """, logger: self.logger)).first {
                        let runs = try await connection.query("SELECT COUNT(*) FROM survey_run WHERE wave_id = \(wave.id ?? 0)", logger: self.logger)
                            .decode(Int.self).collect()[0]
                        if runs > 0 { taken.append(school.unit) }
                        waves.append(wave)
                    } else {
                        waves.append(try await Self.waves(connection.query("""
                            INSERT INTO wave (questionnaire_id, questionnaire_version, name, unit, created_at)
                            VALUES (\(questionnaire.id), \(questionnaire.version), \(plan.waveName), \(school.unit), \(AnketaStore.now()))
                            RETURNING \(unescaped: Self.waveColumns)
                            """, logger: self.logger))[0])
                    }
                }
                guard taken.isEmpty else { throw MunicipalRunTaken(units: taken) }
                let id = (try await connection.query("SELECT COALESCE(MAX(id), 0) FROM municipal_run", logger: self.logger)
                    .decode(Int64.self).collect()[0]) + 1
                let now = AnketaStore.now()
                try await connection.query("""
                    INSERT INTO municipal_run (id, questionnaire_id, wave_name, created_at) VALUES (\(id), \(questionnaire.id), \(plan.waveName), \(now))
                    """, logger: self.logger)
                for (school, wave) in zip(plan.schools, waves) {
                    guard let waveID = wave.id else { continue }
                    let runID = try await connection.query("""
                        INSERT INTO survey_run (wave_id, slug, opens_at, closes_at, closed, requires_code, created_at)
                        VALUES (\(waveID), \(school.slug), \(plan.opensAt), \(plan.closesAt), FALSE, \(plan.requiresCode), \(now)) RETURNING id
                        """, logger: self.logger).decode(Int64.self).collect()[0]
                    try await connection.query("""
                        INSERT INTO municipal_run_school (municipal_run_id, run_id, unit) VALUES (\(id), \(runID), \(school.unit))
                        """, logger: self.logger)
                    guard plan.requiresCode else { continue }
                    for code in school.codes {
                        try await connection.query("INSERT INTO access_code (code, run_id) VALUES (\(code), \(runID)) ON CONFLICT (code) DO NOTHING",
                                                   logger: self.logger)
                    }
                }
                return MunicipalRunCreation.created(id)
            }
        } catch let taken as MunicipalRunTaken {
            return .wavesTaken(taken.units)
        }
    }

    public func municipalRuns() async throws -> [MunicipalRun] {
        try await fetchMunicipalRuns(id: nil)
    }

    public func municipalRun(id: Int64) async throws -> MunicipalRun? {
        try await fetchMunicipalRuns(id: id).first
    }

    private func fetchMunicipalRuns(id: Int64?) async throws -> [MunicipalRun] {
        try await wrap {
            try await client.withConnection { connection in
                let rows = if let id {
                    try await connection.query("SELECT id, questionnaire_id, wave_name, created_at FROM municipal_run WHERE id = \(id)", logger: self.logger)
                } else {
                    try await connection.query("SELECT id, questionnaire_id, wave_name, created_at FROM municipal_run ORDER BY id DESC", logger: self.logger)
                }
                let heads = try await rows.decode((Int64, String, String, String).self).collect()
                var result: [MunicipalRun] = []
                for (runID, questionnaireID, waveName, createdAt) in heads {
                    let members = try await connection.query("""
                        SELECT m.unit, r.id FROM municipal_run_school m JOIN survey_run r ON r.id = m.run_id
                        WHERE m.municipal_run_id = \(runID) ORDER BY r.id
                        """, logger: self.logger).decode((String, Int64).self).collect()
                    var schools: [MunicipalRunSchool] = []
                    for (unit, member) in members {
                        guard let run = try await Self.runs(connection.query("SELECT \(unescaped: Self.runColumns) FROM survey_run WHERE id = \(member)",
                                                                             logger: self.logger)).first,
                              let wave = try await Self.waves(connection.query("SELECT \(unescaped: Self.waveColumns) FROM wave WHERE id = \(run.waveID)",
                                                                               logger: self.logger)).first else { continue }
                        let responses = try await connection.query("""
                            SELECT COUNT(*) FROM response WHERE wave_id = \(run.waveID) AND pending_import IS NULL
                            """, logger: self.logger).decode(Int.self).collect()[0]
                        schools.append(MunicipalRunSchool(unit: unit, run: run, wave: wave, responses: responses))
                    }
                    result.append(MunicipalRun(id: runID, questionnaireID: questionnaireID, waveName: waveName, createdAt: createdAt, schools: schools))
                }
                return result
            }
        }
    }
}

/// Rolls the creating transaction back when a school's wave already has a run.
struct MunicipalRunTaken: Error {
    var units: [String]
}
