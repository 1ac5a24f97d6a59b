import AnketaCore
@testable import AnketaStore
import AnketaWeb
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import Testing

/// A database file in a fresh temporary folder.
private func temporaryDatabase() throws -> (folder: URL, path: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-web-db-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return (folder, folder.appendingPathComponent("anketa.sqlite").path)
}

/// Counts what a concurrent run saw; shared between tasks.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [HTTPResponse.Status] = []
    private var duringImport = 0

    func add(_ status: HTTPResponse.Status, duringImport during: Bool) {
        lock.withLock {
            statuses.append(status)
            if during { duringImport += 1 }
        }
    }

    var all: [HTTPResponse.Status] { lock.withLock { statuses } }
    var whileImporting: Int { lock.withLock { duringImport } }
}

/// What the ingest thread returned.
private final class ImportOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<ImportCounts, any Error>?
    func set(_ value: Result<ImportCounts, any Error>) { lock.withLock { result = value } }
    var value: Result<ImportCounts, any Error>? { lock.withLock { result } }
}

/// A flag set once from another task.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

@Suite("The server and an ingest share one database file")
struct StoreSharingTests {
    @Test("Respondents submit while a 20,000-row ingest runs in another connection: no failed submission, nothing lost")
    func ingestWhileServing() async throws {
        let (folder, path) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try Fixture(databasePath: path)
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let wave = try fixture.wave(run: run.id)
            // The ingest opens the file itself, as `anketa ingest` in another process does.
            let ingestStore = try AnketaStore(path: path)
            let rows = 20_000
            let row = AnketaCore.Response(submittedAt: "2026-04-12 19:03:11",
                                          answers: ["q1": .option("4"), "sources": .options(["site"]), "class": .text("5А")])
            let started = Date()
            let finished = Flag()
            let outcome = ImportOutcome()
            let tally = Tally()
            // A thread of its own, as another process would be: the import blocks while it writes.
            // Halfway it waits for the first submissions (or 30 s), so that they surely overlap it
            // however fast the ingest is on this machine.
            let ingest = Thread {
                defer { finished.set() }
                outcome.set(Result {
                    try ingestStore.importResponses(into: wave, source: "big.csv", batchSize: 200) { sink in
                        for index in 0..<rows {
                            if index == rows / 2 {
                                let waitStarted = Date()
                                while tally.all.count < 8, Date().timeIntervalSince(waitStarted) < 30 { usleep(5000) }
                            }
                            try sink.add(row, fingerprint: "row-\(index)")
                        }
                    }
                })
            }
            ingest.start()
            // Respondents start once the ingest has written its first batches.
            while !finished.isSet, try await fixture.store.writer.read({ db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response WHERE pending_import IS NOT NULL") ?? 0
            }) == 0 {
                try await Task.sleep(for: .milliseconds(5))
            }
            // Four respondents at a time keep submitting until the ingest is over (and at least 40 in all).
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        var sent = 0
                        while sent < 10 || !finished.isSet {
                            let during = !finished.isSet
                            let status = try await Browser(client: browser.client).answer(run.path, validAnswers).status
                            tally.add(status, duringImport: during)
                            sent += 1
                            if Date().timeIntervalSince(started) > 120 { break }
                        }
                    }
                }
                try await group.waitForAll()
            }
            while !finished.isSet { try await Task.sleep(for: .milliseconds(20)) }
            let counts = try #require(outcome.value).get()
            #expect(counts == ImportCounts(stored: rows, duplicates: 0))
            let statuses = tally.all
            #expect(statuses.count >= 40)
            #expect(statuses.allSatisfy { $0 == .seeOther }, "every submission stored: \(Set(statuses.map(\.code)))")
            #expect(tally.whileImporting > 0, "some submissions overlapped the ingest")
            #expect(try fixture.store.responseCount(in: wave) == rows + statuses.count)
            print("ingest while serving: \(rows) rows imported, \(statuses.count) submissions (\(tally.whileImporting) during the ingest), all stored")
        }
    }

    @Test("A submission the store cannot take (file locked past the busy timeout) re-shows the filled form with «Не удалось сохранить»")
    func storeBusy() async throws {
        let (folder, path) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try Fixture(databasePath: path, busyTimeout: 0.2)
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: browser.client)
            let form = try await respondent.get(run.path)
            let fields = form.tokenFields + validAnswers
            // Another process holds the write lock until the refused submission is answered.
            let holder = try AnketaStore(path: path)
            let locked = Flag(), release = DispatchSemaphore(value: 0), released = Flag()
            let holding = Thread {
                defer { released.set() }
                try? holder.writer.write { db in
                    try db.execute(sql: "INSERT INTO setting (name, value) VALUES ('test-lock', 'x')")
                    locked.set()
                    _ = release.wait(timeout: .now() + 60)
                }
            }
            holding.start()
            while !locked.isSet { try await Task.sleep(for: .milliseconds(5)) }
            let refused = try await respondent.post(run.path, fields)
            #expect(refused.status == .serviceUnavailable)
            expectContains(refused.text, "Не удалось сохранить ответы, попробуйте ещё раз")
            expectContains(refused.text, "<input type=\"radio\" name=\"q1\" value=\"4\" checked>")
            expectContains(refused.text, ">Больше кружков</textarea>")
            expectContains(refused.text, "value=\"5А\"")
            #expect(refused.csrf == form.csrf)
            SecurityHeaderTests.checkHeaders(refused, "503")
            #expect(try fixture.responses(run: run.id).isEmpty)
            // Once the lock is gone the same answers go in.
            release.signal()
            while !released.isSet { try await Task.sleep(for: .milliseconds(5)) }
            let sent = try await respondent.post(run.path, fields)
            #expect(sent.status == .seeOther)
            #expect(try fixture.responses(run: run.id).count == 1)
        }
    }

    @Test("A NUL byte (%00) in a text answer is refused with a message for that question, never cut")
    func nulInField() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: browser.client)
            let form = try await respondent.get(run.path)
            let answers = validAnswers.filter { $0.0 != "comment" } + [("comment", "до\u{0}после")]
            let page = try await respondent.post(run.path, form.tokenFields + answers)
            #expect(page.status == .unprocessableContent)
            expectContains(page.text, "недопустимый символ")
            expectContains(page.text, "href=\"#q-comment\"")
            #expect(try fixture.responses(run: run.id).isEmpty)
            // Over-long text is refused, not shortened.
            let long = try await respondent.post(run.path, form.tokenFields + validAnswers.filter { $0.0 != "class" }
                                                 + [("class", String(repeating: "я", count: 301))])
            #expect(long.status == .unprocessableContent)
            expectContains(long.text, "Ответ длиннее 300\u{00A0}знаков")
            #expect(try fixture.responses(run: run.id).isEmpty)
            // A wave name with NUL would be cut by the store: refused in the console.
            let csrf = try await browser.adminCSRF()
            let refused = try await browser.post("/admin/runs", [("csrf", csrf), ("questionnaire", "webtest"), ("wave", "до\u{0}после"),
                                                                 ("unit", ""), ("opens", "2020-01-01T08:00"), ("closes", "2099-01-01T08:00")])
            #expect(refused.status == .unprocessableContent)
            expectContains(refused.text, "не должны содержать нулевой байт")
        }
    }
}
