import AnketaCore
import AnketaStore
import AnketaStoreTestSupport
import Foundation
import Testing

/// The store's behaviour through ``SurveyStore``, on every backend: SQLite always, PostgreSQL when
/// `ANKETA_TEST_POSTGRES_URL` is set (scripts/test.sh and .ci/run start a throwaway cluster).
@Suite("The store on every backend")
struct BackendTests {
    @Test("The PostgreSQL leg of the store tests runs",
          .enabled(if: StoreBackend.postgresURL != nil,
                   "ANKETA_TEST_POSTGRES_URL is not set: the store tests ran on SQLite only (scripts/test.sh starts PostgreSQL when it can)"))
    func postgresLegRuns() {
        #expect(StoreBackend.available.contains(.postgres))
    }

    private static func prepare(_ store: any SurveyStore, runCode: Bool = false) async throws -> (Questionnaire, Wave, SurveyRun) {
        let questionnaire = try mini()
        try await store.register(questionnaire, source: miniYAML)
        let wave = try await store.wave(for: questionnaire, named: "2026-весна", unit: "Школа № 1", create: true)
        let run = try await store.createRun(wave: wave, slug: "slug-1", opensAt: "2000-01-01 00:00:00", closesAt: "2999-01-01 00:00:00",
                                            requiresCode: runCode)
        return (questionnaire, wave, run)
    }

    private static func readAll(_ store: any SurveyStore, _ wave: Wave) async throws -> [Response] {
        var responses: [Response] = []
        try await store.forEachResponse(in: wave) { responses.append($0.response) }
        return responses
    }

    @Test("Both backends record the same named migrations; a reopened store applies nothing twice", arguments: StoreBackend.available)
    func migrations(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let table = backend == .sqlite ? "grdb_migrations" : "anketa_migrations"
            let column = backend == .sqlite ? "identifier" : "name"
            #expect(try await test.execute("SELECT COUNT(*) FROM \(table)") == MigrationName.all.count)
            for name in MigrationName.all {
                #expect(try await test.execute("SELECT COUNT(*) FROM \(table) WHERE \(column) = '\(name)'") == 1, "\(name)")
            }
            #expect(try await test.store.questionnaires().isEmpty)
            #expect(try await test.store.waves().isEmpty)
        }
    }

    @Test("Definitions: the same twice is fine, a changed one under the same version is refused", arguments: StoreBackend.available)
    func definitions(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            try await store.register(try mini(), source: miniYAML)
            try await store.register(try mini(), source: miniYAML)
            let changed = miniYAML.replacingOccurrences(of: "score: 3, positive: true", with: "score: 4, positive: true")
            await #expect(throws: StoreError.self) { try await store.register(try mini(changed), source: changed) }
            let bumped = changed.replacingOccurrences(of: "version: 1", with: "version: 2")
            try await store.register(try mini(bumped), source: bumped)
            #expect(try await store.questionnaires().map(\.version) == [1, 2])
            #expect(try await store.questionnaire(id: "mini", version: nil).version == 2)
            #expect(try await store.questionnaire(id: "mini", version: 1).scales["sat4"]?.options.first?.score == 3)
            await #expect(throws: StoreError.self) { try await store.questionnaire(id: "unknown", version: nil) }
        }
    }

    @Test("Waves: found again by name and unit; a name in two units asks for the unit", arguments: StoreBackend.available)
    func waves(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            let questionnaire = try mini()
            try await store.register(questionnaire, source: miniYAML)
            let first = try await store.wave(for: questionnaire, named: "w", unit: "A", create: true)
            #expect(try await store.wave(for: questionnaire, named: "w", unit: "A", create: true) == first)
            _ = try await store.wave(for: questionnaire, named: "w", unit: "B", create: true)
            let error = await #expect(throws: StoreError.self) { try await store.wave(questionnaireID: "mini", named: "w", unit: nil) }
            #expect(error?.description.contains("укажите --unit") == true)
            await #expect(throws: StoreError.self) { try await store.wave(questionnaireID: "mini", named: "нет", unit: nil) }
            #expect(try await store.waves().map(\.wave.unit) == ["A", "B"])
        }
    }

    @Test("An import round-trips every kind of answer (a multiple choice in its order, NUL in text) and counts duplicates",
          arguments: StoreBackend.available)
    func importRoundTrip(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            let (_, wave, _) = try await Self.prepare(store)
            var responses = sampleResponses
            responses.append(Response(submittedAt: nil, answers: ["comment": .text("до\u{0}после"), "sources": .options(["diary", "site"])]))
            // Batches of 2, a fingerprint repeated inside one batch and across batches.
            let fingerprints = ["a", "b", "c", "c", "d", "e"]
            let counts = try await store.importResponses(into: wave, source: "answers.csv", batchSize: 2, rejected: { 1 }) { sink in
                for (response, fingerprint) in zip(responses, fingerprints) { try sink.add(response, fingerprint: fingerprint) }
            }
            #expect(counts == ImportCounts(stored: 5, duplicates: 1))
            let expected = [responses[0], responses[1], responses[2], responses[4], responses[5]]
            #expect(try await Self.readAll(store, wave) == expected)
            #expect(try await store.responseCount(in: wave) == 5)

            // The same file again: every row a duplicate, nothing added.
            let again = try await store.importResponses(into: wave, source: "answers.csv", batchSize: 500, rejected: { 0 }) { sink in
                for (response, fingerprint) in zip(responses, fingerprints) { try sink.add(response, fingerprint: fingerprint) }
            }
            #expect(again == ImportCounts(stored: 0, duplicates: 6))
            #expect(try await store.responseCount(in: wave) == 5)
            #expect(try await test.execute("SELECT COUNT(*) FROM import_log") == 2)
            #expect(try await test.execute("SELECT CAST(SUM(rejected) AS BIGINT) FROM import_log") == 1)
            let sources = try await store.counts(in: wave, question: "sources")
            #expect(Dictionary(uniqueKeysWithValues: sources.map { ($0.value, $0.count) }) == ["site": 3, "diary": 3, "chat": 2, "": 1])
            #expect(sources.map(\.count) == [3, 3, 2, 1], "most frequent first")
        }
    }

    @Test("A failed import leaves nothing visible and nothing pending; the file can be imported again", arguments: StoreBackend.available)
    func failedImport(_ backend: StoreBackend) async throws {
        struct Interrupted: Error {}
        try await backend.withStore { test async throws in
            let store = test.store
            let (_, wave, _) = try await Self.prepare(store)
            await #expect(throws: Interrupted.self) {
                try await store.importResponses(into: wave, source: "answers.csv", batchSize: 2, rejected: { 0 }) { sink in
                    for (index, response) in sampleResponses.enumerated() { try sink.add(response, fingerprint: "row-\(index)") }
                    throw Interrupted()
                }
            }
            #expect(try await store.responseCount(in: wave) == 0)
            #expect(try await test.execute("SELECT COUNT(*) FROM response") == 0)
            #expect(try await test.execute("SELECT COUNT(*) FROM import_run") == 0)
            let counts = try await store.importResponses(into: wave, source: "answers.csv", batchSize: 2, rejected: { 0 }) { sink in
                for (index, response) in sampleResponses.enumerated() { try sink.add(response, fingerprint: "row-\(index)") }
            }
            #expect(counts.stored == sampleResponses.count)
        }
    }

    @Test("A killed import's invisible rows are removed by the next import, which then stores the file whole",
          arguments: StoreBackend.available)
    func killedImport(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            let (_, wave, _) = try await Self.prepare(store)
            let waveID = try #require(wave.id)
            // What a killed ingest leaves: its import (a process that no longer exists) and its pending rows.
            try await test.execute("""
                INSERT INTO import_run (wave_id, source, pid, started_at, heartbeat) VALUES (\(waveID), 'answers.csv', 2000000000, '', \(Date().timeIntervalSince1970))
                """)
            let importID = try await test.execute("SELECT MAX(id) FROM import_run")
            try await test.execute("""
                INSERT INTO response (wave_id, submitted_at, source, fingerprint, pending_import) VALUES (\(waveID), NULL, 'answers.csv', 'row-0', \(importID))
                """)
            #expect(try await store.responseCount(in: wave) == 0, "pending rows are invisible")
            let counts = try await store.importResponses(into: wave, source: "answers.csv", batchSize: 2, rejected: { 0 }) { sink in
                for (index, response) in sampleResponses.enumerated() { try sink.add(response, fingerprint: "row-\(index)") }
            }
            #expect(counts == ImportCounts(stored: sampleResponses.count, duplicates: 0), "the leftover row-0 is not taken for a duplicate")
            #expect(try await test.execute("SELECT COUNT(*) FROM response WHERE pending_import IS NOT NULL") == 0)
            #expect(try await Self.readAll(store, wave) == sampleResponses)
        }
    }

    @Test("One file into several waves: each wave its own rows, all visible together", arguments: StoreBackend.available)
    func importIntoSeveralWaves(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            let questionnaire = try mini()
            try await store.register(questionnaire, source: miniYAML)
            let a = try await store.wave(for: questionnaire, named: "w", unit: "A", create: true)
            let b = try await store.wave(for: questionnaire, named: "w", unit: "B", create: true)
            let counts = try await store.importResponses(into: [a, b], source: "municipal.csv", batchSize: 2, rejected: { 0 }) { sinks in
                for (index, response) in sampleResponses.enumerated() {
                    try sinks[index % 2].add(response, fingerprint: "row-\(index)")
                }
            }
            #expect(counts.map(\.stored) == [3, 2])
            #expect(try await Self.readAll(store, a) == [sampleResponses[0], sampleResponses[2], sampleResponses[4]])
            #expect(try await Self.readAll(store, b) == [sampleResponses[1], sampleResponses[3]])
        }
    }

    @Test("Concurrent submissions with one form token store exactly one response", arguments: StoreBackend.available)
    func exactlyOnce(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            let (_, wave, run) = try await Self.prepare(store)
            let response = Response(submittedAt: nil, answers: ["q1": .option("4"), "sources": .options(["chat", "site"])])
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        do {
                            _ = try await store.submit(response, run: run, code: nil, formToken: "token-1", now: "2026-04-01 10:00:00")
                            return true
                        } catch SubmissionRefusal.alreadyReceived {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1, "one stored, the others refused as already received")
            #expect(try await store.responseCount(in: wave) == 1)
            #expect(try await store.isFormTokenConsumed("token-1"))
            let stored = try await Self.readAll(store, wave)
            #expect(stored.first?["sources"] == .options(["chat", "site"]))
            #expect(stored.first?.submittedAt == "2026-04-01", "the date only")
        }
    }

    @Test("An access code is used once, even by concurrent submissions; unknown and missing codes are refused",
          arguments: StoreBackend.available)
    func codesUsedOnce(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            let (_, wave, run) = try await Self.prepare(store, runCode: true)
            let runID = try #require(run.id)
            try await store.addCodes(["K3", "K1", "K2"], run: runID)
            #expect(try await store.codes(run: runID).map(\.code) == ["K3", "K1", "K2"], "in the order added")
            let response = Response(submittedAt: nil, answers: ["q1": .option("4")])
            let stored = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await store.submit(response, run: run, code: "K1", formToken: "token-\(index)", now: "2026-04-01 10:00:00")
                            return true
                        } catch SubmissionRefusal.codeUsed {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(stored == 1)
            #expect(try await store.codes(run: runID).map(\.used) == [false, true, false])
            #expect(try await store.codeIsUsable("K2", run: runID))
            #expect(try await !store.codeIsUsable("K1", run: runID))
            await #expect(throws: SubmissionRefusal.codeInvalid) {
                try await store.submit(response, run: run, code: "нет", formToken: nil, now: "2026-04-01 10:00:00")
            }
            await #expect(throws: SubmissionRefusal.codeRequired) {
                try await store.submit(response, run: run, code: nil, formToken: nil, now: "2026-04-01 10:00:00")
            }
            #expect(try await store.responseCount(in: wave) == 1)
            #expect(try await !store.isFormTokenConsumed("token-refused"), "a refused submission spends no token")
        }
    }

    @Test("Runs: closed, reopened, dates changed; a closed run refuses submissions", arguments: StoreBackend.available)
    func runs(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            let (_, wave, run) = try await Self.prepare(store)
            let runID = try #require(run.id)
            #expect(try await store.run(slug: "slug-1")?.wave == wave)
            #expect(try await store.run(id: runID)?.run == run)
            try await store.closeRun(id: runID, at: "2026-04-02 12:00:00")
            #expect(try await store.run(id: runID)?.run.closedAt == "2026-04-02 12:00:00")
            await #expect(throws: SubmissionRefusal.runNotOpen(.closed)) {
                try await store.submit(Response(), run: run, code: nil, formToken: "t", now: "2026-04-03 10:00:00")
            }
            #expect(try await !store.isFormTokenConsumed("t"))
            try await store.reopenRun(id: runID, closesAt: "2026-05-01 00:00:00")
            try await store.setRunDates(id: runID, opensAt: "2026-04-01 00:00:00", closesAt: "2026-06-01 00:00:00")
            let reopened = try #require(try await store.run(id: runID)?.run)
            #expect(!reopened.closed && reopened.closedAt == nil && reopened.closesAt == "2026-06-01 00:00:00")
            let listed = try await store.runs()
            #expect(listed.count == 1 && listed[0].responses == 0 && listed[0].wave == wave)
        }
    }

    @Test("Drafts: kept until they expire, replaced by a later save, deleted when the form is sent", arguments: StoreBackend.available)
    func drafts(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            let (_, _, run) = try await Self.prepare(store)
            let runID = try #require(run.id)
            let answers = ["sources": ["site", "chat"], "comment": ["до\u{0}после, «ёлочки»"]]
            try await store.saveDraft(FormDraft(token: "t1", runID: runID, visitor: "v", code: nil, answers: answers, expiresAt: "2026-04-02 10:00:00"),
                                      now: "2026-04-01 10:00:00")
            #expect(try await store.draft(token: "t1", now: "2026-04-01 12:00:00")?.answers == answers)
            #expect(try await store.draft(token: "t1", now: "2026-04-02 10:00:00") == nil)
            try await store.saveDraft(FormDraft(token: "t1", runID: runID, visitor: "v", code: "K", answers: ["q1": ["4"]], expiresAt: "2026-04-02 11:00:00"),
                                      now: "2026-04-01 11:00:00")
            #expect(try await store.draft(token: "t1", now: "2026-04-01 12:00:00")?.answers == ["q1": ["4"]])
            #expect(try await store.draftCount() == 1)
            _ = try await store.submit(Response(), run: run, code: nil, formToken: "t1", now: "2026-04-01 12:00:00")
            #expect(try await store.draftCount() == 0)
        }
    }

    @Test("Console users, sessions and settings", arguments: StoreBackend.available)
    func consoleUsers(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            #expect(try await store.adminCount() == 0)
            try await store.setAdmin(login: "admin", passwordHash: "h1", role: nil, unit: nil, mustChangePassword: true)
            let admin = try #require(try await store.admin(login: "admin"))
            #expect(admin.role == .methodist && admin.mustChangePassword)
            let school = try #require(try await store.createAdmin(login: "school", passwordHash: "h2", role: .schoolAdministrator, unit: "A",
                                                                  mustChangePassword: false))
            #expect(try await store.createAdmin(login: "school", passwordHash: "h3", role: .methodist, unit: "", mustChangePassword: false) == nil)
            #expect(try await store.admins().map(\.login) == ["admin", "school"])
            let adminID = try #require(admin.id), schoolID = try #require(school.id)
            try await store.createSession(AdminSession(token: "s1", adminID: adminID, csrf: "c", expiresAt: "2026-05-01 00:00:00"))
            try await store.createSession(AdminSession(token: "s2", adminID: adminID, csrf: "c", expiresAt: "2026-05-01 00:00:00"))
            #expect(try await store.sessionUser(token: "s1", now: "2026-04-01 00:00:00")?.user.login == "admin")
            #expect(try await store.session(token: "s1", now: "2026-05-01 00:00:00") == nil, "expired")
            try await store.setPassword(adminID: adminID, passwordHash: "h4", mustChange: false, keeping: "s1")
            #expect(try await store.session(token: "s1", now: "2026-04-01 00:00:00") != nil)
            #expect(try await store.session(token: "s2", now: "2026-04-01 00:00:00") == nil, "the other sessions end")
            try await store.deleteSession(token: "s1")
            #expect(try await store.session(token: "s1", now: "2026-04-01 00:00:00") == nil)
            try await store.setAdmin(login: "school", passwordHash: "h5", role: nil, unit: nil, mustChangePassword: false)
            #expect(try await store.admin(id: schoolID)?.role == .schoolAdministrator, "an unchanged role stays")
            #expect(try await store.adminCount() == 2)
            let key = try await store.setting("form-token-key") { "first" }
            #expect(key == "first")
            #expect(try await store.setting("form-token-key") { "second" } == "first")
        }
    }

    @Test("Units: imported, updated, listed in the order first imported; the same list again changes nothing",
          arguments: StoreBackend.available)
    func units(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            let units = [
                SchoolUnit(code: "S2", shortName: "Школа № 2", fullName: "МБОУ «Школа № 2»", kind: .secondarySchool, levels: [.primary, .basic],
                           contingent: [.parents: 300], aliases: ["СОШ 2"]),
                SchoolUnit(code: "L1", shortName: "Лицей № 1", fullName: "МАОУ «Лицей № 1»", kind: .lyceum, levels: [.basic, .secondary],
                           contingent: [:], aliases: []),
            ]
            #expect(try await store.importUnits(units) == UnitImportCounts(added: 2))
            #expect(try await store.importUnits(units) == UnitImportCounts(unchanged: 2))
            var changed = units
            changed[1].aliases = ["Лицей 1"]
            #expect(try await store.importUnits(changed) == UnitImportCounts(changed: 1, unchanged: 1))
            #expect(try await store.units() == changed)
            let questionnaire = try mini()
            try await store.register(questionnaire, source: miniYAML)
            _ = try await store.wave(for: questionnaire, named: "w", unit: "L1", create: true)
            _ = try await store.wave(for: questionnaire, named: "w", unit: "S2", create: true)
            #expect(try await store.unitWaves(questionnaireID: "mini", named: "w").map(\.unit.code) == ["S2", "L1"])
        }
    }
}
