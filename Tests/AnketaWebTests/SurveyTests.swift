import AnketaCore
@testable import AnketaStore
import AnketaWeb
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Respondent's form")
struct SurveyTests {
    @Test("an open run shows the form with sections, legends, labels and required marks")
    func showForm() async throws {
        try await Fixture().test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: browser.client)
            let page = try await respondent.get(run.path)
            #expect(page.status == .ok)
            let html = page.text
            expectContains(html, "<h1>Тестовая анкета</h1>")
            expectContains(html, "Короткая анкета для проверки веб-формы.")
            expectContains(html, "<form method=\"post\" action=\"\(run.path)\" novalidate>")
            expectContains(html, "<h2>Основное</h2>")
            expectContains(html, "<h2>О вас</h2>")
            expectContains(html, "<p class=\"grid-title\">Насколько вы удовлетворены</p>")
            #expect(html.count(of: "grid-title\">") == 1)
            #expect(html.count(of: "<fieldset") == 3)
            expectContains(html, "<legend>Питанием в школе <span class=\"req\" aria-hidden=\"true\">*</span>")
            expectContains(html, "<legend>Безопасностью ребёнка</legend>")
            expectContains(html, "<fieldset id=\"q-q1\" role=\"radiogroup\" aria-required=\"true\">")
            expectContains(html, "<input type=\"radio\" name=\"q1\" value=\"4\"> <span>Полностью удовлетворён</span>")
            expectContains(html, "<label class=\"option na\"><input type=\"radio\" name=\"q2\" value=\"__no_answer__\"> <span>Затрудняюсь ответить</span></label>")
            expectContains(html, "<input type=\"checkbox\" name=\"sources\" value=\"chat\"> <span>Родительский чат, мессенджеры</span>")
            expectContains(html, "<label for=\"hours\">Сколько часов в день ребёнок тратит на домашние задания?</label>")
            expectContains(html, "<input id=\"hours\" name=\"hours\" type=\"text\" inputmode=\"decimal\" value=\"\">")
            expectContains(html, "<label for=\"class\">Класс ребёнка <span class=\"req\" aria-hidden=\"true\">*</span></label>")
            expectContains(html, "<textarea id=\"comment\" name=\"comment\" maxlength=\"4000\"></textarea>")
            #expect(html.count(of: "class=\"req\"") == 4)  // the hint plus three required questions
            expectLacks(html, "class=\"summary\"")
            let cookie = try #require(page.setCookie("anketa_csrf"))
            expectContains(cookie, "HttpOnly")
            expectContains(cookie, "SameSite=Strict")
            #expect(page.csrf == respondent.cookies["anketa_csrf"])
            #expect(page.headers[.cacheControl] == "no-store")
        }
    }

    @Test("an unknown slug is 404")
    func unknownSlug() async throws {
        try await Fixture().test { browser in
            let page = try await browser.get("/s/0123456789abcdef01234567")
            #expect(page.status == .notFound)
            expectContains(page.text, "Опрос не найден")
            #expect(try await browser.post("/s/0123456789abcdef01234567", [("csrf", "x")]).status == .notFound)
            #expect(try await browser.get("/s/0123456789abcdef01234567/thanks").status == .notFound)
        }
    }

    @Test("a run that has not started yet is 403 and takes no answers")
    func notYetOpen() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn(), opens: "2098-01-01T08:00", closes: "2099-01-01T08:00")
            let respondent = Browser(client: browser.client)
            let page = try await respondent.get(run.path)
            #expect(page.status == .forbidden)
            expectContains(page.text, "Опрос ещё не начался")
            expectContains(page.text, "01.01.2098 08:00")
            expectLacks(page.text, "<form")
            _ = try await respondent.get("/login")  // a csrf cookie from elsewhere
            let post = try await respondent.post(run.path, [("csrf", respondent.cookies["anketa_csrf"] ?? "")] + validAnswers)
            #expect(post.status == .forbidden)
            #expect(try fixture.responses(run: run.id).isEmpty)
        }
    }

    @Test("a closed run (closed in the console) is 410 and a POST stores nothing")
    func closedByAdmin() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf)
            let respondent = Browser(client: browser.client)
            let form = try await respondent.get(run.path)
            #expect(form.status == .ok)
            #expect(try await browser.post("/admin/runs/\(run.id)/close", [("csrf", csrf), ("confirm", "yes")]).status == .seeOther)

            let page = try await respondent.get(run.path)
            #expect(page.status == .gone)
            expectContains(page.text, "Опрос завершён")
            expectLacks(page.text, "<form")
            // The respondent who had the form open submits after closing.
            let post = try await respondent.post(run.path, form.tokenFields + validAnswers)
            #expect(post.status == .gone)
            #expect(try fixture.responses(run: run.id).isEmpty)
        }
    }

    @Test("a run whose closing time has passed is 410")
    func closedByDate() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn(), opens: "2020-01-01T08:00", closes: "2020-02-01T08:00")
            let respondent = Browser(client: browser.client)
            #expect(try await respondent.get(run.path).status == .gone)
            _ = try await respondent.get("/login")
            let post = try await respondent.post(run.path, [("csrf", respondent.cookies["anketa_csrf"] ?? "")] + validAnswers)
            #expect(post.status == .gone)
            #expect(try fixture.responses(run: run.id).isEmpty)
        }
    }

    @Test("a POST without the CSRF cookie or field is 403 and stores nothing")
    func submitWithoutCSRF() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: browser.client)
            let form = try await respondent.get(run.path)
            let token = try #require(form.csrf)

            let noField = try await respondent.post(run.path, validAnswers)
            #expect(noField.status == .forbidden)
            expectContains(noField.text, "Форма устарела")
            let wrongField = try await respondent.post(run.path, [("csrf", String(repeating: "f", count: 64))] + validAnswers)
            #expect(wrongField.status == .forbidden)
            respondent.cookies = [:]
            let noCookie = try await respondent.post(run.path, [("csrf", token)] + validAnswers)
            #expect(noCookie.status == .forbidden)
            #expect(try fixture.responses(run: run.id).isEmpty)
        }
    }

    @Test("missing required answers: 422, inline errors, the entered answers kept")
    func missingRequired() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: browser.client)
            let form = try await respondent.get(run.path)
            let page = try await respondent.post(run.path, form.tokenFields + [("q2", "3"), ("sources", "diary"),
                                                            ("hours", "2"), ("class", "  "), ("comment", "Мой комментарий\nвторая строка")])
            #expect(page.status == .unprocessableContent)
            let html = page.text
            expectContains(html, "<div class=\"summary\" role=\"alert\"")
            expectContains(html, "нужно ответить ещё на 2\u{00A0}вопроса")
            expectContains(html, "<a href=\"#q-q1\">Питанием в школе — выберите один из вариантов</a>")
            expectContains(html, "<a href=\"#q-class\">Класс ребёнка — заполните это поле</a>")
            expectContains(html, "<fieldset id=\"q-q1\" role=\"radiogroup\" aria-required=\"true\" class=\"invalid\" aria-describedby=\"q1-error\">")
            expectContains(html, "<p class=\"error\" id=\"q1-error\">Выберите один из вариантов</p>")
            expectContains(html, "<p class=\"error\" id=\"class-error\">Заполните это поле</p>")
            expectContains(html, "aria-invalid=\"true\" aria-describedby=\"class-error\"")
            // What was entered stays.
            expectContains(html, "<input type=\"radio\" name=\"q2\" value=\"3\" checked>")
            expectLacks(html, "name=\"q2\" value=\"4\" checked")
            expectContains(html, "<input type=\"checkbox\" name=\"sources\" value=\"diary\" checked>")
            expectLacks(html, "value=\"site\" checked")
            expectContains(html, "<input id=\"hours\" name=\"hours\" type=\"text\" inputmode=\"decimal\" value=\"2\">")
            expectContains(html, ">Мой комментарий\nвторая строка</textarea>")
            // The token stays, so the corrected form can be sent.
            #expect(page.csrf == form.csrf)
            #expect(try fixture.responses(run: run.id).isEmpty)

            let fixed = try await respondent.post(run.path, page.tokenFields + [("q1", "1"), ("q2", "3"), ("sources", "diary"),
                                                             ("class", "7В"), ("comment", "Мой комментарий")])
            #expect(fixed.status == .seeOther)
            #expect(try fixture.responses(run: run.id).count == 1)
        }
    }

    @Test("invalid values are errors, not stored", arguments: [
        ("hours", "много", "Введите число, например 12 или 3,5"),
        ("hours", "13", "Число должно быть не больше 12"),
        ("hours", "-1", "Число должно быть не меньше 0"),
        ("q2", "9", "Выберите один из предложенных вариантов"),
        ("sources", "tv", "Отметьте варианты из списка"),
    ])
    func invalidValues(field: String, value: String, message: String) async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: browser.client)
            var answers = validAnswers.filter { $0.0 != field }
            answers.append((field, value))
            let page = try await respondent.answer(run.path, answers)
            #expect(page.status == .unprocessableContent)
            expectContains(page.text, "id=\"\(field)-error\">\(message)</p>")
            #expect(try fixture.responses(run: run.id).isEmpty)
        }
    }

    @Test("valid answers: 303 to the thank-you page and the response is stored as answered")
    func validSubmission() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: browser.client)
            let page = try await respondent.answer(run.path, validAnswers + [("unknown_field", "ignored")])
            #expect(page.status == .seeOther)
            #expect(page.location == "\(run.path)/thanks")
            let thanks = try await respondent.get(page.location ?? "")
            #expect(thanks.status == .ok)
            expectContains(thanks.text, "Спасибо, ответы сохранены.")

            let stored = try fixture.responses(run: run.id)
            #expect(stored.count == 1)
            let response = try #require(stored.first)
            #expect(response["q1"] == .option("4"))
            #expect(response["q2"] == .noAnswer)
            #expect(response["sources"] == .options(["site", "chat"]))
            #expect(response["hours"] == .number(3.5))
            #expect(response["class"] == .text("5А"))
            #expect(response["comment"] == .text("Больше кружков"))
            #expect(response.answers.count == 6)
            #expect(response.submittedAt?.isEmpty == false)

            // Optional questions may be left blank.
            let minimal = try await respondent.answer(run.path, [("q1", "2"), ("sources", "diary"), ("class", "9А"), ("hours", "")])
            #expect(minimal.status == .seeOther)
            let second = try #require(try fixture.responses(run: run.id).last)
            #expect(second.answers.keys.sorted() == ["class", "q1", "sources"])
        }
    }

    @Test("no IP address is stored anywhere (a live server on a file database)")
    func noAddressStored() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-web-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("anketa.sqlite").path
        let fixture = try Fixture(databasePath: path)
        let app = Application(router: try await buildRouter(store: fixture.store, configuration: fixture.configuration),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let browser = Browser(client: client)
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: client)
            #expect(try await respondent.answer(run.path, validAnswers).status == .seeOther)
            #expect(try fixture.responses(run: run.id).count == 1)
        }
        // No column anywhere looks like an address, a user agent or a session.
        let suspicious = ["ip", "addr", "address", "remote", "host", "agent", "user_agent", "session_id", "token"]
        let columns = try await fixture.store.writer.read { db -> [String: [String]] in
            var columns: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                columns[table] = try db.columns(in: table).map(\.name)
            }
            return columns
        }
        #expect(columns["response"]?.sorted() == ["answers", "fingerprint", "id", "pending_import", "source", "submitted_at", "wave_id"])
        #expect(columns["answer"] == nil, "answers are encoded in response.answers since schema v8")
        // Form tokens are random per filling of the form: a spent one is kept with its run only (no
        // time, no response), and the draft — the only place that knows the visitor's cookie, as a
        // hash — is gone with the submission.
        #expect(columns["consumed_form_token"]?.sorted() == ["run_id", "token"])
        let drafts = try fixture.store.draftCount()
        #expect(drafts == 0)
        for (table, names) in columns where !["admin_session", "consumed_form_token", "form_draft"].contains(table) {
            for name in names { #expect(!suspicious.contains(name), "\(table).\(name)") }
        }
        // And no value anywhere holds the client's address: dump every text cell of every table.
        let cells = try await fixture.store.writer.read { db -> [String] in
            var cells: [String] = []
            for (table, names) in columns {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                    for name in names { if case .string(let text) = (row[name] as DatabaseValue).storage { cells.append(text) } }
                }
            }
            return cells
        }
        #expect(!cells.isEmpty)
        #expect(!cells.contains { $0.contains("127.0.0.1") || $0.contains("::1") || $0.contains("localhost") })
        // The raw files too (the WAL holds fresh pages).
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
            #expect(bytes.range(of: Data("127.0.0.1".utf8)) == nil, "\(file)")
        }
    }

    @Test("hostile text is escaped wherever it shows")
    func hostileText() async throws {
        let hostile = "<script>alert(1)</script>"
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf)
            let respondent = Browser(client: browser.client)

            // Re-rendered form after an error.
            let form = try await respondent.get(run.path)
            let invalid = try await respondent.post(run.path, form.tokenFields + [("class", hostile), ("comment", hostile), ("hours", hostile)])
            #expect(invalid.status == .unprocessableContent)
            expectLacks(invalid.text, hostile)
            expectContains(invalid.text, "&lt;script&gt;alert(1)&lt;/script&gt;")

            // Five responses, so that the report shows texts.
            for _ in 0..<5 {
                var answers = validAnswers.filter { $0.0 != "comment" && $0.0 != "class" }
                answers += [("comment", hostile), ("class", hostile)]
                #expect(try await respondent.answer(run.path, answers).status == .seeOther)
            }
            #expect(try fixture.responses(run: run.id).allSatisfy { $0["comment"] == .text(hostile) })

            let page = try await browser.get("/admin/runs/\(run.id)")
            expectContains(page.text, "Ответы: 5")
            expectLacks(page.text, hostile)
            expectContains(page.text, "&lt;script&gt;")

            let report = try await browser.get("/admin/runs/\(run.id)/report.html")
            #expect(report.status == .ok)
            expectLacks(report.text, "<script")
            expectContains(report.text, "&lt;script&gt;alert(1)&lt;/script&gt;")

            let csv = try await browser.get("/admin/runs/\(run.id)/responses.csv")
            #expect(csv.text.contains(hostile))  // CSV is data, not HTML: kept as typed
        }
    }

    @Test("the thank-you page of a run without an outro has a default text")
    func thanksDefault() async throws {
        let fixture = try Fixture()
        try webtestYAML.replacingOccurrences(of: "outro: Спасибо, ответы сохранены.\n", with: "")
            .write(to: fixture.folder.appendingPathComponent("webtest.yaml"), atomically: true, encoding: .utf8)
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let thanks = try await browser.get("\(run.path)/thanks")
            #expect(thanks.status == .ok)
            expectContains(thanks.text, "Ваши ответы сохранены.")
        }
    }
}

@Suite("Rate limiting")
struct RateLimitTests {
    @Test("with 2 submissions a minute, the third POST from the same client is 429 and not stored")
    func thirdPostRefused() async throws {
        let fixture = try Fixture(submissionsPerMinute: 2)
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: browser.client)
            #expect(try await respondent.answer(run.path, validAnswers).status == .seeOther)
            #expect(try await respondent.answer(run.path, validAnswers).status == .seeOther)
            let third = try await respondent.answer(run.path, validAnswers)
            #expect(third.status == .tooManyRequests)
            expectContains(third.text, "Слишком много отправок")
            // The answers are shown again, not lost.
            expectContains(third.text, "checked")
            #expect(try fixture.responses(run: run.id).count == 2)
            // Showing the form is not limited.
            #expect(try await respondent.get(run.path).status == .ok)
        }
    }
}

@Suite("Rate limiting per visitor and per address")
struct VisitorRateLimitTests {
    @Test("one visitor is limited, while other visitors from the same address (a class behind one router) are not")
    func visitorsShareAnAddress() async throws {
        let fixture = try Fixture(submissionsPerMinute: 1000, submissionsPerVisitor: 1)
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let first = Browser(client: browser.client)
            #expect(try await first.answer(run.path, validAnswers).status == .seeOther)
            #expect(try await first.answer(run.path, validAnswers).status == .tooManyRequests)
            for _ in 0..<3 {
                let classmate = Browser(client: browser.client)
                #expect(try await classmate.answer(run.path, validAnswers).status == .seeOther)
            }
            #expect(try fixture.responses(run: run.id).count == 4)
        }
    }
}
