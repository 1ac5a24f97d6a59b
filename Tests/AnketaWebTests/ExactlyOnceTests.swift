import AnketaCore
import AnketaStore
import AnketaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A form is stored once, however often it is sent: the form token is spent in the transaction
/// that stores the response.
@Suite("Exactly once")
struct ExactlyOnceTests {
    static let alreadyReceived = "Ваши ответы уже получены"

    @Test("a double click: the second POST stores nothing and says the answers were received")
    func doublePost() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: browser.client)
            let form = try await respondent.get(run.path)
            let first = try await respondent.post(run.path, form.tokenFields + validAnswers)
            #expect(first.status == .seeOther)
            let second = try await respondent.post(run.path, form.tokenFields + validAnswers)
            #expect(second.status == .ok)
            expectContains(second.text, "<h1>\(Self.alreadyReceived)</h1>")
            expectContains(second.text, "<a class=\"button secondary\" href=\"\(run.path)\">Заполнить анкету заново</a>")
            #expect(try fixture.responses(run: run.id).count == 1)
            // Opening the link again is a new filling: it may be sent (another child, say).
            #expect(try await respondent.answer(run.path, validAnswers).status == .seeOther)
            #expect(try fixture.responses(run: run.id).count == 2)
        }
    }

    @Test("Back from «Спасибо!» to the review page, then «Отправить» again: nothing more is stored")
    func postAfterBack() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let (run, respondent) = try await browser.sectionsRun()
            let (_, fields) = try await respondent.fillSections(run.path)
            let token = fields[1].1
            #expect(try await respondent.post(run.path, fields).status == .seeOther)
            // Back: the review page (reloaded, as `no-store` makes the browser do) says it was sent.
            let review = try await respondent.get("\(run.path)/f/\(token)/review")
            expectContains(review.text, Self.alreadyReceived)
            expectLacks(review.text, "<form")
            let section = try await respondent.get("\(run.path)/f/\(token)/2")
            expectContains(section.text, Self.alreadyReceived)
            // The page kept in the browser's memory sent again, and a «Далее» from an old section page.
            let resend = try await respondent.post(run.path, fields)
            expectContains(resend.text, Self.alreadyReceived)
            let next = try await respondent.post(run.path, [fields[0], fields[1], ("page", "2"), ("go", "next")] + sectionAnswers[1])
            expectContains(next.text, Self.alreadyReceived)
            #expect(try fixture.responses(run: run.id).count == 1)
            #expect(try fixture.store.draftCount() == 0)  // the late «Далее» made no new draft
        }
    }

    @Test("a retry after a timeout (the first POST was stored, its answer lost) stores nothing")
    func retryAfterTimeout() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let (run, respondent) = try await browser.sectionsRun()
            let (_, fields) = try await respondent.fillSections(run.path)
            _ = try await respondent.post(run.path, fields)  // the reply never reached the phone
            let retry = try await respondent.post(run.path, fields)
            #expect(retry.status == .ok)
            expectContains(retry.text, Self.alreadyReceived)
            #expect(try fixture.responses(run: run.id).count == 1)
        }
    }

    @Test("concurrent POSTs with one form token: exactly one is stored (randomised rounds)")
    func concurrentPosts() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            var random = SeededRandom(seed: 20261010)
            let rounds = 12
            for round in 0..<rounds {
                let respondent = Browser(client: browser.client)
                let form = try await respondent.get(run.path)
                let body = Browser.encode(form.tokenFields + validAnswers)
                let cookie = respondent.cookieHeader
                let copies = Int.random(in: 2...12, using: &random)
                let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String).self) { group in
                    for _ in 0..<copies {
                        group.addTask {
                            let response = try await browser.client.executeRequest(
                                uri: run.path, method: .post,
                                headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                body: ByteBuffer(string: body))
                            return (response.status, String(buffer: response.body))
                        }
                    }
                    var all: [(HTTPResponse.Status, String)] = []
                    for try await item in group { all.append(item) }
                    return all
                }
                #expect(statuses.filter { $0.0 == .seeOther }.count == 1, "round \(round): \(copies) copies")
                #expect(statuses.filter { $0.0 == .ok && $0.1.contains(Self.alreadyReceived) }.count == copies - 1)
                #expect(try fixture.responses(run: run.id).count == round + 1)
            }
        }
    }

    @Test("the store spends a token once even when threads race on a file database")
    func storeRace() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-once-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let fixture = try Fixture(databasePath: path)
        let questionnaire = try DefinitionLoader().load(yaml: webtestYAML, file: "webtest.yaml")
        try fixture.store.register(questionnaire, source: webtestYAML)
        let wave = try fixture.store.wave(for: questionnaire, named: "w", unit: nil, create: true)
        let run = try fixture.store.createRun(wave: wave, slug: "race", opensAt: "2020-01-01 00:00:00", closesAt: "2099-01-01 00:00:00",
                                              requiresCode: false)
        let response = AnketaCore.Response(answers: ["q1": .option("4"), "sources": .options(["site"]), "class": .text("5А")])
        var random = SeededRandom(seed: 7)
        for round in 0..<8 {
            let token = String(repeating: String(round), count: 64)
            let threads = Int.random(in: 2...16, using: &random)
            let outcomes = await withTaskGroup(of: String.self) { group in
                for _ in 0..<threads {
                    group.addTask {
                        do {
                            _ = try await fixture.store.submit(response, run: run, code: nil, formToken: token, now: AnketaStore.localNow())
                            return "stored"
                        } catch SubmissionRefusal.alreadyReceived {
                            return "already"
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                var all: [String] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            #expect(outcomes.filter { $0 == "stored" }.count == 1)
            #expect(outcomes.filter { $0 == "already" }.count == threads - 1)
            #expect(try fixture.store.isFormTokenConsumed(token))
        }
        #expect(try fixture.store.responseCount(in: wave) == 8)
    }
}
