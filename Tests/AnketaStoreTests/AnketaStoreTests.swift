import AnketaCollect
import AnketaCore
@testable import AnketaStore
import Foundation
import GRDB
import Testing

/// A small definition with every kind of question; codes of `sources` are deliberately not in
/// alphabetical order, so that the order of multiple-choice answers is tested.
let miniYAML = """
    id: mini
    version: 1
    title: Мини-анкета
    audience: parents
    scales:
      sat4:
        options:
          - {code: 4, label: Полностью удовлетворён, score: 3, positive: true}
          - {code: 3, label: Скорее удовлетворён, score: 2, positive: true}
          - {code: 2, label: Скорее не удовлетворён, score: 1}
          - {code: 1, label: Не удовлетворён, score: 0}
        no_answer: [Затрудняюсь ответить]
      sources:
        options:
          - {code: site, label: Сайт школы}
          - {code: chat, label: "Родительский чат, мессенджеры"}
          - {code: diary, label: "Электронный дневник, журнал"}
    sections:
      - {id: main, title: Основное}
    questions:
      - {id: q1, section: main, text: Питанием в школе, grid: Насколько вы удовлетворены, type: single, scale: sat4}
      - {id: q2, section: main, text: Безопасностью, grid: Насколько вы удовлетворены, type: single, scale: sat4}
      - {id: sources, section: main, text: Откуда вы узнаёте о жизни школы?, type: multiple, scale: sources}
      - {id: hours, section: main, text: Часов на домашние задания, type: number, min: 0, max: 12}
      - {id: class, section: main, text: Класс ребёнка, type: short_text}
      - {id: comment, section: main, text: Ваши предложения, type: long_text}
    indicators:
      - id: comfort
        title: Комфортность
        method: positive_share
        questions: [q1, q2]
        levels:
          - {name: высокий, from: 80}
          - {name: низкий, from: 0, deficit: true}

    """

func mini(_ yaml: String = miniYAML) throws -> Questionnaire {
    try DefinitionLoader().load(yaml: yaml, file: "mini.yaml")
}

/// Responses with answers of every kind.
let sampleResponses: [Response] = [
    Response(submittedAt: "2026-04-12 19:03:11", answers: [
        "q1": .option("4"), "q2": .noAnswer, "sources": .options(["site", "chat", "diary"]),
        "hours": .number(2.5), "class": .text("5А"), "comment": .text("Больше кружков\nи секций; «спасибо»"),
    ]),
    Response(submittedAt: nil, answers: ["q1": .option("1"), "sources": .options(["chat"]), "hours": .number(0)]),
    Response(submittedAt: "2026-04-12 20:00:00", answers: ["sources": .noAnswer, "hours": .number(1.0 / 3.0), "q2": .option("2")]),
    Response(submittedAt: "2026-04-12 20:05:00", answers: [:]),
    Response(submittedAt: "2026-04-13 08:00:00", answers: ["sources": .options(["site", "diary"]), "comment": .text("")]),
]

private func readAll(_ store: AnketaStore, _ wave: Wave) throws -> [Response] {
    var responses: [Response] = []
    try store.forEachResponse(in: wave) { responses.append($0.response) }
    return responses
}

private func importSamples(_ store: AnketaStore, _ wave: Wave, source: String = "answers.csv") throws -> ImportCounts {
    try store.importResponses(into: wave, source: source) { sink in
        for (index, response) in sampleResponses.enumerated() {
            try sink.add(response, fingerprint: "row-\(index)")
        }
    }
}

private func importLog(_ store: AnketaStore) throws -> [Row] {
    try store.writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM import_log ORDER BY id") }
}

@Suite("The store")
struct AnketaStoreTests {
    @Test("A fresh in-memory store is migrated and empty")
    func migrations() throws {
        let store = try AnketaStore()
        let tables = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(Set(tables).isSuperset(of: ["questionnaire", "wave", "response", "import_log"]))
        #expect(!tables.contains("answer"), "answers live in response.answers since v8")
        let migrator = Migrations.migrator
        let (applied, complete) = try store.writer.read { db in
            (Set(try migrator.appliedIdentifiers(db)), try migrator.hasCompletedMigrations(db))
        }
        #expect(complete)
        #expect(applied == Set(migrator.migrations), "every registered migration is applied")
        #expect(applied.contains("v1: questionnaires, waves, responses, answers"))
        #expect(try store.questionnaires().isEmpty)
        #expect(try store.waves().isEmpty)
        let foreignKeys = try store.writer.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == true)
    }

    @Test("Registering the same definition twice is fine")
    func registerTwice() throws {
        let store = try AnketaStore()
        try store.register(try mini(), source: miniYAML)
        try store.register(try mini(), source: miniYAML)
        // A comment or re-formatting that leaves the model as it was is accepted too.
        let reformatted = "# комментарий\n" + miniYAML
        try store.register(try mini(reformatted), source: reformatted)
        let records = try store.questionnaires()
        #expect(records.count == 1)
        #expect(records.first?.definition == miniYAML, "the first source is kept")
        #expect(records.first?.title == "Мини-анкета")
        #expect(records.first?.audience == "parents")
        #expect(try store.questionnaire(id: "mini") == (try mini()))
    }

    @Test("A changed definition with the same version is refused; a new version is accepted")
    func versionConflict() throws {
        let store = try AnketaStore()
        try store.register(try mini(), source: miniYAML)
        let changed = miniYAML.replacingOccurrences(of: "score: 3, positive: true", with: "score: 4, positive: true")
        #expect(changed != miniYAML)
        let error = try #require(throws: StoreError.self) { try store.register(try mini(changed), source: changed) }
        #expect(error.description.contains("анкета «mini» версии 1 уже загружена с другим содержанием"))
        #expect(error.description.contains("увеличьте version"))
        #expect(try store.questionnaire(id: "mini").scales["sat4"]?.options.first?.score == 3, "the stored definition is unchanged")

        let bumped = changed.replacingOccurrences(of: "version: 1", with: "version: 2")
        try store.register(try mini(bumped), source: bumped)
        #expect(try store.questionnaires().map(\.version) == [1, 2])
        #expect(try store.questionnaire(id: "mini").version == 2, "the latest version by default")
        #expect(try store.questionnaire(id: "mini", version: 1).scales["sat4"]?.options.first?.score == 3)
        #expect(throws: StoreError.self) { try store.questionnaire(id: "unknown") }
    }

    @Test("Waves are created, found again, and an ambiguous name asks for the unit")
    func waves() throws {
        let store = try AnketaStore()
        let q = try mini()
        try store.register(q, source: miniYAML)
        let missing = try #require(throws: StoreError.self) { try store.wave(for: q, named: "2026-весна", create: false) }
        #expect(missing.description.contains("нет волны «2026-весна»"))

        let school1 = try store.wave(for: q, named: "2026-весна", unit: "Школа № 1", create: true)
        #expect(school1.id != nil)
        #expect(school1.displayName == "2026-весна, Школа № 1")
        #expect(try store.wave(for: q, named: "2026-весна", unit: "Школа № 1", create: true).id == school1.id)
        #expect(try store.wave(for: q, named: "2026-весна", create: false).id == school1.id, "one unit: no need to name it")

        let school2 = try store.wave(for: q, named: "2026-весна", unit: "Школа № 2", create: true)
        #expect(school2.id != school1.id)
        let ambiguous = try #require(throws: StoreError.self) { try store.wave(for: q, named: "2026-весна", create: false) }
        #expect(ambiguous.description.contains("Школа № 1"))
        #expect(ambiguous.description.contains("Школа № 2"))
        #expect(ambiguous.description.contains("--unit"))
        #expect(try store.wave(questionnaireID: "mini", named: "2026-весна", unit: "Школа № 2").id == school2.id)

        let autumn = try store.wave(for: q, named: "2025-осень", create: true)
        #expect(autumn.unit == "")
        #expect(autumn.displayName == "2025-осень")
        let summaries = try store.waves()
        #expect(summaries.count == 3)
        #expect(summaries.allSatisfy { $0.responses == 0 && $0.title == "Мини-анкета" })
    }

    @Test("An import stores answers of every kind and reads them back equal, in order")
    func importAndRead() throws {
        let store = try AnketaStore()
        let q = try mini()
        try store.register(q, source: miniYAML)
        let wave = try store.wave(for: q, named: "w", create: true)
        let counts = try importSamples(store, wave)
        #expect(counts == ImportCounts(stored: sampleResponses.count, duplicates: 0))
        #expect(try store.responseCount(in: wave) == sampleResponses.count)
        #expect(try readAll(store, wave) == sampleResponses)
        let ids = try { var ids: [Int64] = []; try store.forEachResponse(in: wave) { ids.append($0.id) }; return ids }()
        #expect(ids == ids.sorted())
        #expect(try store.waves().first?.responses == sampleResponses.count)
        let log = try importLog(store)
        #expect(log.count == 1)
        #expect(log.first?["stored"] == sampleResponses.count)
        #expect(log.first?["source"] == "answers.csv")
    }

    @Test("Importing the same rows twice stores nothing new and counts the duplicates")
    func duplicates() throws {
        let store = try AnketaStore()
        let q = try mini()
        try store.register(q, source: miniYAML)
        let wave = try store.wave(for: q, named: "w", create: true)
        _ = try importSamples(store, wave)
        let again = try importSamples(store, wave)
        #expect(again == ImportCounts(stored: 0, duplicates: sampleResponses.count))
        #expect(try store.responseCount(in: wave) == sampleResponses.count)
        #expect(try readAll(store, wave) == sampleResponses)
        #expect(try importLog(store).map { $0["duplicates"] as Int } == [0, sampleResponses.count])

        // The same fingerprints from another file, or in another wave, are new responses.
        #expect(try importSamples(store, wave, source: "other.csv").stored == sampleResponses.count)
        let other = try store.wave(for: q, named: "другая", create: true)
        #expect(try importSamples(store, other).stored == sampleResponses.count)
        #expect(try store.responseCount(in: wave) == 2 * sampleResponses.count)
        #expect(try readAll(store, other) == sampleResponses)
    }

    @Test("Re-reading the same CSV file through ResponseReader stores nothing new")
    func duplicateFile() throws {
        let store = try AnketaStore()
        let q = try mini()
        try store.register(q, source: miniYAML)
        let wave = try store.wave(for: q, named: "w", create: true)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("answers.csv")
        // Rows 2 and 3 are identical: two respondents, both stored.
        try Data("""
            q1,q2,sources,hours
            Полностью удовлетворён,3,"Родительский чат, мессенджеры, Сайт школы","2,5"
            1,1,,0
            1,1,,0
            """.utf8).write(to: url)
        func ingest() throws -> ImportCounts {
            let reader = try ResponseReader(url: url, questionnaire: q)
            return try store.importResponses(into: wave, source: url.lastPathComponent) { sink in
                try reader.read { outcome in
                    guard case .accepted(let row) = outcome else { Issue.record("\(outcome)"); return }
                    try sink.add(row.response, fingerprint: row.fingerprint)
                }
            }
        }
        #expect(try ingest() == ImportCounts(stored: 3, duplicates: 0))
        #expect(try ingest() == ImportCounts(stored: 0, duplicates: 3))
        let responses = try readAll(store, wave)
        #expect(responses.count == 3)
        #expect(responses.first?.answers == ["q1": .option("4"), "q2": .option("3"), "sources": .options(["site", "chat"]), "hours": .number(2.5)])
    }

    @Test("An import whose body throws midway leaves the store unchanged")
    func interruptedImport() throws {
        struct Interrupted: Error {}
        let store = try AnketaStore()
        let q = try mini()
        try store.register(q, source: miniYAML)
        let wave = try store.wave(for: q, named: "w", create: true)
        _ = try store.importResponses(into: wave, source: "first.csv") { sink in
            try sink.add(sampleResponses[0], fingerprint: "a")
        }
        #expect(throws: Interrupted.self) {
            try store.importResponses(into: wave, source: "second.csv") { sink in
                try sink.add(sampleResponses[1], fingerprint: "b")
                try sink.add(sampleResponses[2], fingerprint: "c")
                throw Interrupted()
            }
        }
        #expect(try store.responseCount(in: wave) == 1)
        #expect(try readAll(store, wave) == [sampleResponses[0]])
        #expect(try importLog(store).count == 1, "no log entry for the interrupted import")
        let rows = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response") }
        #expect(rows == 1, "nothing of the interrupted import is left, visible or not")
        // The same rows import fine afterwards: nothing of the failed attempt was kept.
        let retry = try store.importResponses(into: wave, source: "second.csv") { sink in
            try sink.add(sampleResponses[1], fingerprint: "b")
            try sink.add(sampleResponses[2], fingerprint: "c")
        }
        #expect(retry == ImportCounts(stored: 2, duplicates: 0))
    }

    @Test("A file-based store survives being closed and reopened")
    func reopen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("anketa.sqlite").path
        do {
            let store = try AnketaStore(path: path)
            let q = try mini()
            try store.register(q, source: miniYAML)
            let wave = try store.wave(for: q, named: "2026-весна", unit: "Школа № 1", create: true)
            #expect(try importSamples(store, wave).stored == sampleResponses.count)
        }
        #expect(FileManager.default.fileExists(atPath: path))
        let reopened = try AnketaStore(path: path)
        let q = try reopened.questionnaire(id: "mini")
        #expect(q == (try mini()))
        let wave = try reopened.wave(questionnaireID: "mini", named: "2026-весна")
        #expect(wave.unit == "Школа № 1")
        #expect(try readAll(reopened, wave) == sampleResponses)
        #expect(try importSamples(reopened, wave) == ImportCounts(stored: 0, duplicates: sampleResponses.count))
    }

    @Test("A store that cannot be opened says where and what to do")
    func cannotOpen() throws {
        let error = try #require(throws: StoreError.self) { try AnketaStore(path: "/nonexistent-folder/anketa.sqlite") }
        #expect(error.description.contains("/nonexistent-folder/anketa.sqlite"))
        #expect(error.description.contains("--db"))
    }
}
