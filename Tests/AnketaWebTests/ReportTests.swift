import AnketaCore
import Testing

@Suite("Console справка: the CLI's composer, with dynamics, the profile and a grouping choice")
struct ConsoleReportTests {
    @Test("the справка compares with the previous run of the same questionnaire and unit and carries the profile")
    func dynamicsAndProfile() async throws {
        let profile = OrganizationProfile(fullName: "МБОУ «Школа № 1 г. Зареченска»", signatory: .init(position: "заместитель директора по УВР", name: "Е. А. Смирнова"),
                                          contingent: [.parents: 40])
        try await Fixture(organization: profile).test { browser in
            let csrf = try await browser.signIn()
            let earlier = try await browser.createRun(csrf: csrf, wave: "2025-весна")
            let respondent = Browser(client: browser.client)
            for _ in 0..<6 { #expect(try await respondent.answer(earlier.path, validAnswers).status == .seeOther) }
            let run = try await browser.createRun(csrf: csrf, wave: "2026-весна")
            for _ in 0..<6 { #expect(try await respondent.answer(run.path, validAnswers).status == .seeOther) }

            let page = try await browser.get("/admin/runs/\(run.id)")
            expectContains(page.text, "name=\"by\"")
            let html = try await browser.get("/admin/runs/\(run.id)/report.html").text
            expectContains(html, "Сравнение с прошлым периодом")
            expectContains(html, "Зареченска»")
            expectContains(html, "Е. А. Смирнова")
            expectContains(html, "охват — 15,0")
            // The first run has nothing to compare with.
            expectLacks(try await browser.get("/admin/runs/\(earlier.id)/report.html").text, "Сравнение с прошлым периодом")
            // An unknown grouping is ignored, not an error.
            #expect(try await browser.get("/admin/runs/\(run.id)/report.html?by=nope").status == .ok)
        }
    }

    @Test("with two or more earlier runs the console справка shows the trend over all of them, as `report --trend` does")
    func trendOverRuns() async throws {
        try await Fixture().test { browser in
            let csrf = try await browser.signIn()
            let respondent = Browser(client: browser.client)
            var last: (id: Int64, path: String)?
            for wave in ["2024-весна", "2025-весна", "2026-весна"] {
                let run = try await browser.createRun(csrf: csrf, wave: wave)
                for _ in 0..<6 { #expect(try await respondent.answer(run.path, validAnswers).status == .seeOther) }
                last = (run.id, run.path)
            }
            let html = try await browser.get("/admin/runs/\(try #require(last).id)/report.html").text
            expectContains(html, "по периодам")
            expectContains(html, "2024-весна")
        }
    }
}
