import AnketaCore
import AnketaStore
import Foundation
import Hummingbird

/// The checks every console route makes: a session, a changed one-time password, the CSRF token of a
/// POST, the role, and the unit of the run asked for.
extension WebApp {
    /// The signed-in user, or — for a visitor who is not signed in — the way to the login page. A user
    /// with a one-time password is sent to the password page first (unless this is that page).
    func consoleUser(_ request: Request, passwordPage: Bool = false) async throws -> ConsoleUser {
        guard let token = request.cookies[WebApp.sessionCookie]?.value, !token.isEmpty,
              let (session, user) = try await store.sessionUser(token: token, now: clock.now()) else {
            throw ResponseRefusal(Reply.redirect("/login"))
        }
        if user.mustChangePassword && !passwordPage { throw ResponseRefusal(Reply.redirect("/admin/password")) }
        return ConsoleUser(session: session, user: user)
    }

    /// The user and form of a POST whose CSRF token matches.
    func consolePost(_ request: Request, _ context: AppRequestContext, passwordPage: Bool = false) async throws -> (ConsoleUser, FormData) {
        let user = try await consoleUser(request, passwordPage: passwordPage)
        let form = try await self.form(request, context)
        guard Tokens.equal(user.session.csrf, form["csrf"] ?? "") else {
            throw ResponseRefusal(message("Форма устарела", "Обновите страницу и повторите действие.", status: .forbidden))
        }
        return (user, form)
    }

    /// Refuses a school administrator (pages only a municipal methodist may open).
    func requireMethodist(_ user: ConsoleUser) throws {
        guard user.isMethodist else {
            throw ResponseRefusal(page("message", MessageView(heading: "Нет доступа",
                                                              text: "Этот раздел доступен только муниципальному методисту. Обратитесь к нему, если нужно завести пользователя или сменить чужой пароль."),
                                       title: "Нет доступа", admin: user, status: .forbidden))
        }
    }

    /// The run of the route's `:id` with its wave and questionnaire: 404 when there is none, 403
    /// when it belongs to another school than the user's.
    func consoleRun(_ context: AppRequestContext, for user: ConsoleUser) async throws -> (SurveyRun, Wave, Questionnaire) {
        let id = try context.parameters.require("id", as: Int64.self)
        guard let (run, wave) = try await store.run(id: id) else { throw HTTPError(.notFound) }
        guard user.user.mayAccess(unit: wave.unit) else {
            throw ResponseRefusal(page("message", MessageView(heading: "Нет доступа",
                                                              text: "Этот опрос проводит другая организация. Администратор школы видит только опросы своей школы."),
                                       title: "Нет доступа", admin: user, status: .forbidden))
        }
        return (run, wave, try await store.questionnaire(id: wave.questionnaireID, version: wave.questionnaireVersion))
    }

    /// Runs `body`, turning a refusal into its page.
    func guarded(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let refusal as ResponseRefusal {
            return refusal.response
        }
    }
}
