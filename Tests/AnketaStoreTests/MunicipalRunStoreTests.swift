import AnketaCore
@testable import AnketaStore
import AnketaStoreTestSupport
import Foundation
import Testing

/// Municipal runs through ``SurveyStore`` on every backend (SQLite always, PostgreSQL when
/// `ANKETA_TEST_POSTGRES_URL` is set).
@Suite("Municipal runs in the store")
struct MunicipalRunStoreTests {
    static func plan(_ questionnaire: Questionnaire, wave: String = "2026", units: [String], codes: Int = 0) -> MunicipalRunPlan {
        MunicipalRunPlan(questionnaire: questionnaire, waveName: wave, opensAt: "2026-03-01 08:00:00", closesAt: "2026-03-15 20:00:00",
                         requiresCode: codes > 0,
                         schools: units.enumerated().map { index, unit in
                             MunicipalRunPlan.School(unit: unit, slug: "slug-\(wave)-\(unit)", codes: (0..<codes).map { "\(unit)-\(index)-\($0)" })
                         })
    }

    @Test("v7 is a named migration after the units registry, on both backends")
    func migration() {
        let names = Migrations.migrator.migrations
        #expect(names.firstIndex(of: "v7: municipal runs") == names.firstIndex(of: "v6: units registry").map { $0 + 1 })
        #expect(names == MigrationName.all)
    }

    @Test("a municipal run makes one wave, run and set of codes per school, grouped under one id", arguments: StoreBackend.available)
    func create(_ backend: StoreBackend) async throws {
        try await backend.withStore { test in
            let store = test.store
            let questionnaire = try mini()
            try await store.register(questionnaire, source: miniYAML)
            let made = try await store.createMunicipalRun(Self.plan(questionnaire, units: ["sosh5", "gym1"], codes: 3))
            guard case .created(let id) = made else { Issue.record("not created: \(made)"); return }
            let run = try #require(try await store.municipalRun(id: id))
            #expect(run.questionnaireID == "mini")
            #expect(run.waveName == "2026")
            #expect(run.schools.map(\.unit) == ["sosh5", "gym1"])
            #expect(run.schools.map(\.wave.unit) == ["sosh5", "gym1"])
            #expect(run.schools.map(\.run.slug) == ["slug-2026-sosh5", "slug-2026-gym1"])
            #expect(run.schools.allSatisfy { $0.run.requiresCode && $0.run.opensAt == "2026-03-01 08:00:00" })
            for school in run.schools {
                let codes = try await store.codes(run: try #require(school.run.id))
                #expect(codes.map(\.code).allSatisfy { $0.hasPrefix(school.unit) })
                #expect(codes.count == 3)
            }
            // The schools' runs are ordinary runs: a response to one counts for that school only.
            let first = try #require(try await store.run(slug: "slug-2026-sosh5"))
            _ = try await store.submit(Response(submittedAt: nil, answers: ["q1": .option("4")]), run: first.run, code: "sosh5-0-0", formToken: nil,
                                       now: "2026-03-02 10:00:00")
            let counted = try #require(try await store.municipalRun(id: id))
            #expect(counted.schools.map(\.responses) == [1, 0])
            #expect(counted.responses == 1)
            #expect(try await store.municipalRuns().map(\.id) == [id])
        }
    }

    @Test("the same questionnaire and wave twice is refused; a second wave gets the next id", arguments: StoreBackend.available)
    func duplicate(_ backend: StoreBackend) async throws {
        try await backend.withStore { test in
            let store = test.store
            let questionnaire = try mini()
            try await store.register(questionnaire, source: miniYAML)
            #expect(try await store.createMunicipalRun(Self.plan(questionnaire, units: ["sosh5"])) == .created(1))
            #expect(try await store.createMunicipalRun(Self.plan(questionnaire, units: ["gym1"])) == .duplicate(1))
            #expect(try await store.createMunicipalRun(Self.plan(questionnaire, wave: "2027", units: ["sosh5", "gym1"])) == .created(2))
            #expect(try await store.municipalRuns().map(\.id) == [2, 1])
            #expect(try await store.runs().count == 3)
        }
    }

    @Test("a school whose wave already has a run refuses the whole municipal run; a wave without a run is reused",
          arguments: StoreBackend.available)
    func wavesTaken(_ backend: StoreBackend) async throws {
        try await backend.withStore { test in
            let store = test.store
            let questionnaire = try mini()
            try await store.register(questionnaire, source: miniYAML)
            // sosh5: a wave from an ingest (no run); gym1: a wave with its own run.
            let ingested = try await store.wave(for: questionnaire, named: "2026", unit: "sosh5", create: true)
            let own = try await store.wave(for: questionnaire, named: "2026", unit: "gym1", create: true)
            _ = try await store.createRun(wave: own, slug: "own", opensAt: "2026-01-01 00:00:00", closesAt: "2026-02-01 00:00:00", requiresCode: false)
            let before = try await store.waves().count
            #expect(try await store.createMunicipalRun(Self.plan(questionnaire, units: ["sosh5", "licey1", "gym1"])) == .wavesTaken(["gym1"]))
            // Rolled back: no new wave for licey1, no run, no municipal run.
            #expect(try await store.waves().count == before)
            #expect(try await store.runs().count == 1)
            #expect(try await store.municipalRuns().isEmpty)

            guard case .created(let id) = try await store.createMunicipalRun(Self.plan(questionnaire, units: ["sosh5", "licey1"])) else {
                Issue.record("not created"); return
            }
            let run = try #require(try await store.municipalRun(id: id))
            #expect(run.schools[0].wave.id == ingested.id)
            #expect(try await store.waves().count == before + 1)
        }
    }
}
