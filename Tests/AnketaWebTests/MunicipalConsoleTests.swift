import AnketaCore
import AnketaStore
import AnketaTestSupport
@testable import AnketaWeb
import Foundation
import HTTPTypes
import Testing

extension Fixture {
    /// A units registry of three schools; the parents' contingent of two is known.
    /// СОШ № 5's administrator, for ``Browser/signedInAsSchoolAdministrator()``.
    func addSchoolAdministrator() throws {
        try addUser(self, login: "zavuch5", password: "пароль школы 5", role: .schoolAdministrator, unit: "sosh5")
    }

    func importRegistry() throws {
        _ = try store.importUnits([
            SchoolUnit(code: "sosh5", shortName: "СОШ № 5", fullName: "МБОУ «СОШ № 5»", kind: .secondarySchool, levels: [.primary, .basic, .secondary],
                       contingent: [.parents: 12]),
            SchoolUnit(code: "gym1", shortName: "Гимназия № 1", fullName: "МАОУ «Гимназия № 1»", kind: .gymnasium, levels: [.basic, .secondary],
                       contingent: [.parents: 40]),
            SchoolUnit(code: "nosh2", shortName: "НОШ № 2", fullName: "МБОУ «НОШ № 2»", kind: .primarySchool, levels: [.primary]),
        ])
    }
}

extension Browser {
    /// A second browser on the same server, signed in as СОШ № 5's administrator (see
    /// ``Fixture/addSchoolAdministrator()``).
    func signedInAsSchoolAdministrator() async throws -> Browser {
        let school = Browser(client: client)
        #expect(try await school.signInTo(login: "zavuch5", password: "пароль школы 5") == "/admin")
        return school
    }

    /// Creates a municipal run of `webtest` through the console; returns its id.
    func createMunicipalRun(csrf: String, schools: [String], wave: String = "2026", codes: Bool = false,
                            questionnaire: String = "webtest") async throws -> Int64 {
        var fields = [("csrf", csrf), ("questionnaire", questionnaire), ("wave", wave), ("opens", "2020-01-01T08:00"), ("closes", "2099-01-01T08:00")]
        fields += schools.map { ("school", $0) }
        if codes { fields.append(("codes", "1")) }
        let created = try await post("/admin/municipal", fields)
        guard created.status == .seeOther, let location = created.location, location.hasPrefix("/admin/municipal/"),
              let id = Int64(location.split(separator: "/").last ?? "") else {
            throw TestFailure("municipal run not created: \(created.status) \(created.text)")
        }
        return id
    }
}

@Suite("Console: municipal runs")
struct MunicipalConsoleTests {
    @Test("the methodist runs one questionnaire in chosen schools: a run, link and codes per school, one line in the list")
    func create() async throws {
        let fixture = try Fixture()
        try fixture.importRegistry()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let form = try await browser.get("/admin/municipal/new")
            #expect(form.status == .ok)
            // Every registered school is offered and ticked.
            #expect(form.text.count(of: "name=\"school\"") == 3)
            #expect(form.text.count(of: " checked> <span>") == 3)
            expectContains(form.text, "Гимназия № 1")

            let id = try await browser.createMunicipalRun(csrf: csrf, schools: ["sosh5", "gym1", "nosh2"], codes: true)
            let run = try #require(try fixture.store.municipalRun(id: id))
            #expect(run.schools.map(\.unit) == ["sosh5", "gym1", "nosh2"])
            #expect(Set(run.schools.map(\.run.slug)).count == 3)
            // Codes per school: its contingent of parents, or 30 without one.
            #expect(try run.schools.map { try fixture.store.codes(run: $0.run.id ?? 0).count } == [12, 40, 30])

            let page = try await browser.get("/admin/municipal/\(id)")
            #expect(page.status == .ok)
            for school in run.schools { expectContains(page.text, "https://anketa.test/s/\(school.run.slug)") }
            expectContains(page.text, "href=\"/admin/runs/\(run.schools[0].run.id ?? 0)\">СОШ № 5</a>")
            expectContains(page.text, "/admin/municipal/\(id)/report.docx")
            // Before anyone has answered the справка is still made (every school hidden).
            let empty = try await browser.get("/admin/municipal/\(id)/report.html")
            #expect(empty.status == .ok)
            expectContains(empty.text, "скрыто")
            #expect(try await browser.get("/admin/municipal/\(id)/report.docx").status == .ok)

            // The list: one line for the municipal run, not three school runs.
            let list = try await browser.get("/admin")
            expectContains(list.text, "href=\"/admin/municipal/\(id)\">Тестовая анкета</a>")
            for school in run.schools { expectLacks(list.text, "href=\"/admin/runs/\(school.run.id ?? 0)\"") }
        }
    }

    @Test("a municipal run is refused without schools, twice for the same wave, and where a school's wave has its own run")
    func refusals() async throws {
        let fixture = try Fixture()
        try fixture.importRegistry()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let none = try await browser.post("/admin/municipal", [("csrf", csrf), ("questionnaire", "webtest"), ("wave", "2026"),
                                                                   ("opens", "2020-01-01T08:00"), ("closes", "2099-01-01T08:00")])
            #expect(none.status == .unprocessableContent)
            expectContains(none.text, "Отметьте хотя бы одну школу.")
            // The form keeps what was typed: no school ticked now.
            #expect(none.text.count(of: " checked> <span>") == 0)

            _ = try await browser.createMunicipalRun(csrf: csrf, schools: ["sosh5"])
            let again = try await browser.post("/admin/municipal", [("csrf", csrf), ("questionnaire", "webtest"), ("wave", "2026"), ("school", "gym1"),
                                                                    ("opens", "2020-01-01T08:00"), ("closes", "2099-01-01T08:00")])
            #expect(again.status == .unprocessableContent)
            expectContains(again.text, "уже есть")

            // Гимназия № 1 already runs wave «2027» on its own.
            _ = try await browser.createRun(csrf: csrf, wave: "2027", unit: "gym1")
            let taken = try await browser.post("/admin/municipal", [("csrf", csrf), ("questionnaire", "webtest"), ("wave", "2027"), ("school", "sosh5"),
                                                                    ("school", "gym1"), ("opens", "2020-01-01T08:00"), ("closes", "2099-01-01T08:00")])
            #expect(taken.status == .unprocessableContent)
            expectContains(taken.text, "в школе Гимназия № 1")
            #expect(try fixture.store.municipalRuns().count == 1)
            #expect(try fixture.store.runs().count == 2)
        }
    }

    /// Every municipal route: the methodist's only.
    static let methodistOnly: [(HTTPRequest.Method, String)] = [
        (.get, "/admin/municipal/new"), (.post, "/admin/municipal"), (.get, "/admin/municipal/1"),
        (.get, "/admin/municipal/1/report.html"), (.get, "/admin/municipal/1/report.docx"), (.post, "/admin/municipal/1/extend"),
        (.get, "/admin/municipal/1/close"), (.post, "/admin/municipal/1/close"),
    ]

    @Test("охват on the console: a share up to 100 %, «—» without a contingent, never a share over 100 %")
    func coverageText() {
        #expect(MunicipalRunController.coverage(6, of: 12) == ("50,0\u{00A0}%", 50))
        #expect(MunicipalRunController.coverage(12, of: 12).text == "100,0\u{00A0}%")
        #expect(MunicipalRunController.coverage(3, of: nil) == ("—", nil))
        #expect(MunicipalRunController.coverage(3, of: 0) == ("—", nil))
        let over = MunicipalRunController.coverage(13, of: 12)
        #expect(over.share == nil && over.text.contains("проверьте реестр") && !over.text.contains("%"))
    }

    @Test("the console's municipal справка sets the same wave's survey of another audience beside it (a shared audience_key), as --also does")
    func companionAudiences() async throws {
        let fixture = try Fixture()
        try fixture.importRegistry()
        for (id, audience) in [("conditions-students", "students"), ("conditions-parents", "parents")] {
            try ConditionsSurvey.yaml(id, audience: audience).write(to: fixture.folder.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
        }
        try await fixture.test { methodist in
            let csrf = try await methodist.signIn()
            let students = try await methodist.createMunicipalRun(csrf: csrf, schools: ["sosh5"], questionnaire: "conditions-students")
            let parents = try await methodist.createMunicipalRun(csrf: csrf, schools: ["sosh5"], questionnaire: "conditions-parents")
            for id in [students, parents] {
                let slug = try #require(try fixture.store.municipalRun(id: id)?.schools.first?.run.slug)
                for i in 0..<6 {
                    let sent = try await Browser(client: methodist.client).answer("/s/\(slug)", [("cls", i % 2 == 0 ? "7А" : "10Б"), ("q1", "2"), ("q2", String(i % 3))])
                    #expect(sent.status == .seeOther)
                }
            }
            let page = try await methodist.get("/admin/municipal/\(students)")
            expectContains(page.text, "В справке — сопоставление с муниципальным опросом родителей той же волны")
            let html = try await methodist.get("/admin/municipal/\(students)/report.html")
            expectContains(html.text, "Единая карта дефицитов: обучающиеся, родители")
            expectLacks(html.text, "педагоги</h")
            // A questionnaire without an indicator shared by audience_key stays alone.
            let webtest = try await methodist.createMunicipalRun(csrf: csrf, schools: ["sosh5"])
            let alone = try await methodist.get("/admin/municipal/\(webtest)")
            expectLacks(alone.text, "сопоставление с")
            expectLacks(try await methodist.get("/admin/municipal/\(webtest)/report.html").text, "Единая карта дефицитов")
        }
    }

    @Test("a school administrator is refused (403) every municipal route, even with their school in the run",
          arguments: methodistOnly.map { "\($0.0.rawValue) \($0.1)" })
    func schoolAdministratorRefused(_ route: String) async throws {
        let parts = route.split(separator: " ", maxSplits: 1)
        let method: HTTPRequest.Method = parts[0] == "POST" ? .post : .get
        let fixture = try Fixture()
        try fixture.importRegistry()
        try fixture.addSchoolAdministrator()
        try await fixture.test { methodist in
            let csrf = try await methodist.signIn()
            _ = try await methodist.createMunicipalRun(csrf: csrf, schools: ["sosh5", "gym1"])

            let school = try await methodist.signedInAsSchoolAdministrator()
            let own = try await school.adminCSRF()
            let body = Browser.encode([("csrf", own), ("questionnaire", "webtest"), ("wave", "2030"), ("school", "sosh5"),
                                       ("opens", "2020-01-01T08:00"), ("closes", "2099-01-01T08:00"), ("confirm", "yes")])
            let before = try fixture.store.municipalRun(id: 1)
            let page = try await school.send(String(parts[1]), method: method, body: method == .post ? body : nil)
            #expect(page.status == .forbidden)
            expectContains(page.text, "Нет доступа")
            #expect(page.headers[.contentDisposition] == nil)
            expectLacks(page.text, "anketa.test/s/")
            #expect(try fixture.store.municipalRuns().count == 1)
            // Nothing changed: no school's run closed or extended.
            #expect(try fixture.store.municipalRun(id: 1) == before)
        }
    }

    @Test("a school administrator sees their school's run of a municipal run, and not another school's")
    func schoolAdministratorScope() async throws {
        let fixture = try Fixture()
        try fixture.importRegistry()
        try fixture.addSchoolAdministrator()
        try await fixture.test { methodist in
            let id = try await methodist.createMunicipalRun(csrf: try await methodist.signIn(), schools: ["sosh5", "gym1"])
            let run = try #require(try fixture.store.municipalRun(id: id))
            let (own, other) = (run.schools[0].run, run.schools[1].run)

            let school = try await methodist.signedInAsSchoolAdministrator()
            let list = try await school.get("/admin")
            expectContains(list.text, "href=\"/admin/runs/\(own.id ?? 0)\"")
            expectLacks(list.text, "href=\"/admin/runs/\(other.id ?? 0)\"")
            expectLacks(list.text, "/admin/municipal")
            // The registry code is shown by the school's name.
            expectContains(list.text, "администратор школы (СОШ № 5)")
            expectContains(list.text, "<h1>Опросы · СОШ № 5</h1>")
            let page = try await school.get("/admin/runs/\(own.id ?? 0)")
            #expect(page.status == .ok)
            expectContains(page.text, "https://anketa.test/s/\(own.slug)")
            let refused = try await school.get("/admin/runs/\(other.id ?? 0)")
            #expect(refused.status == .forbidden)
            expectLacks(refused.text, other.slug)
        }
    }

    @Test("the municipal справка in the console: per-school охват, a school under the minimum hidden and left out of the municipal figures")
    func report() async throws {
        let fixture = try Fixture()
        try fixture.importRegistry()
        try await fixture.test { methodist in
            let id = try await methodist.createMunicipalRun(csrf: try await methodist.signIn(), schools: ["sosh5", "gym1"])
            let run = try #require(try fixture.store.municipalRun(id: id))
            let paths = run.schools.map { "/s/\($0.run.slug)" }
            // СОШ № 5: six parents, all satisfied with meals; Гимназия № 1: two, both dissatisfied.
            for _ in 0..<6 { try await Browser(client: methodist.client).answer(paths[0], validAnswers) }
            var unhappy = validAnswers
            unhappy[0] = ("q1", "1")
            for _ in 0..<2 { try await Browser(client: methodist.client).answer(paths[1], unhappy) }

            let page = try await methodist.get("/admin/municipal/\(id)")
            expectContains(page.text, "Ответов: 8")
            expectContains(page.text, "50,0\u{00A0}%")  // 6 of 12
            expectContains(page.text, "5,0\u{00A0}% <strong>· мало</strong>")  // 2 of 40
            expectContains(page.text, "Пока меньше 5 ответов: 1\u{00A0}школа.")

            let html = try await methodist.get("/admin/municipal/\(id)/report.html")
            #expect(html.status == .ok)
            expectContains(html.text, "Охват по организациям")
            expectContains(html.text, "ещё в 1 школе ответили меньше")
            // The pooled comfort figure is СОШ № 5's alone: 100 %, not (6 + 0) / 8.
            expectContains(html.text, "100,0\u{00A0}%")
            expectLacks(html.text, "75,0\u{00A0}%")

            // A school's own справка from its run: named as in the registry, the municipal value beside its figures.
            let own = try await methodist.get("/admin/runs/\(run.schools[0].run.id ?? 0)/report.html")
            #expect(own.status == .ok)
            expectContains(own.text, "Муниципальное значение")
            expectContains(own.text, "МБОУ «СОШ № 5»")

            let docx = try await methodist.get("/admin/municipal/\(id)/report.docx")
            #expect(docx.status == .ok)
            #expect(docx.bytes.prefix(2) == [0x50, 0x4B])
            #expect(docx.headers[.contentDisposition]?.contains(".docx") == true)
        }
    }

    @Test("a school administrator is refused (403) every route of another school's run of a municipal run",
          arguments: ConsoleAccountTests.refusedToSchool.filter { $0.1.contains("/admin/runs/1") }.map { "\($0.0.rawValue) \($0.1)" })
    func otherSchoolsRunRefused(_ route: String) async throws {
        let parts = route.split(separator: " ", maxSplits: 1)
        let method: HTTPRequest.Method = parts[0] == "POST" ? .post : .get
        let fixture = try Fixture()
        try fixture.importRegistry()
        try fixture.addSchoolAdministrator()
        try await fixture.test { methodist in
            let id = try await methodist.createMunicipalRun(csrf: try await methodist.signIn(), schools: ["sosh5", "gym1"], codes: true)
            let other = try #require(try fixture.store.municipalRun(id: id)?.schools.first { $0.unit == "gym1" }?.run)
            let otherID = try #require(other.id)
            let school = try await methodist.signedInAsSchoolAdministrator()
            let own = try await school.adminCSRF()
            let body = Browser.encode([("csrf", own), ("confirm", "yes"), ("days", "7"), ("opens", "2020-01-01T08:00"), ("closes", "2030-01-01T08:00"),
                                       ("count", "5")])
            let path = String(parts[1]).replacingOccurrences(of: "/admin/runs/1", with: "/admin/runs/\(otherID)")
            let page = try await school.send(path, method: method, body: method == .post ? body : nil)
            #expect(page.status == .forbidden)
            #expect(page.headers[.contentDisposition] == nil)
            expectLacks(page.text, other.slug)
            let after = try #require(try fixture.store.run(id: otherID)).run
            #expect(after == other)
            #expect(try fixture.store.codes(run: otherID).count == 40)
        }
    }

    @Test("the methodist extends every school's run by a week and closes them all after a confirmation")
    func scheduleAll() async throws {
        let fixture = try Fixture()
        try fixture.importRegistry()
        try await fixture.test { methodist in
            let csrf = try await methodist.signIn()
            let id = try await methodist.createMunicipalRun(csrf: csrf, schools: ["sosh5", "gym1"])
            let first = try #require(try fixture.store.municipalRun(id: id)).schools[0].run
            // One school closed early on its own page.
            try fixture.store.closeRun(id: try #require(first.id), at: "2026-03-02 10:00:00")

            #expect(try await methodist.post("/admin/municipal/\(id)/extend", [("csrf", csrf)]).location == "/admin/municipal/\(id)")
            let extended = try #require(try fixture.store.municipalRun(id: id))
            #expect(extended.schools.allSatisfy { $0.run.closesAt == "2099-01-08 08:00:00" && !$0.run.closed })

            // Without the confirmation nothing closes; the page asks.
            let asked = try await methodist.post("/admin/municipal/\(id)/close", [("csrf", csrf)])
            #expect(asked.location == "/admin/municipal/\(id)/close")
            let confirm = try await methodist.get("/admin/municipal/\(id)/close")
            expectContains(confirm.text, "Опрос ещё идёт в 2 школах.")
            #expect(try fixture.store.municipalRun(id: id)?.schools.contains { $0.run.closed } == false)
            #expect(try await methodist.post("/admin/municipal/\(id)/close", [("csrf", csrf), ("confirm", "yes")]).location == "/admin/municipal/\(id)")
            #expect(try fixture.store.municipalRun(id: id)?.schools.allSatisfy(\.run.closed) == true)
        }
    }
}
