import AnketaCore
import AnketaStore
import Foundation
import Hummingbird
import HummingbirdBcrypt

/// Signing in and out of the admin console.
struct AuthController: Sendable {
    let app: WebApp

    /// Sessions last 12 hours.
    static let sessionLifetime: TimeInterval = 12 * 3600

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/login", use: showLogin)
        router.post("/login", use: login)
        router.post("/logout", use: logout)
    }

    struct LoginView {
        let csrf: String
        let login: String
        let error: String?
    }

    @Sendable func showLogin(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (token, isNew) = app.visitorToken(request)
        var response = app.page("login", LoginView(csrf: token, login: "", error: nil), title: "Вход")
        if isNew { response.setCookie(app.cookie(WebApp.csrfCookie, token)) }
        return response
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await app.form(request, context)
        guard app.visitorTokenMatches(request, form) else {
            return app.message("Форма устарела", "Откройте страницу входа заново.", status: .forbidden)
        }
        guard await app.logins.allow(app.clientKey(request, context)) else {
            return app.page("login", LoginView(csrf: form["csrf"] ?? "", login: form["login"] ?? "", error: "Слишком много попыток входа. Подождите минуту."),
                            title: "Вход", status: .tooManyRequests)
        }
        let login = (form["login"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        // Per account: after a few failures the login is locked for a while, known or not.
        if let remaining = await app.loginThrottle.lockRemaining(login) {
            let minutes = max(1, Int((remaining / 60).rounded(.up)))
            context.logger.notice("sign-in refused: login locked", metadata: ["login": "\(login.prefix(64))"])
            return app.page("login", LoginView(csrf: form["csrf"] ?? "", login: login,
                                               error: "Слишком много неудачных попыток входа под этим логином. Попробуйте через \(Self.minutes(minutes))."),
                            title: "Вход", status: .tooManyRequests)
        }
        let admin = try await app.store.admin(login: login)
        // An unknown login is checked against a dummy hash of the same cost, so the time taken does
        // not tell which logins exist.
        let verified = await Self.verify(password, hash: admin?.passwordHash ?? Self.dummyHash)
        guard let admin, let id = admin.id, verified else {
            await app.loginThrottle.recordFailure(login)
            context.logger.notice("failed sign-in", metadata: ["login": "\(login.prefix(64))"])
            return app.page("login", LoginView(csrf: form["csrf"] ?? "", login: login, error: "Неверный логин или пароль."),
                            title: "Вход", status: .unauthorized)
        }
        await app.loginThrottle.recordSuccess(login)
        let session = AdminSession(token: Tokens.hex(), adminID: id, csrf: Tokens.hex(),
                                   expiresAt: app.clock.now(Date().addingTimeInterval(Self.sessionLifetime)))
        try await app.store.createSession(session)
        // A one-time password (first start, a new user, a reset) is changed before anything else.
        var response = Reply.redirect(admin.mustChangePassword ? "/admin/password" : "/admin")
        response.setCookie(app.cookie(WebApp.sessionCookie, session.token, maxAge: Int(Self.sessionLifetime)))
        return response
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await app.form(request, context)
        if let session = try await app.adminSession(request), Tokens.equal(session.csrf, form["csrf"] ?? "") {
            try await app.store.deleteSession(token: session.token)
        }
        var response = Reply.redirect("/login")
        response.setCookie(app.cookie(WebApp.sessionCookie, "", maxAge: 0))
        return response
    }

    /// A bcrypt hash (cost 12, as `anketa admin create` makes) of a password nobody uses, verified
    /// for unknown logins.
    static let dummyHash = "$2b$12$8Y58LwnGDWOHzoqkFuMEJ.8a7axsRkodEuP93zJKXRtmWJcicF1Le"

    static let minutes = RussianPlural("минуту", "минуты", "минут")

    /// bcrypt is slow by design: run it off the event loop.
    static func verify(_ password: String, hash: String) async -> Bool {
        await Task.detached { Bcrypt.verify(password, hash: hash) }.value
    }
}

extension WebApp {
    /// The signed-in admin's session, if any.
    func adminSession(_ request: Request) async throws -> AdminSession? {
        guard let token = request.cookies[WebApp.sessionCookie]?.value, !token.isEmpty else { return nil }
        return try await store.session(token: token, now: clock.now())
    }
}
