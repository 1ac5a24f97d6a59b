import AnketaCore
import AnketaStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Poster and access-code slips")
struct PrintTests {
    @Test("without --public-url, or with a loopback one, the console warns and the poster and slips are refused",
          arguments: [nil, "http://127.0.0.1:8080", "http://localhost:8080/", "http://[::1]:8080"])
    func refused(publicURL: String?) async throws {
        let fixture = try Fixture(publicURL: publicURL)
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let created = try await browser.post("/admin/runs", [("csrf", csrf), ("questionnaire", "webtest"), ("wave", "w"), ("unit", "Школа № 1"),
                                                                ("opens", "2020-01-01T08:00"), ("closes", "2099-01-01T08:00"), ("codes", "1")])
            let location = try #require(created.location)
            let console = try await browser.get("/admin")
            expectContains(console.text, "<div class=\"banner no-print\" role=\"alert\">")
            expectContains(console.text, "--public-url")
            for page in ["poster", "codes"] {
                let refused = try await browser.get("\(location)/\(page)")
                #expect(refused.status == .conflict)
                expectContains(refused.text, "<h1>Эту ссылку нельзя печатать</h1>")
                // The command reads whole once the markup is taken away, each word unbreakable at its hyphens.
                let words = refused.text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                expectContains(words, "anketa serve --host 0.0.0.0 --public-url https://anketa.school.ru")
                expectContains(refused.text, "<span class=\"flag\">--public-url</span>")
                expectLacks(refused.text, "<svg")
            }
            // Respondents never see the banner.
            let run = try #require(try fixture.store.runs().first?.run)
            expectLacks(try await Browser(client: browser.client).get("/s/\(run.slug)").text, "class=\"banner")
        }
    }

    @Test("the poster: the school's name, the title, one QR code and the full link; no banner")
    func poster() async throws {
        let fixture = try Fixture(organization: OrganizationProfile(fullName: "МБОУ «Средняя школа № 7»"))
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let page = try await browser.get("/admin/runs/\(run.id)/poster")
            #expect(page.status == .ok)
            let html = page.text
            expectContains(html, "<p class=\"school\">МБОУ «Средняя школа № 7»</p>")
            expectContains(html, "<h1>Тестовая анкета</h1>")
            expectContains(html, "<p class=\"muted\">Опрос родителей</p>")
            expectContains(html, "<p class=\"link\">https://anketa.test\(run.path)</p>")
            #expect(html.count(of: "<svg") == 1)
            expectContains(html, "<title>QR-код ссылки на опрос</title>")
            expectContains(html, "@page { size: A4; margin: 12mm; }")
            expectLacks(html, "class=\"banner")
            // Signed out: to the sign-in page.
            let visitor = Browser(client: browser.client)
            #expect(try await visitor.get("/admin/runs/\(run.id)/poster").location == "/login")
        }
    }

    @Test("slips: one per free code, each with its own QR code, the full link and the code")
    func slips() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn(), codes: true)
            let codes = try fixture.store.codes(run: run.id).map(\.code)
            #expect(codes.count == 30)
            let page = try await browser.get("/admin/runs/\(run.id)/codes")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.count(of: "<div class=\"slip\">") == 30)
            #expect(html.count(of: "<svg") == 30)
            #expect(html.count(of: "<div class=\"link\">https://anketa.test\(run.path)</div>") == 30)
            for code in codes { expectContains(html, "<div class=\"code\">\(code)</div>") }
            expectContains(html, "<title>QR-код с кодом \(codes[0])</title>")
            expectContains(html, "30\u{00A0}свободных кодов")
            expectContains(html, "Не записывайте, кому какой код достался")
            // A used code gets no slip.
            let respondent = Browser(client: browser.client)
            #expect(try await respondent.answer(run.path, validAnswers, code: codes[0]).status == .seeOther)
            let after = try await browser.get("/admin/runs/\(run.id)/codes")
            #expect(after.text.count(of: "<div class=\"slip\">") == 29)
            expectLacks(after.text, codes[0])
        }
    }

    @Test("the code page says that codes are not linked to names")
    func codePageSaysAnonymous() async throws {
        try await Fixture().test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn(), codes: true)
            let page = try await Browser(client: browser.client).get(run.path)
            expectContains(page.text, "<strong>Код не связан с вашим именем.</strong>")
            expectContains(page.text, "по коду нельзя узнать, кто заполнил анкету")
        }
    }
}
