import AnketaStore
@testable import AnketaWeb
import Foundation
import HTTPTypes
import HummingbirdBcrypt
import Testing

/// A second console user, made in the store as the users page would make them.
func addUser(_ fixture: Fixture, login: String, password: String, role: ConsoleRole, unit: String = "", mustChange: Bool = false) throws {
    try fixture.store.setAdmin(login: login, passwordHash: Bcrypt.hash(password, cost: 4), role: role, unit: unit, mustChangePassword: mustChange)
}

extension Browser {
    /// Signs in and returns the redirect's target (the console, or the password page first).
    func signInTo(login: String, password: String) async throws -> String? {
        let form = try await get("/login")
        return try await post("/login", [("csrf", form.csrf ?? ""), ("login", login), ("password", password)]).location
    }
}

@Suite("Console accounts: forced password change, users and roles")
struct ConsoleAccountTests {
    static let newPassword = "новый пароль 2026"

    @Test("a one-time password must be changed before anything else; the change ends other sessions")
    func forcedPasswordChange() async throws {
        let fixture = try Fixture()
        try addUser(fixture, login: "admin", password: "одноразовый1", role: .methodist, mustChange: true)
        try await fixture.test { browser in
            let other = Browser(client: browser.client)
            #expect(try await other.signInTo(login: "admin", password: "одноразовый1") == "/admin/password")
            #expect(try await browser.signInTo(login: "admin", password: "одноразовый1") == "/admin/password")
            // Every console page leads to the password page until the password is changed.
            for route in ["/admin", "/admin/runs/new", "/admin/questionnaires", "/admin/users"] {
                let page = try await browser.get(route)
                #expect(page.status == .seeOther, "\(route)")
                #expect(page.location == "/admin/password", "\(route)")
            }
            let page = try await browser.get("/admin/password")
            #expect(page.status == .ok)
            expectContains(page.text, "Вы вошли с одноразовым паролем")
            // The navigation waits too.
            expectLacks(page.text, "href=\"/admin/questionnaires\"")
            let csrf = try #require(page.csrf)
            #expect(try await browser.post("/admin/runs", [("csrf", csrf), ("questionnaire", "webtest"), ("wave", "x"),
                                                          ("opens", "2020-01-01T08:00"), ("closes", "2099-01-01T08:00")]).location == "/admin/password")
            #expect(try fixture.store.runs().isEmpty)

            for (current, new, again, message) in [
                ("неверный", Self.newPassword, Self.newPassword, "Текущий пароль введён неверно."),
                ("одноразовый1", "короткий", "короткий", "не меньше 10 символов"),
                ("одноразовый1", Self.newPassword, "другой пароль 2026", "не совпадают"),
                ("одноразовый1", "одноразовый1", "одноразовый1", "совпадает с прежним"),
            ] {
                let refused = try await browser.post("/admin/password", [("csrf", csrf), ("current", current), ("new", new), ("repeat", again)])
                #expect(refused.status == .unprocessableContent)
                expectContains(refused.text, message)
                #expect(try fixture.store.admin(login: "admin")?.mustChangePassword == true)
            }
            let changed = try await browser.post("/admin/password", [("csrf", csrf), ("current", "одноразовый1"), ("new", Self.newPassword),
                                                                    ("repeat", Self.newPassword)])
            #expect(changed.status == .seeOther)
            #expect(changed.location == "/admin?password=changed")
            #expect(try fixture.store.admin(login: "admin")?.mustChangePassword == false)
            let console = try await browser.get("/admin?password=changed")
            #expect(console.status == .ok)
            expectContains(console.text, "Пароль изменён")
            // The other session (signed in with the one-time password) has ended.
            #expect(try await other.get("/admin").location == "/login")
            // The old password no longer signs in; the new one does, straight to the console.
            let third = Browser(client: browser.client)
            #expect(try await third.signInTo(login: "admin", password: "одноразовый1") == nil)
            #expect(try await third.signInTo(login: "admin", password: Self.newPassword) == "/admin")
        }
    }

    @Test("wrong current passwords on the password page lock the login like failed sign-ins")
    func passwordPageThrottled() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            for _ in 0..<LoginThrottle.freeFailures {
                let page = try await browser.post("/admin/password", [("csrf", csrf), ("current", "не тот"), ("new", Self.newPassword),
                                                                     ("repeat", Self.newPassword)])
                #expect(page.status == .unprocessableContent)
            }
            // Locked now: even the right password is not checked.
            let locked = try await browser.post("/admin/password", [("csrf", csrf), ("current", adminPassword), ("new", Self.newPassword),
                                                                   ("repeat", Self.newPassword)])
            #expect(locked.status == .tooManyRequests)
            expectContains(locked.text, "Слишком много неверных паролей")
            let admin = try #require(try fixture.store.admin(login: adminLogin))
            #expect(Bcrypt.verify(adminPassword, hash: admin.passwordHash))
        }
    }

    @Test("a methodist creates users with roles and resets passwords; each one-time password must be changed")
    func usersPage() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let page = try await browser.get("/admin/users")
            #expect(page.status == .ok)
            expectContains(page.text, "Пользователи консоли")
            expectContains(page.text, "<td>\(adminLogin)</td><td>муниципальный методист</td>")

            // A school administrator needs a school.
            let noUnit = try await browser.post("/admin/users", [("csrf", csrf), ("login", "zavuch1"), ("role", "school_administrator"), ("unit", " ")])
            #expect(noUnit.status == .unprocessableContent)
            expectContains(noUnit.text, "Укажите школу администратора")
            let badLogin = try await browser.post("/admin/users", [("csrf", csrf), ("login", "два слова"), ("role", "methodist")])
            #expect(badLogin.status == .unprocessableContent)

            let created = try await browser.post("/admin/users", [("csrf", csrf), ("login", "zavuch1"), ("role", "school_administrator"),
                                                                 ("unit", "Школа № 1")])
            #expect(created.status == .ok)
            expectContains(created.text, "Пользователь <strong>zavuch1</strong> создан.")
            let password = try #require(created.text.range(of: "<span class=\"password\">").map { created.text[$0.upperBound...].prefix(16) })
            let user = try #require(try fixture.store.admin(login: "zavuch1"))
            #expect(user.role == .schoolAdministrator)
            #expect(user.unit == "Школа № 1")
            #expect(user.mustChangePassword)
            #expect(Bcrypt.verify(String(password), hash: user.passwordHash))
            // The login is taken now.
            let taken = try await browser.post("/admin/users", [("csrf", csrf), ("login", "zavuch1"), ("role", "methodist")])
            #expect(taken.status == .unprocessableContent)
            expectContains(taken.text, "уже занят")

            // The new user signs in and must change the password first.
            let school = Browser(client: browser.client)
            #expect(try await school.signInTo(login: "zavuch1", password: String(password)) == "/admin/password")

            // A reset gives a new one-time password and ends the user's sessions.
            let reset = try await browser.post("/admin/users/\(user.id ?? 0)/reset", [("csrf", csrf)])
            #expect(reset.status == .ok)
            expectContains(reset.text, "Пароль пользователя <strong>zavuch1</strong> сброшен")
            let second = try #require(reset.text.range(of: "<span class=\"password\">").map { reset.text[$0.upperBound...].prefix(16) })
            #expect(second != password)
            #expect(try await school.get("/admin/password").location == "/login")
            #expect(try await school.signInTo(login: "zavuch1", password: String(password)) == nil)
            #expect(try await school.signInTo(login: "zavuch1", password: String(second)) == "/admin/password")
            #expect(try await browser.post("/admin/users/99/reset", [("csrf", csrf)]).status == .notFound)
        }
    }

    /// Every route a school administrator may not use on another school's run, or at all.
    static let refusedToSchool: [(HTTPRequest.Method, String)] = [
        (.get, "/admin/users"), (.post, "/admin/users"), (.post, "/admin/users/1/reset"), (.post, "/admin/questionnaires"),
        (.get, "/admin/runs/1"), (.get, "/admin/runs/1/close"), (.post, "/admin/runs/1/close"), (.post, "/admin/runs/1/reopen"),
        (.post, "/admin/runs/1/extend"), (.post, "/admin/runs/1/dates"), (.get, "/admin/runs/1/poster"), (.get, "/admin/runs/1/codes"),
        (.post, "/admin/runs/1/codes"), (.get, "/admin/runs/1/responses.csv"), (.get, "/admin/runs/1/responses-excel.csv"),
        (.get, "/admin/runs/1/responses.xlsx"), (.get, "/admin/runs/1/report.html"), (.get, "/admin/runs/1/report.docx"),
        (.get, "/admin/runs/new?from=1"),
    ]

    @Test("a school administrator is refused (403) what belongs to another school or to the methodist",
          arguments: refusedToSchool.map { "\($0.0.rawValue) \($0.1)" })
    func schoolAdministratorRefused(_ route: String) async throws {
        let parts = route.split(separator: " ", maxSplits: 1)
        let method: HTTPRequest.Method = parts[0] == "POST" ? .post : .get
        let path = String(parts[1])
        let fixture = try Fixture()
        try addUser(fixture, login: "zavuch2", password: "пароль школы 2", role: .schoolAdministrator, unit: "Школа № 2")
        try await fixture.test { methodist in
            let csrf = try await methodist.signIn()
            let created = try await methodist.createRun(csrf: csrf, unit: "Школа № 1", codes: true)
            _ = try await Browser(client: methodist.client).answer(created.path, validAnswers, code: try fixture.store.codes(run: 1)[0].code)

            let school = Browser(client: methodist.client)
            #expect(try await school.signInTo(login: "zavuch2", password: "пароль школы 2") == "/admin")
            let own = try await school.adminCSRF()
            let body = Browser.encode([("csrf", own), ("confirm", "yes"), ("days", "7"), ("opens", "2020-01-01T08:00"), ("closes", "2030-01-01T08:00"),
                                       ("count", "5"), ("login", "x"), ("role", "methodist"), ("yaml", webtestYAML)])
            let page = try await school.send(path, method: method, body: method == .post ? body : nil)
            #expect(page.status == .forbidden)
            expectContains(page.text, "Нет доступа")
            #expect(page.headers[.contentDisposition] == nil)
            expectLacks(page.text, "anketa.test/s/")
            // Nothing changed.
            let run = try #require(try fixture.store.run(id: 1)).run
            #expect(run.closed == false)
            #expect(run.closesAt == "2099-01-01 08:00:00")
            #expect(run.opensAt == "2020-01-01 08:00:00")
            #expect(try fixture.store.codes(run: 1).count == 30)
            #expect(try fixture.store.admins().count == 2)
            #expect(try fixture.store.admin(login: adminLogin)?.mustChangePassword == false)
        }
    }

    @Test("a school administrator sees only their school's runs and creates runs only for it")
    func schoolAdministratorScope() async throws {
        let fixture = try Fixture()
        try addUser(fixture, login: "zavuch2", password: "пароль школы 2", role: .schoolAdministrator, unit: "Школа № 2")
        try await fixture.test { methodist in
            let csrf = try await methodist.signIn()
            _ = try await methodist.createRun(csrf: csrf, wave: "2026-весна", unit: "Школа № 1")
            _ = try await methodist.createRun(csrf: csrf, wave: "2026-весна", unit: "Школа № 2")
            let all = try await methodist.get("/admin")
            expectContains(all.text, "2026-весна, Школа № 1")
            expectContains(all.text, "2026-весна, Школа № 2")

            let school = Browser(client: methodist.client)
            #expect(try await school.signInTo(login: "zavuch2", password: "пароль школы 2") == "/admin")
            let list = try await school.get("/admin")
            expectContains(list.text, "2026-весна, Школа № 2")
            expectLacks(list.text, "Школа № 1")
            expectLacks(list.text, "href=\"/admin/users\"")
            expectContains(list.text, "администратор школы (Школа № 2)")
            #expect(try await school.get("/admin/runs/2").status == .ok)
            // The form does not offer a unit, and a forged one is ignored.
            let new = try await school.get("/admin/runs/new")
            expectLacks(new.text, "name=\"unit\"")
            let own = try #require(new.csrf)
            let created = try await school.post("/admin/runs", [("csrf", own), ("questionnaire", "webtest"), ("wave", "2026-осень"), ("unit", "Школа № 1"),
                                                               ("opens", "2026-01-01T08:00"), ("closes", "2099-01-01T08:00")])
            #expect(created.location == "/admin/runs/3")
            #expect(try fixture.store.run(id: 3)?.wave.unit == "Школа № 2")
            // Questionnaires: the list and the preview, not the upload.
            let questionnaires = try await school.get("/admin/questionnaires")
            #expect(questionnaires.status == .ok)
            expectContains(questionnaires.text, "Загружать анкеты может муниципальный методист.")
            #expect(try await school.get("/admin/questionnaires/webtest/preview").status == .ok)
        }
    }
}
