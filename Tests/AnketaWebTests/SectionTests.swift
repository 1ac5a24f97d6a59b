import AnketaCore
import AnketaStore
import AnketaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Answers of each page of `webtest-sections`: «Основное», «О вас», «Ваше мнение».
let sectionAnswers: [[(String, String)]] = [
    [("q1", "4"), ("q2", "__no_answer__"), ("sources", "site"), ("sources", "chat")],
    [("hours", "3,5"), ("class", "5А")],
    [("comment", "Больше кружков")],
]

extension Browser {
    /// Opens a sectioned form and goes through every page with «Далее»; returns the review page and
    /// the fields its form posts.
    func fillSections(_ path: String, pages: [[(String, String)]] = sectionAnswers) async throws -> (review: Page, fields: [(String, String)]) {
        var page = try await get(path)
        guard page.status == .ok, let token = page.formToken else { throw TestFailure("form not shown: \(page.status)") }
        for (index, answers) in pages.enumerated() {
            let next = try await post(path, page.tokenFields + [("page", String(index + 1)), ("go", "next")] + answers)
            guard next.status == .seeOther, let location = next.location else { throw TestFailure("page \(index + 1) refused: \(next.status) \(next.text)") }
            page = try await get(location)
            guard page.status == .ok else { throw TestFailure("\(location): \(page.status)") }
        }
        guard page.text.contains("<h1>Проверьте ответы</h1>") else { throw TestFailure("not the review page") }
        return (page, [("csrf", page.csrf ?? ""), ("form", token), ("page", "review"), ("go", "send")])
    }
}

@Suite("Form by sections")
struct SectionTests {
    @Test("the first page shows one section, «Раздел 1 из 3», a progress bar and «Далее» only")
    func firstPage() async throws {
        try await Fixture().test { browser in
            let (run, respondent) = try await browser.sectionsRun()
            let page = try await respondent.get(run.path)
            #expect(page.status == .ok)
            let html = page.text
            expectContains(html, "<title>Раздел 1 из 3 — Анкета по разделам</title>")
            expectContains(html, "<p class=\"progress-text\">Раздел 1 из 3</p>")
            expectContains(html, "role=\"progressbar\" aria-label=\"Раздел 1 из 3\" aria-valuemin=\"1\" aria-valuemax=\"3\" aria-valuenow=\"1\"><span style=\"width: 25%\">")
            expectContains(html, "Короткая анкета для проверки веб-формы.")
            expectContains(html, "<h2>Основное</h2>")
            expectLacks(html, "<h2>О вас</h2>")
            expectLacks(html, "name=\"class\"")
            expectContains(html, "<input type=\"hidden\" name=\"page\" value=\"1\">")
            expectContains(html, "<button type=\"submit\" name=\"go\" value=\"next\">Далее</button>")
            expectLacks(html, "value=\"back\"")
            expectLacks(html, "value=\"send\"")
            // The display form of an option; the others keep their label.
            expectContains(html, "<input type=\"radio\" name=\"q1\" value=\"4\"> <span>Полностью удовлетворён(а)</span>")
            expectContains(html, "<input type=\"radio\" name=\"q1\" value=\"3\"> <span>Скорее удовлетворён</span>")
            #expect(page.formToken?.count == 64)
            #expect(page.formToken != page.csrf)
            // Every opening of the link is a new filling with its own form token.
            #expect(try await respondent.get(run.path).formToken != page.formToken)
        }
    }

    @Test("«Далее» checks only the page's questions: 422 with the summary, nothing else asked, the answers kept")
    func perSectionValidation() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let (run, respondent) = try await browser.sectionsRun()
            let form = try await respondent.get(run.path)
            let page = try await respondent.post(run.path, form.tokenFields + [("page", "1"), ("go", "next"), ("q2", "3")])
            #expect(page.status == .unprocessableContent)
            let html = page.text
            expectContains(html, "Чтобы продолжить: нужно ответить ещё на 2\u{00A0}вопроса")
            expectContains(html, "<a href=\"#q-q1\">Питанием в школе — выберите один из вариантов</a>")
            expectContains(html, "<a href=\"#q-sources\">Откуда вы узнаёте о жизни школы? — отметьте хотя бы один вариант</a>")
            expectLacks(html, "q-class")  // the next page's required question is not asked yet
            expectContains(html, "<input type=\"radio\" name=\"q2\" value=\"3\" checked>")
            expectContains(html, "<title>Ошибка: Раздел 1 из 3 — Анкета по разделам</title>")
            #expect(page.formToken == form.formToken)
            #expect(try fixture.store.draftCount() == 1)
            #expect(try fixture.responses(run: run.id).isEmpty)
        }
    }

    @Test("«Далее» and «Назад» keep every page's answers in the draft")
    func nextAndBack() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let (run, respondent) = try await browser.sectionsRun()
            let form = try await respondent.get(run.path)
            let token = try #require(form.formToken)
            let next = try await respondent.post(run.path, form.tokenFields + [("page", "1"), ("go", "next")] + sectionAnswers[0])
            #expect(next.status == .seeOther)
            #expect(next.location == "\(run.path)/f/\(token)/2")
            let second = try await respondent.get("\(run.path)/f/\(token)/2")
            expectContains(second.text, "<p class=\"progress-text\">Раздел 2 из 3</p>")
            expectContains(second.text, "<h2>О вас</h2>")
            expectContains(second.text, "<button type=\"submit\" name=\"go\" value=\"back\" class=\"secondary\">Назад</button>")
            expectLacks(second.text, "Короткая анкета для проверки веб-формы.")  // the intro is on the first page only
            // «Назад» with a half-filled page: no validation, the typed answer is kept.
            let back = try await respondent.post(run.path, second.tokenFields + [("page", "2"), ("go", "back"), ("class", "7Б")])
            #expect(back.status == .seeOther)
            #expect(back.location == "\(run.path)/f/\(token)/1")
            let first = try await respondent.get(try #require(back.location))
            expectContains(first.text, "<input type=\"radio\" name=\"q1\" value=\"4\" checked>")
            expectContains(first.text, "<input type=\"checkbox\" name=\"sources\" value=\"chat\" checked>")
            expectContains(first.text, "<input type=\"radio\" name=\"q2\" value=\"__no_answer__\" checked>")
            let again = try await respondent.get("\(run.path)/f/\(token)/2")
            expectContains(again.text, "<input id=\"class\" name=\"class\" type=\"text\" maxlength=\"300\" value=\"7Б\">")
            // A page number outside the form is not found.
            #expect(try await respondent.get("\(run.path)/f/\(token)/9").status == .notFound)
            #expect(try fixture.responses(run: run.id).isEmpty)
        }
    }

    @Test("the review page lists every answer as shown, with links to change each section; «Отправить» stores it")
    func reviewAndSend() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let (run, respondent) = try await browser.sectionsRun()
            var pages = sectionAnswers
            pages[2] = []  // the optional comment left empty
            let (review, fields) = try await respondent.fillSections(run.path, pages: pages)
            let html = review.text
            let token = fields[1].1
            expectContains(html, "<title>Проверьте ответы — Анкета по разделам</title>")
            expectContains(html, "<p class=\"progress-text\">Все разделы заполнены</p>")
            expectContains(html, "<dt>Насколько вы удовлетворены: Питанием в школе</dt><dd>Полностью удовлетворён(а)</dd>")
            expectContains(html, "<dd>Затрудняюсь ответить</dd>")
            expectContains(html, "<dd>Сайт школы; Родительский чат, мессенджеры</dd>")
            expectContains(html, "<dt>Ваши предложения</dt><dd class=\"missing\">нет ответа</dd>")
            expectContains(html, "<a href=\"\(run.path)/f/\(token)/2\">Изменить</a>")
            expectContains(html, "<button type=\"submit\" name=\"go\" value=\"send\">Отправить</button>")
            // «Назад» from the review page goes to the last section.
            let back = try await respondent.post(run.path, fields.filter { $0.0 != "go" } + [("go", "back")])
            #expect(back.location == "\(run.path)/f/\(token)/3")

            let sent = try await respondent.post(run.path, fields)
            #expect(sent.status == .seeOther)
            #expect(sent.location == "\(run.path)/thanks")
            let stored = try fixture.responses(run: run.id)
            #expect(stored.count == 1)
            #expect(stored.first?["q1"] == .option("4"))  // stored under the code, not the display text
            #expect(stored.first?["q2"] == .noAnswer)
            #expect(stored.first?["hours"] == .number(3.5))
            #expect(stored.first?["comment"] == nil)
            #expect(try fixture.store.draftCount() == 0)  // the draft goes with the submission
        }
    }

    @Test("sending with a gap (a page skipped by a crafted POST) shows the first page with a problem")
    func sendWithGap() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let (run, respondent) = try await browser.sectionsRun()
            let form = try await respondent.get(run.path)
            _ = try await respondent.post(run.path, form.tokenFields + [("page", "1"), ("go", "next")] + sectionAnswers[0])
            let sent = try await respondent.post(run.path, form.tokenFields + [("page", "review"), ("go", "send")])
            #expect(sent.status == .unprocessableContent)
            expectContains(sent.text, "<p class=\"progress-text\">Раздел 2 из 3</p>")
            expectContains(sent.text, "<a href=\"#q-class\">Класс ребёнка — заполните это поле</a>")
            #expect(try fixture.responses(run: run.id).isEmpty)
        }
    }

    @Test("a draft is shown only in the browser that started it")
    func draftBoundToBrowser() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let (run, respondent) = try await browser.sectionsRun()
            let form = try await respondent.get(run.path)
            let token = try #require(form.formToken)
            _ = try await respondent.post(run.path, form.tokenFields + [("page", "1"), ("go", "next")] + sectionAnswers[0])
            let stranger = Browser(client: browser.client)
            let page = try await stranger.get("\(run.path)/f/\(token)/1")
            #expect(page.status == .gone)
            expectContains(page.text, "Ответы не сохранились")
            expectLacks(page.text, "checked")
            // Posting into someone else's draft is refused too.
            let opened = try await stranger.get(run.path)
            let post = try await stranger.post(run.path, [("csrf", opened.csrf ?? ""), ("form", token), ("page", "2"), ("go", "next")] + sectionAnswers[1])
            #expect(post.status == .forbidden)
            // A token this server did not make is not found.
            #expect(try await respondent.get("\(run.path)/f/\(String(repeating: "a", count: 64))/1").status == .notFound)
        }
    }

    @Test("a named questionnaire asks who answers on the first page and makes no anonymity promise")
    func namedQuestionnaire() async throws {
        let fixture = try Fixture()
        let named = sectionsYAML
            .replacingOccurrences(of: "id: webtest-sections\n", with: "id: webtest-named\nanonymous: false\nrespondent: {name: class}\n")
            .replacingOccurrences(of: "title: Анкета по разделам\n", with: "title: Именная анкета\n")
        try named.write(to: fixture.folder.appendingPathComponent("webtest-named.yaml"), atomically: true, encoding: .utf8)
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf, questionnaire: "webtest-named")
            let respondent = Browser(client: browser.client)
            let first = try await respondent.get(run.path)
            expectContains(first.text, "<h2>Кто заполняет анкету</h2>")
            expectContains(first.text, "Эта анкета не анонимная")
            expectContains(first.text, "<input id=\"class\" name=\"class\"")
            let next = try await respondent.post(run.path, first.tokenFields + [("page", "1"), ("go", "next")] + sectionAnswers[0])
            #expect(next.status == .unprocessableContent)  // the name is asked on the first page
            expectContains(next.text, "<a href=\"#q-class\">Класс ребёнка — заполните это поле</a>")
            let fixed = try await respondent.post(run.path, first.tokenFields + [("page", "1"), ("go", "next"), ("class", "Иванова А. А.")] + sectionAnswers[0])
            let second = try await respondent.get(try #require(fixed.location))
            expectContains(second.text, "<h2>О вас</h2>")
            expectLacks(second.text, "name=\"class\"")
            // Access codes of a named questionnaire: no «not linked to your name».
            let coded = try await browser.createRun(csrf: csrf, questionnaire: "webtest-named", wave: "с кодами", codes: true)
            let codePage = try await respondent.get(coded.path)
            expectLacks(codePage.text, "Код не связан с вашим именем")
            let poster = try await browser.get("/admin/runs/\(run.id)/poster")
            expectContains(poster.text, "Анкета не анонимная")
            expectLacks(poster.text, "Он анонимный")
        }
    }

    @Test("the header carries the school's name from the organisation profile")
    func schoolInHeader() async throws {
        let fixture = try Fixture(organization: OrganizationProfile(fullName: "Муниципальное бюджетное общеобразовательное учреждение «Школа № 7»",
                                                                    shortName: "МБОУ «Школа № 7»"))
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let page = try await Browser(client: browser.client).get(run.path)
            expectContains(page.text, "<span>МБОУ «Школа № 7»</span>")
            expectLacks(page.text, "<span>Анкета</span>")
        }
        try await Fixture().test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            expectContains(try await Browser(client: browser.client).get(run.path).text, "<span>Анкета</span>")
        }
    }

    @Test("a web response is stamped with the date only, and so is the use of an access code")
    func dateOnly() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            #expect(try await Browser(client: browser.client).answer(run.path, validAnswers).status == .seeOther)
            let stored = try #require(try fixture.responses(run: run.id).first)
            let day = try #require(stored.submittedAt)
            #expect(day.count == 10)
            // The organisation's day (Moscow by default), not the server's: after 21:00 UTC they differ.
            #expect(day == String(AnketaStore.localNow(timeZone: fixture.configuration.timeZone).prefix(10)))
        }
    }
}
