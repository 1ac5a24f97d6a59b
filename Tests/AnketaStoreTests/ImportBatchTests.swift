import AnketaCore
@testable import AnketaStore
import Foundation
import GRDB
import Testing

/// A file store in a fresh temporary folder, removed with the value.
final class TemporaryStore {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("anketa.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func open(busyTimeout: TimeInterval = AnketaStore.defaultBusyTimeout) throws -> AnketaStore {
        try AnketaStore(path: path, busyTimeout: busyTimeout)
    }
}

/// A process id that does not exist (above Linux's largest pid_max).
private let deadPID = 2_000_000_000

private func pendingRows(_ store: AnketaStore) throws -> Int {
    try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response WHERE pending_import IS NOT NULL") ?? 0 }
}

private func insertLeftover(_ store: AnketaStore, wave: Wave, source: String, pid: Int, heartbeat: Double = Date().timeIntervalSince1970,
                            fingerprints: [String]) throws {
    try store.writer.write { db in
        try db.execute(sql: "INSERT INTO import_run (wave_id, source, pid, started_at, heartbeat) VALUES (?, ?, ?, '', ?)",
                       arguments: [wave.id, source, pid, heartbeat])
        let importID = db.lastInsertedRowID
        for fingerprint in fingerprints {
            try db.execute(sql: "INSERT INTO response (wave_id, submitted_at, source, fingerprint, pending_import, answers) VALUES (?, NULL, ?, ?, ?, ?)",
                           arguments: [wave.id, source, fingerprint, importID, Data(AnswerCodec.encode(sampleResponses[0].answers))])
        }
    }
}

@Suite("Imports in batches, durability, text with NUL")
struct ImportBatchTests {
    @Test("A file store forces every commit to disk (synchronous=FULL on its writer connection), in WAL mode")
    func durability() throws {
        let temporary = try TemporaryStore()
        let store = try temporary.open()
        let (writerMode, journal) = try store.writer.write { db in
            (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(writerMode == 2, "2 = FULL")
        #expect(journal == "wal")
    }

    @Test("Rows of an import are invisible until it finishes, though written in many transactions")
    func invisibleUntilDone() throws {
        let temporary = try TemporaryStore()
        let store = try temporary.open()
        let other = try temporary.open()  // another process's view of the file
        let q = try mini()
        try store.register(q, source: miniYAML)
        let wave = try store.wave(for: q, named: "w", create: true)
        var seenDuring: [Int] = []
        let counts = try store.importResponses(into: wave, source: "a.csv", batchSize: 2) { sink in
            for index in 0..<7 {
                try sink.add(sampleResponses[index % sampleResponses.count], fingerprint: "row-\(index)")
                seenDuring.append(try other.responseCount(in: wave))
            }
            // Batches are written on the store's writer thread while rows are added: when the
            // seventh row comes, the first batch is surely written, the second and third may be.
            #expect([2, 4, 6].contains(try pendingRows(other)), "batches written during the import, still pending")
        }
        #expect(seenDuring == Array(repeating: 0, count: 7))
        #expect(counts == ImportCounts(stored: 7, duplicates: 0))
        #expect(try other.responseCount(in: wave) == 7)
        #expect(try pendingRows(other) == 0)
        #expect(try other.waves().first?.responses == 7)
    }

    @Test("Strict failure midway (body throws after several batches) leaves nothing, and no pending rows")
    func failureAfterBatches() throws {
        struct Bad: Error {}
        let temporary = try TemporaryStore()
        let store = try temporary.open()
        let q = try mini()
        try store.register(q, source: miniYAML)
        let wave = try store.wave(for: q, named: "w", create: true)
        #expect(throws: Bad.self) {
            try store.importResponses(into: wave, source: "a.csv", batchSize: 3) { sink in
                for index in 0..<10 { try sink.add(sampleResponses[index % sampleResponses.count], fingerprint: "row-\(index)") }
                throw Bad()
            }
        }
        #expect(try store.responseCount(in: wave) == 0)
        #expect(try pendingRows(store) == 0)
        let rows = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response") }
        #expect(rows == 0)
        let runs = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM import_run") }
        #expect(runs == 0)
    }

    @Test("Leftovers of a killed import are removed by the next one, which then stores every row (not «duplicates»)")
    func leftoversOfKilledImport() throws {
        let temporary = try TemporaryStore()
        let store = try temporary.open()
        let q = try mini()
        try store.register(q, source: miniYAML)
        let wave = try store.wave(for: q, named: "w", create: true)
        try insertLeftover(store, wave: wave, source: "answers.csv", pid: deadPID, fingerprints: ["row-0", "row-1", "row-2"])
        #expect(try store.responseCount(in: wave) == 0, "pending rows are not visible")
        let counts = try store.importResponses(into: wave, source: "answers.csv") { sink in
            for (index, response) in sampleResponses.enumerated() { try sink.add(response, fingerprint: "row-\(index)") }
        }
        #expect(counts == ImportCounts(stored: sampleResponses.count, duplicates: 0))
        #expect(try pendingRows(store) == 0)
        var stored: [Response] = []
        try store.forEachResponse(in: wave) { stored.append($0.response) }
        #expect(stored == sampleResponses)
    }

    @Test("An import silent for longer than the limit is abandoned even if its pid now belongs to a live process")
    func abandonedByHeartbeat() throws {
        let store = try AnketaStore()
        let q = try mini()
        try store.register(q, source: miniYAML)
        let wave = try store.wave(for: q, named: "w", create: true)
        try insertLeftover(store, wave: wave, source: "answers.csv", pid: Int(getpid()),
                           heartbeat: Date().timeIntervalSince1970 - AnketaStore.abandonedAfter - 1, fingerprints: ["row-0"])
        try store.removeAbandonedImports()
        #expect(try pendingRows(store) == 0)
    }

    @Test("A second import of the same file into the same wave while the first is alive is refused with a message")
    func concurrentSameSource() throws {
        let store = try AnketaStore()
        let q = try mini()
        try store.register(q, source: miniYAML)
        let wave = try store.wave(for: q, named: "w", create: true)
        try insertLeftover(store, wave: wave, source: "answers.csv", pid: Int(getpid()), fingerprints: ["row-0"])
        let error = try #require(throws: StoreError.self) {
            try store.importResponses(into: wave, source: "answers.csv") { sink in try sink.add(sampleResponses[0], fingerprint: "x") }
        }
        #expect(error.description.contains("«answers.csv» уже загружается"))
        #expect(try pendingRows(store) == 1, "the live import's rows are left alone")
        // Another file goes in meanwhile.
        let other = try store.importResponses(into: wave, source: "other.csv") { sink in try sink.add(sampleResponses[0], fingerprint: "x") }
        #expect(other.stored == 1)
    }

    @Test("An import whose rows were removed as abandoned fails with a message instead of publishing half")
    func abandonedWhileRunning() throws {
        let store = try AnketaStore()
        let q = try mini()
        try store.register(q, source: miniYAML)
        let wave = try store.wave(for: q, named: "w", create: true)
        let error = try #require(throws: StoreError.self) {
            try store.importResponses(into: wave, source: "a.csv", batchSize: 1) { sink in
                try sink.add(sampleResponses[0], fingerprint: "r0")
                // Another process decides this import is dead.
                try store.writer.write { db in try db.execute(sql: "DELETE FROM import_run") }
                try sink.add(sampleResponses[1], fingerprint: "r1")
            }
        }
        #expect(error.description.contains("загрузка прервана"))
        #expect(try store.responseCount(in: wave) == 0)
        #expect(try pendingRows(store) == 0)
    }

    @Test("Text with NUL bytes is stored and read back intact (import and web submission)",
          arguments: ["до\u{0}после", "\u{0}", "a\u{0}\u{0}b", "обычный текст"])
    func nulText(text: String) async throws {
        let store = try AnketaStore()
        let q = try mini()
        try store.register(q, source: miniYAML)
        let wave = try store.wave(for: q, named: "w", create: true)
        let response = Response(submittedAt: "2026-04-12 19:03:11", answers: ["comment": .text(text), "q1": .option("4")])
        _ = try store.importResponses(into: wave, source: "a.csv") { sink in try sink.add(response, fingerprint: "r") }
        let run = try store.createRun(wave: wave, slug: "s", opensAt: "2000-01-01 00:00:00", closesAt: "2999-01-01 00:00:00", requiresCode: false)
        _ = try await store.submit(Response(submittedAt: nil, answers: ["comment": .text(text)]), run: run, code: nil, now: "2026-04-12 19:05:00")
        var texts: [String] = []
        try store.forEachResponse(in: wave) { stored in
            if case .text(let value)? = stored.response.answers["comment"] { texts.append(value) }
        }
        #expect(texts == [text, text])
        #expect(texts.allSatisfy { $0.utf8.count == text.utf8.count })
        let types = try await store.writer.read { db in try String.fetchAll(db, sql: "SELECT typeof(answers) FROM response") }
        #expect(types == ["blob", "blob"])
    }
}
