import AnketaStore
import AnketaWeb
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite("Signing in and out")
struct AuthTests {
    @Test("GET /login shows a form and sets an HttpOnly, SameSite=Strict CSRF cookie")
    func loginForm() async throws {
        try await Fixture().test { browser in
            let page = try await browser.get("/login")
            #expect(page.status == .ok)
            expectContains(page.text, "<form method=\"post\" action=\"/login\"")
            expectContains(page.text, "name=\"password\" type=\"password\"")
            let cookie = try #require(page.setCookie("anketa_csrf"))
            expectContains(cookie, "HttpOnly")
            expectContains(cookie, "SameSite=Strict")
            expectContains(cookie, "Path=/")
            expectLacks(cookie, "Secure")
            #expect(page.csrf?.count == 64)
            #expect(cookie.hasPrefix("anketa_csrf=\(page.csrf ?? "-");"))
            // A second visit keeps the token and sets no new cookie.
            let again = try await browser.get("/login")
            #expect(again.setCookie("anketa_csrf") == nil)
            #expect(again.csrf == page.csrf)
        }
    }

    @Test("a wrong password is refused with 401, keeps the login and sets no session cookie")
    func wrongPassword() async throws {
        try await Fixture().test { browser in
            let form = try await browser.get("/login")
            let page = try await browser.post("/login", form.tokenFields + [("login", adminLogin), ("password", "wrong password")])
            #expect(page.status == .unauthorized)
            expectContains(page.text, "Неверный логин или пароль.")
            expectContains(page.text, "value=\"\(adminLogin)\"")
            #expect(page.setCookie("anketa_session") == nil)
            #expect(browser.cookies["anketa_session"] == nil)
            // An unknown login gets the same answer.
            let unknown = try await browser.post("/login", form.tokenFields + [("login", "nobody"), ("password", adminPassword)])
            #expect(unknown.status == .unauthorized)
            #expect(unknown.setCookie("anketa_session") == nil)
        }
    }

    @Test("a sign-in without the CSRF field or cookie is refused with 403")
    func loginWithoutCSRF() async throws {
        try await Fixture().test { browser in
            let form = try await browser.get("/login")
            let noField = try await browser.post("/login", [("login", adminLogin), ("password", adminPassword)])
            #expect(noField.status == .forbidden)
            #expect(noField.setCookie("anketa_session") == nil)
            let wrongField = try await browser.post("/login", [("csrf", String(repeating: "0", count: 64)), ("login", adminLogin), ("password", adminPassword)])
            #expect(wrongField.status == .forbidden)
            browser.cookies = [:]
            let noCookie = try await browser.post("/login", form.tokenFields + [("login", adminLogin), ("password", adminPassword)])
            #expect(noCookie.status == .forbidden)
            #expect(noCookie.setCookie("anketa_session") == nil)
        }
    }

    @Test("the right password redirects to /admin with an HttpOnly, SameSite=Strict session cookie")
    func rightPassword() async throws {
        try await Fixture().test { browser in
            let form = try await browser.get("/login")
            let page = try await browser.post("/login", form.tokenFields + [("login", adminLogin), ("password", adminPassword)])
            #expect(page.status == .seeOther)
            #expect(page.location == "/admin")
            let cookie = try #require(page.setCookie("anketa_session"))
            expectContains(cookie, "HttpOnly")
            expectContains(cookie, "SameSite=Strict")
            expectContains(cookie, "Max-Age=43200")
            expectLacks(cookie, "Secure")
            let admin = try await browser.get("/admin")
            #expect(admin.status == .ok)
            expectContains(admin.text, "Опросы")
        }
    }

    @Test("with secureCookies both cookies are Secure")
    func secureCookies() async throws {
        try await Fixture(secureCookies: true).test { browser in
            let form = try await browser.get("/login")
            #expect(form.setCookie("anketa_csrf")?.contains("Secure") == true)
            let page = try await browser.post("/login", form.tokenFields + [("login", adminLogin), ("password", adminPassword)])
            #expect(page.status == .seeOther)
            let cookie = try #require(page.setCookie("anketa_session"))
            expectContains(cookie, "Secure")
            expectContains(cookie, "HttpOnly")
            expectContains(cookie, "SameSite=Strict")
            #expect(page.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000")
        }
    }

    @Test("POST /logout ends the session; with a wrong CSRF token the session survives")
    func logout() async throws {
        try await Fixture().test { browser in
            let csrf = try await browser.signIn()
            let token = try #require(browser.cookies["anketa_session"])

            let forged = try await browser.post("/logout", [("csrf", "forged")])
            #expect(forged.status == .seeOther)
            // The browser drops its cookie, but the session itself is still valid on the server.
            browser.cookies["anketa_session"] = token
            #expect(try await browser.get("/admin").status == .ok)

            let out = try await browser.post("/logout", [("csrf", csrf)])
            #expect(out.status == .seeOther)
            #expect(out.location == "/login")
            #expect(out.setCookie("anketa_session")?.contains("Max-Age=0") == true)
            // Replaying the old cookie no longer works.
            browser.cookies["anketa_session"] = token
            let admin = try await browser.get("/admin")
            #expect(admin.status == .seeOther)
            #expect(admin.location == "/login")
        }
    }

    @Test("sign-in attempts are limited to 10 a minute per client")
    func loginRateLimit() async throws {
        try await Fixture().test { browser in
            let form = try await browser.get("/login")
            var statuses: [HTTPResponse.Status] = []
            // A different login each time: the per-account lock (after five failures) stays out of the way.
            for index in 0..<11 {
                statuses.append(try await browser.post("/login", form.tokenFields + [("login", "user\(index)"), ("password", "nope")]).status)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == .unauthorized })
            #expect(statuses.last == .tooManyRequests)
        }
    }
}
