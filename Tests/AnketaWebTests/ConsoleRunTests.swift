import AnketaCollect
import AnketaStore
@testable import AnketaWeb
import Foundation
import HTTPTypes
import Testing

@Suite("Console runs: confirm close, reopen, extend, dates, copy, live summary, time zone")
struct ConsoleRunTests {
    @Test("«Завершить сейчас» asks first; only the confirmation closes, and records when")
    func confirmClose() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf)
            let page = try await browser.get("/admin/runs/\(run.id)")
            expectContains(page.text, "href=\"/admin/runs/\(run.id)/close\"")
            let confirm = try await browser.get("/admin/runs/\(run.id)/close")
            #expect(confirm.status == .ok)
            expectContains(confirm.text, "Завершить опрос?")
            expectContains(confirm.text, "name=\"confirm\" value=\"yes\"")
            expectContains(confirm.text, "Нет, вернуться к опросу")
            #expect(try fixture.store.run(id: run.id)?.run.closed == false)

            // A POST without the confirmation is sent to the question, not obeyed.
            let unconfirmed = try await browser.post("/admin/runs/\(run.id)/close", [("csrf", csrf)])
            #expect(unconfirmed.location == "/admin/runs/\(run.id)/close")
            #expect(try fixture.store.run(id: run.id)?.run.closed == false)

            let closed = try await browser.post("/admin/runs/\(run.id)/close", [("csrf", csrf), ("confirm", "yes")])
            #expect(closed.location == "/admin/runs/\(run.id)")
            let stored = try #require(try fixture.store.run(id: run.id)).run
            #expect(stored.closed)
            #expect(stored.closedAt != nil)
            let after = try await browser.get("/admin/runs/\(run.id)")
            expectContains(after.text, "Завершён досрочно")
            expectContains(after.text, "МСК.")
            expectContains(after.text, "Возобновить опрос")
            #expect(try await browser.get(run.path).status == .gone)
        }
    }

    @Test("a closed run reopens; one past its end reopens for a week")
    func reopen() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf)
            _ = try await browser.post("/admin/runs/\(run.id)/close", [("csrf", csrf), ("confirm", "yes")])
            let reopened = try await browser.post("/admin/runs/\(run.id)/reopen", [("csrf", csrf)])
            #expect(reopened.location == "/admin/runs/\(run.id)")
            var stored = try #require(try fixture.store.run(id: run.id)).run
            #expect(!stored.closed)
            #expect(stored.closedAt == nil)
            #expect(stored.closesAt == "2099-01-01 08:00:00")
            #expect(try await browser.get(run.path).status == .ok)

            // A run whose end has passed.
            let old = try await browser.createRun(csrf: csrf, wave: "2025-весна", opens: "2025-03-01T08:00", closes: "2025-03-15T08:00")
            let clock = ConsoleClock(timeZone: WebConfiguration.moscow)
            let before = clock.now()
            #expect(try await browser.get(old.path).status == .gone)
            _ = try await browser.post("/admin/runs/\(old.id)/reopen", [("csrf", csrf)])
            stored = try #require(try fixture.store.run(id: old.id)).run
            let week = try #require(clock.adding(days: 7, to: before))
            #expect(stored.closesAt >= week)
            #expect(stored.closesAt <= clock.adding(days: 7, to: clock.now()) ?? "")
            #expect(try await browser.get(old.path).status == .ok)
        }
    }

    @Test("«Продлить на неделю» moves the end by seven days")
    func extend() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf, closes: "2090-12-28T18:00")
            let extended = try await browser.post("/admin/runs/\(run.id)/extend", [("csrf", csrf), ("days", "7")])
            #expect(extended.location == "/admin/runs/\(run.id)")
            #expect(try fixture.store.run(id: run.id)?.run.closesAt == "2091-01-04 18:00:00")
            // Out-of-range days are clamped to 90.
            _ = try await browser.post("/admin/runs/\(run.id)/extend", [("csrf", csrf), ("days", "100000")])
            #expect(try fixture.store.run(id: run.id)?.run.closesAt == "2091-04-04 18:00:00")
        }
    }

    @Test("dates are edited on the run page; an end before the start is refused")
    func editDates() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf)
            let page = try await browser.get("/admin/runs/\(run.id)")
            expectContains(page.text, "name=\"closes\" type=\"datetime-local\" required value=\"2099-01-01T08:00\"")
            expectContains(page.text, "Окончание (МСК)")
            let changed = try await browser.post("/admin/runs/\(run.id)/dates", [("csrf", csrf), ("opens", "2026-04-01T08:00"), ("closes", "2026-04-15T20:00")])
            #expect(changed.location == "/admin/runs/\(run.id)")
            let stored = try #require(try fixture.store.run(id: run.id)).run
            #expect(stored.opensAt == "2026-04-01 08:00:00")
            #expect(stored.closesAt == "2026-04-15 20:00:00")
            let shown = try await browser.get("/admin/runs/\(run.id)")
            expectContains(shown.text, "Сроки: 01.04.2026 08:00 — 15.04.2026 20:00 МСК.")

            for (opens, closes) in [("2026-05-01T08:00", "2026-04-01T08:00"), ("", "2026-04-01T08:00"), ("вчера", "2026-04-01T08:00")] {
                let refused = try await browser.post("/admin/runs/\(run.id)/dates", [("csrf", csrf), ("opens", opens), ("closes", closes)])
                #expect(refused.status == .unprocessableContent)
                expectContains(refused.text, "Сроки не изменены")
            }
            #expect(try fixture.store.run(id: run.id)?.run.closesAt == "2026-04-15 20:00:00")
        }
    }

    @Test("copying a run: the same questionnaire and school, next year's wave, new dates")
    func copyRun() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf, wave: "2026-весна", unit: "Школа № 1", codes: true)
            let page = try await browser.get("/admin/runs/\(run.id)")
            expectContains(page.text, "href=\"/admin/runs/new?from=\(run.id)\"")
            let copy = try await browser.get("/admin/runs/new?from=\(run.id)")
            #expect(copy.status == .ok)
            expectContains(copy.text, "Копия опроса «Тестовая анкета», волна «2026-весна, Школа № 1»")
            expectContains(copy.text, "<option value=\"webtest\" selected>")
            expectContains(copy.text, "value=\"2027-весна\"")
            expectContains(copy.text, "value=\"Школа № 1\"")
            expectContains(copy.text, "name=\"codes\" value=\"1\" checked")
            #expect(try await browser.get("/admin/runs/new?from=99").status == .notFound)

            let created = try await browser.post("/admin/runs", [("csrf", csrf), ("questionnaire", "webtest"), ("wave", "2027-весна"), ("unit", "Школа № 1"),
                                                                ("opens", "2027-04-01T08:00"), ("closes", "2027-04-15T20:00")])
            #expect(created.location == "/admin/runs/2")
            let second = try #require(try fixture.store.run(id: 2))
            let first = try #require(try fixture.store.run(id: 1))
            #expect(second.wave.questionnaireID == first.wave.questionnaireID)
            #expect(second.wave.questionnaireVersion == first.wave.questionnaireVersion)
            #expect(second.wave.unit == "Школа № 1")
            #expect(second.wave.id != first.wave.id)
            #expect(second.run.slug != first.run.slug)
            // The copy's page says what the справка will compare with (the first wave has no answers: nothing yet).
            expectContains(try await browser.get("/admin/runs/2").text, "справка будет без динамики")
        }
    }

    @Test("a copy works when the questionnaire file is gone: the stored version is offered")
    func copyWithoutFile() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf)
            for file in try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path) where file.hasSuffix(".yaml") {
            try FileManager.default.removeItem(at: fixture.folder.appendingPathComponent(file))
        }
            let copy = try await browser.get("/admin/runs/new?from=\(run.id)")
            expectContains(copy.text, "<option value=\"webtest\" selected>")
            let created = try await browser.post("/admin/runs", [("csrf", csrf), ("questionnaire", "webtest"), ("wave", "2027-весна"), ("unit", "Школа № 1"),
                                                                ("opens", "2027-04-01T08:00"), ("closes", "2027-04-15T20:00")])
            #expect(created.location == "/admin/runs/2")
        }
    }

    @Test("next wave names", arguments: [("2026-весна", "2027-весна"), ("весна 2025/2026", "весна 2026/2027"), ("пробная", "пробная (копия)")])
    func nextWaveName(_ name: String, _ expected: String) {
        #expect(RunController.nextWaveName(name) == expected)
    }

    @Test("the live summary shows counts and SVG bars from the minimum group on, hidden below it")
    func liveSummary() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf)
            let respondent = Browser(client: browser.client)
            #expect(try await respondent.answer(run.path, validAnswers).status == .seeOther)
            let early = try await browser.get("/admin/runs/\(run.id)")
            expectContains(early.text, "Сводка по вопросам появится, когда ответов будет не меньше 5")
            expectLacks(early.text, "<svg class=\"bar\"")
            for q1 in ["4", "4", "3", "1"] {
                var answers = validAnswers.filter { $0.0 != "q1" }
                answers.append(("q1", q1))
                #expect(try await respondent.answer(run.path, answers).status == .seeOther)
            }
            let page = try await browser.get("/admin/runs/\(run.id)")
            expectContains(page.text, "<h3>Насколько вы удовлетворены: Питанием в школе</h3>")
            // 3 of 5 «Полностью удовлетворён» = 60 %; the bar is 60 units of 100 wide.
            expectContains(page.text, "<td>Полностью удовлетворён</td><td class=\"num\">3</td><td class=\"num\">60,0\u{00A0}%</td>")
            expectContains(page.text, "<rect width=\"60.00\" height=\"10\" fill=\"#2458a6\"/>")
            expectContains(page.text, "<td>Скорее не удовлетворён</td><td class=\"num\">0</td><td class=\"num\">0,0\u{00A0}%</td>")
            // Multiple choice: percent of those who answered.
            expectContains(page.text, "<td>Сайт школы</td><td class=\"num\">5</td><td class=\"num\">100,0\u{00A0}%</td>")
            expectContains(page.text, "в сумме больше 100")
            // Numbers: mean and median; open answers are not shown on the page.
            expectContains(page.text, "среднее 3,5, медиана 3,5")
            expectLacks(page.text, "Больше кружков")
            expectLacks(page.text, "<script")
        }
    }

    @Test("times are the organisation's and labelled", arguments: [
        ("Europe/Moscow", "МСК"), ("Asia/Yekaterinburg", "МСК+2"), ("Europe/Kaliningrad", "МСК−1"), ("Asia/Kamchatka", "МСК+9"),
        ("UTC", "UTC"), ("America/New_York", "UTC−5"), ("Asia/Kolkata", "МСК+2:30"),
    ])
    func zoneLabels(_ identifier: String, _ label: String) throws {
        let zone = try #require(TimeZone(identifier: identifier))
        // Labels use the zone's current offset; New York's changes in summer.
        if identifier == "America/New_York" && zone.isDaylightSavingTime() { return }
        #expect(ConsoleClock(timeZone: zone).label == label)
    }

    @Test("a run in another time zone opens by that zone's clock and says so")
    func otherZone() async throws {
        let zone = try #require(TimeZone(identifier: "Asia/Yekaterinburg"))
        let fixture = try Fixture(timeZone: zone)
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            // Opens one hour from now in Yekaterinburg: not open yet, though it is earlier than that in Moscow and UTC.
            let clock = ConsoleClock(timeZone: zone)
            let opens = Dates.toInput(clock.now(Date().addingTimeInterval(3600)))
            let run = try await browser.createRun(csrf: csrf, opens: opens)
            let page = try await browser.get("/admin/runs/\(run.id)")
            expectContains(page.text, "МСК+2. Состояние: <strong>ещё не начался</strong>")
            let form = try await Browser(client: browser.client).get(run.path)
            #expect(form.status == .forbidden)
            expectContains(form.text, "МСК+2")
        }
    }

    @Test("without questionnaires the console says where it looks and which flag fixes it")
    func emptyCatalog() async throws {
        let fixture = try Fixture()
        for file in try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path) where file.hasSuffix(".yaml") {
            try FileManager.default.removeItem(at: fixture.folder.appendingPathComponent(file))
        }
        try await fixture.test { browser in
            _ = try await browser.signIn()
            for route in ["/admin", "/admin/runs/new", "/admin/questionnaires"] {
                let page = try await browser.get(route)
                expectContains(page.text, fixture.folder.standardizedFileURL.path)
                expectContains(page.text, "anketa serve --questionnaires /путь/к/Questionnaires")
            }
        }
    }
}
