import AnketaStore
import AnketaWeb
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite("Admin console")
struct AdminTests {
    static let getRoutes = ["/admin", "/admin/runs/new", "/admin/runs/new?from=1", "/admin/runs/1", "/admin/runs/1/poster", "/admin/runs/1/codes",
                            "/admin/runs/1/responses.csv", "/admin/runs/1/responses-excel.csv", "/admin/runs/1/responses.xlsx",
                            "/admin/runs/1/report.html", "/admin/runs/1/report.docx", "/admin/runs/1/close",
                            "/admin/password", "/admin/users", "/admin/questionnaires", "/admin/questionnaires/webtest/preview"]
    static let postRoutes = ["/admin/runs", "/admin/runs/1/close", "/admin/runs/1/codes", "/admin/runs/1/reopen", "/admin/runs/1/extend",
                             "/admin/runs/1/dates", "/admin/password", "/admin/users", "/admin/users/1/reset", "/admin/questionnaires",
                             "/admin/questionnaires/webtest/preview"]

    @Test("every admin route without a session redirects to /login and shows no data", arguments: getRoutes + postRoutes)
    func withoutSession(route: String) async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf, codes: true)
            #expect(run.id == 1)
            _ = try await browser.answer(run.path, validAnswers, code: try fixture.store.codes(run: 1)[0].code)

            let visitor = Browser(client: browser.client)
            let method: HTTPRequest.Method = Self.postRoutes.contains(route) ? .post : .get
            let page = try await visitor.send(route, method: method,
                                              body: method == .post ? Browser.encode([("csrf", csrf), ("questionnaire", "webtest"), ("wave", "x"),
                                                                                       ("opens", "2020-01-01T08:00"), ("closes", "2099-01-01T08:00"), ("count", "5"),
                                                                                       ("confirm", "yes"), ("login", "x"), ("role", "methodist"),
                                                                                       ("current", adminPassword), ("new", "0123456789ab"), ("repeat", "0123456789ab"),
                                                                                       ("yaml", webtestYAML)]) : nil)
            #expect(page.status == .seeOther)
            #expect(page.location == "/login")
            #expect(page.bytes.isEmpty)
            #expect(page.headers[.contentDisposition] == nil)

            // A made-up session token is no better than none.
            visitor.cookies["anketa_session"] = String(repeating: "a", count: 64)
            let forged = try await visitor.send(route, method: method, body: method == .post ? "csrf=\(csrf)" : nil)
            #expect(forged.status == .seeOther)
            #expect(forged.location == "/login")
            #expect(forged.bytes.isEmpty)

            // Nothing changed.
            #expect(try fixture.store.runs().count == 1)
            #expect(try fixture.store.run(id: 1)?.run.closed == false)
            #expect(try fixture.store.run(id: 1)?.run.closesAt == "2099-01-01 08:00:00")
            #expect(try fixture.store.codes(run: 1).count == 30)
            #expect(try fixture.store.admins().map(\.login) == [adminLogin])
            #expect(try fixture.store.admin(login: adminLogin)?.mustChangePassword == false)
        }
    }

    @Test("a POST with a session but a wrong CSRF token is refused with 403 and changes nothing")
    func wrongCSRF() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            _ = try await browser.createRun(csrf: csrf, codes: true)
            for token in ["", "0", String(repeating: "0", count: 64)] {
                let create = try await browser.post("/admin/runs", [("csrf", token), ("questionnaire", "webtest"), ("wave", "другая"),
                                                                    ("opens", "2020-01-01T08:00"), ("closes", "2099-01-01T08:00")])
                #expect(create.status == .forbidden)
                expectContains(create.text, "Форма устарела")
                let close = try await browser.post("/admin/runs/1/close", [("csrf", token)])
                #expect(close.status == .forbidden)
                let codes = try await browser.post("/admin/runs/1/codes", [("csrf", token), ("count", "10")])
                #expect(codes.status == .forbidden)
            }
            // Without any csrf field at all.
            #expect(try await browser.post("/admin/runs/1/close", []).status == .forbidden)
            #expect(try fixture.store.runs().count == 1)
            #expect(try fixture.store.run(id: 1)?.run.closed == false)
            #expect(try fixture.store.codes(run: 1).count == 30)
        }
    }

    @Test("the console lists runs and the new-run form offers the questionnaires")
    func consolePages() async throws {
        try await Fixture().test { browser in
            let csrf = try await browser.signIn()
            let empty = try await browser.get("/admin")
            expectContains(empty.text, "Опросов пока нет")
            #expect(try await browser.get("/").location == "/admin")

            let new = try await browser.get("/admin/runs/new")
            #expect(new.status == .ok)
            expectContains(new.text, "<option value=\"webtest\">Тестовая анкета (родители)</option>")
            #expect(new.csrf == csrf)

            _ = try await browser.createRun(csrf: csrf)
            let list = try await browser.get("/admin")
            expectContains(list.text, "<a href=\"/admin/runs/1\">Тестовая анкета</a>")
            expectContains(list.text, "2026-весна, Школа № 1")
            expectContains(list.text, "идёт")
        }
    }

    @Test("creating a run redirects to its page with the public link")
    func createRun() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let created = try await browser.post("/admin/runs", [("csrf", csrf), ("questionnaire", "webtest"), ("wave", " 2026-весна "),
                                                                 ("unit", "Школа № 1"), ("opens", "2026-01-01T08:00"), ("closes", "2099-01-01T08:00")])
            #expect(created.status == .seeOther)
            #expect(created.location == "/admin/runs/1")
            let runs = try fixture.store.runs()
            #expect(runs.count == 1)
            let run = try #require(runs.first)
            #expect(run.wave.name == "2026-весна")
            #expect(run.wave.unit == "Школа № 1")
            #expect(run.run.opensAt == "2026-01-01 08:00:00")
            #expect(run.run.closesAt == "2099-01-01 08:00:00")
            #expect(run.run.requiresCode == false)
            #expect(run.run.slug.count == 24)

            let page = try await browser.get("/admin/runs/1")
            #expect(page.status == .ok)
            expectContains(page.text, "https://anketa.test/s/\(run.run.slug)")
            expectContains(page.text, "Ответы: 0")
            expectContains(page.text, "<meta http-equiv=\"refresh\" content=\"30\">")
            expectLacks(page.text, "Коды доступа")

            // With codes=1: 30 codes and the codes section.
            let coded = try await browser.post("/admin/runs", [("csrf", csrf), ("questionnaire", "webtest"), ("wave", "2026-осень"),
                                                               ("unit", ""), ("opens", "2026-01-01T08:00"), ("closes", "2099-01-01T08:00"), ("codes", "1")])
            #expect(coded.location == "/admin/runs/2")
            #expect(try fixture.store.codes(run: 2).count == 30)
            let codedPage = try await browser.get("/admin/runs/2")
            expectContains(codedPage.text, "Коды доступа (30 свободно из 30)")

            // An unknown run id is 404.
            #expect(try await browser.get("/admin/runs/99").status == .notFound)
        }
    }

    @Test("bad input is refused with 422, the message and the entered values", arguments: [
        ("webtest", "волна-1", "2026-03-01T08:00", "2026-02-01T08:00", "Окончание должно быть позже начала."),
        ("webtest", "волна-1", "2026-03-01T08:00", "2026-03-01T08:00", "Окончание должно быть позже начала."),
        ("webtest", "   ", "2026-01-01T08:00", "2026-02-01T08:00", "Укажите название волны"),
        ("no-such-questionnaire", "волна-1", "2026-01-01T08:00", "2026-02-01T08:00", "Выберите анкету из списка."),
        ("webtest", "волна-1", "", "2026-02-01T08:00", "Укажите даты начала и окончания."),
        ("webtest", "волна-1", "завтра", "2026-02-01T08:00", "Укажите даты начала и окончания."),
    ])
    func badInput(questionnaire: String, wave: String, opens: String, closes: String, message: String) async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let page = try await browser.post("/admin/runs", [("csrf", csrf), ("questionnaire", questionnaire), ("wave", wave),
                                                              ("unit", "Гимназия <№ 2>"), ("opens", opens), ("closes", closes), ("codes", "1")])
            #expect(page.status == .unprocessableContent)
            expectContains(page.text, message)
            expectContains(page.text, "role=\"alert\"")
            expectContains(page.text, "name=\"wave\" type=\"text\" required placeholder=\"2026-весна\" value=\"\(wave)\"")
            expectContains(page.text, "value=\"Гимназия &lt;№ 2&gt;\"")
            expectContains(page.text, "name=\"opens\" type=\"datetime-local\" required value=\"\(opens)\"")
            expectContains(page.text, "name=\"closes\" type=\"datetime-local\" required value=\"\(closes)\"")
            expectContains(page.text, "name=\"codes\" value=\"1\" checked")
            if questionnaire == "webtest" { expectContains(page.text, "<option value=\"webtest\" selected>") }
            #expect(try fixture.store.runs().isEmpty)
        }
    }

    @Test("a second run for the same wave is refused with 422")
    func duplicateWave() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            _ = try await browser.createRun(csrf: csrf)
            let page = try await browser.post("/admin/runs", [("csrf", csrf), ("questionnaire", "webtest"), ("wave", "2026-весна"), ("unit", "Школа № 1"),
                                                              ("opens", "2026-01-01T08:00"), ("closes", "2099-01-01T08:00")])
            #expect(page.status == .unprocessableContent)
            expectContains(page.text, "уже есть опрос")
            #expect(try fixture.store.runs().count == 1)
        }
    }

    @Test("the run page counts responses by group (small groups together) and closing after confirmation stops the run")
    func runPageAndClose() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf)
            let respondent = Browser(client: browser.client)
            for klass in ["5А", "5А", "5А", "5А", "5А", "6Б"] {
                var answers = validAnswers.filter { $0.0 != "class" }
                answers.append(("class", klass))
                #expect(try await respondent.answer(run.path, answers).status == .seeOther)
            }
            let page = try await browser.get("/admin/runs/\(run.id)")
            expectContains(page.text, "Ответы: 6")
            expectContains(page.text, "<td>5А</td><td class=\"num\">5</td>")
            // A group under the minimum (5) is not listed by name.
            expectLacks(page.text, "<td>6Б</td>")
            expectContains(page.text, "<td>другие группы (меньше 5 в каждой, скрыты): 1</td><td class=\"num\">1</td>")
            expectContains(page.text, "Завершить сейчас")

            let closed = try await browser.post("/admin/runs/\(run.id)/close", [("csrf", csrf), ("confirm", "yes")])
            #expect(closed.status == .seeOther)
            #expect(closed.location == "/admin/runs/\(run.id)")
            #expect(try fixture.store.run(id: run.id)?.run.closed == true)
            let after = try await browser.get("/admin/runs/\(run.id)")
            expectContains(after.text, "завершён")
            expectLacks(after.text, "Завершить сейчас")
        }
    }

    @Test("adding codes through the console")
    func addCodes() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf, codes: true)
            let added = try await browser.post("/admin/runs/\(run.id)/codes", [("csrf", csrf), ("count", "5")])
            #expect(added.status == .seeOther)
            #expect(try fixture.store.codes(run: run.id).count == 35)
            // Out-of-range counts are clamped.
            _ = try await browser.post("/admin/runs/\(run.id)/codes", [("csrf", csrf), ("count", "0")])
            #expect(try fixture.store.codes(run: run.id).count == 36)
            _ = try await browser.post("/admin/runs/\(run.id)/codes", [("csrf", csrf), ("count", "100000")])
            #expect(try fixture.store.codes(run: run.id).count == 536)
        }
    }
}
