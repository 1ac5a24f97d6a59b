import AnketaStore
import AnketaWeb
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite("Security headers")
struct SecurityHeaderTests {
    static func checkHeaders(_ page: Page, _ what: String) {
        #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, "CSP on \(what)")
        #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "CSP on \(what)")
        #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "nosniff on \(what)")
        #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "X-Frame-Options on \(what)")
        #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "Referrer-Policy on \(what)")
        #expect(page.headers[HTTPField.Name("Strict-Transport-Security")!] == nil, "no HSTS without TLS on \(what)")
    }

    @Test("every response carries CSP, nosniff, X-Frame-Options and Referrer-Policy — errors and redirects included")
    func everyResponse() async throws {
        let fixture = try Fixture(submissionsPerMinute: 2)
        try await fixture.test { browser in
            let visitor = Browser(client: browser.client)
            var pages: [(String, Page)] = []
            pages.append(("GET /login", try await visitor.get("/login")))
            pages.append(("POST /login 403", try await visitor.post("/login", [])))
            pages.append(("POST /login 401", try await visitor.post("/login", [("csrf", visitor.cookies["anketa_csrf"] ?? ""), ("login", "x"), ("password", "y")])))
            pages.append(("GET /admin redirect", try await visitor.get("/admin")))
            pages.append(("GET /", try await visitor.get("/")))
            pages.append(("no route", try await visitor.get("/no/such/page")))
            pages.append(("unknown slug", try await visitor.get("/s/nope")))

            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf)
            let closedRun = try await browser.createRun(csrf: csrf, wave: "прошлая", opens: "2020-01-01T08:00", closes: "2020-02-01T08:00")
            pages.append(("admin", try await browser.get("/admin")))
            pages.append(("run page", try await browser.get("/admin/runs/\(run.id)")))
            pages.append(("unknown run", try await browser.get("/admin/runs/999")))
            pages.append(("bad run id", try await browser.get("/admin/runs/abc")))
            pages.append(("poster", try await browser.get("/admin/runs/\(run.id)/poster")))
            pages.append(("csv", try await browser.get("/admin/runs/\(run.id)/responses.csv")))
            pages.append(("docx", try await browser.get("/admin/runs/\(run.id)/report.docx")))
            pages.append(("report", try await browser.get("/admin/runs/\(run.id)/report.html")))
            pages.append(("admin 403", try await browser.post("/admin/runs/\(run.id)/close", [])))
            pages.append(("admin 422", try await browser.post("/admin/runs", [("csrf", csrf)])))

            pages.append(("form", try await visitor.get(run.path)))
            let opened = try await visitor.get(run.path)
            pages.append(("form 422", try await visitor.post(run.path, opened.tokenFields)))
            pages.append(("form 303", try await visitor.answer(run.path, validAnswers)))
            pages.append(("form 429", try await visitor.answer(run.path, validAnswers)))
            pages.append(("thanks", try await visitor.get("\(run.path)/thanks")))
            pages.append(("closed", try await visitor.get(closedRun.path)))
            pages.append(("too large", try await visitor.post("/login", [("comment", String(repeating: "x", count: 300_000))])))

            #expect(pages.first { $0.0 == "no route" }?.1.status == .notFound)
            #expect(pages.first { $0.0 == "unknown run" }?.1.status == .notFound)
            #expect(pages.first { $0.0 == "bad run id" }?.1.status == .badRequest)
            #expect(pages.first { $0.0 == "form 429" }?.1.status == .tooManyRequests)
            #expect(pages.first { $0.0 == "too large" }?.1.status == .contentTooLarge)
            for (what, page) in pages { Self.checkHeaders(page, what) }
        }
    }
}

@Suite("Downloads")
struct DownloadTests {
    @Test("responses.csv: text/csv, a BOM and a Google-Forms-style header")
    func csv() async throws {
        try await Fixture().test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: browser.client)
            #expect(try await respondent.answer(run.path, validAnswers).status == .seeOther)
            let csv = try await browser.get("/admin/runs/\(run.id)/responses.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(csv.headers[.contentDisposition]?.contains("filename*=UTF-8''webtest-2026-%D0%B2%D0%B5%D1%81%D0%BD%D0%B0.csv") == true)
            #expect(csv.headers[.cacheControl] == "no-store")
            #expect(Array(csv.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let lines = String(decoding: csv.bytes.dropFirst(3), as: UTF8.self).split(whereSeparator: \.isNewline)
            #expect(lines.count == 2)
            let header = try #require(lines.first)
            #expect(header.hasPrefix("Отметка времени,Насколько вы удовлетворены [Питанием в школе],Насколько вы удовлетворены [Безопасностью ребёнка]"))
            expectContains(String(header), "Откуда вы узнаёте о жизни школы? [Сайт школы]")
            #expect(lines[1].contains("Полностью удовлетворён,Затрудняюсь ответить"))
            #expect(lines[1].contains("3.5"))
        }
    }

    @Test("report.docx is a ZIP (starts with PK) and report.html is a page")
    func reports() async throws {
        try await Fixture().test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: browser.client)
            for _ in 0..<5 { #expect(try await respondent.answer(run.path, validAnswers).status == .seeOther) }
            let docx = try await browser.get("/admin/runs/\(run.id)/report.docx")
            #expect(docx.status == .ok)
            #expect(Array(docx.bytes.prefix(2)) == Array("PK".utf8))
            #expect(docx.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(docx.headers[.contentDisposition]?.contains(".docx") == true)
            let html = try await browser.get("/admin/runs/\(run.id)/report.html")
            #expect(html.status == .ok)
            #expect(html.headers[.contentType] == "text/html; charset=utf-8")
            expectContains(html.text, "Тестовая анкета")
            expectContains(html.text, "Школа № 1")
        }
    }

    @Test("the poster has the QR code as an SVG with a path and the public link")
    func poster() async throws {
        try await Fixture().test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let poster = try await browser.get("/admin/runs/\(run.id)/poster")
            #expect(poster.status == .ok)
            let svg = try #require(poster.text.range(of: "<svg"))
            #expect(poster.text[svg.lowerBound...].contains("<path"))
            expectContains(poster.text, "</svg>")
            expectContains(poster.text, "https://anketa.test\(run.path)")
            expectContains(poster.text, "<h1>Тестовая анкета</h1>")
        }
    }
}
