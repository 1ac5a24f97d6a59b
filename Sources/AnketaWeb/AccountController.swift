import AnketaStore
import Foundation
import Hummingbird
import HummingbirdBcrypt

/// Console accounts: changing one's own password (forced after a one-time password) and, for a
/// municipal methodist, the users page — creating users with a role and resetting passwords.
struct AccountController: Sendable {
    let app: WebApp

    static let minimumPasswordLength = 10

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/password", use: showPassword)
        router.post("/admin/password", use: changePassword)
        router.get("/admin/users", use: users)
        router.post("/admin/users", use: createUser)
        router.post("/admin/users/:id/reset", use: resetPassword)
    }

    // MARK: - Own password

    struct PasswordView {
        let csrf: String
        let forced: Bool
        let error: String?
        let minimum: Int
    }

    @Sendable func showPassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request, passwordPage: true)
            return app.page("password", PasswordView(csrf: user.session.csrf, forced: user.user.mustChangePassword, error: nil,
                                                     minimum: Self.minimumPasswordLength),
                            title: "Смена пароля", admin: user)
        }
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, form) = try await app.consolePost(request, context, passwordPage: true)
            func refuse(_ message: String, status: HTTPResponse.Status = .unprocessableContent) -> Response {
                app.page("password", PasswordView(csrf: user.session.csrf, forced: user.user.mustChangePassword, error: message,
                                                  minimum: Self.minimumPasswordLength),
                         title: "Смена пароля", admin: user, status: status)
            }
            let login = user.user.login
            // Guessing the current password here counts against the same lock as the login page.
            if let remaining = await app.loginThrottle.lockRemaining(login) {
                let minutes = max(1, Int((remaining / 60).rounded(.up)))
                return refuse("Слишком много неверных паролей. Попробуйте через \(AuthController.minutes(minutes)).", status: .tooManyRequests)
            }
            let current = form["current"] ?? "", new = form["new"] ?? "", repeated = form["repeat"] ?? ""
            guard await AuthController.verify(current, hash: user.user.passwordHash) else {
                await app.loginThrottle.recordFailure(login)
                return refuse("Текущий пароль введён неверно.")
            }
            guard new.count >= Self.minimumPasswordLength else {
                return refuse("Новый пароль слишком короткий: нужно не меньше \(Self.minimumPasswordLength) символов.")
            }
            guard new == repeated else { return refuse("Новый пароль и повтор не совпадают.") }
            guard new != current else { return refuse("Новый пароль совпадает с прежним — придумайте другой.") }
            guard let id = user.user.id else { throw HTTPError(.internalServerError) }
            let hash = await hash(new)
            try await app.store.setPassword(adminID: id, passwordHash: hash, mustChange: false, keeping: user.session.token)
            await app.loginThrottle.recordSuccess(login)
            context.logger.info("password changed", metadata: ["user": "\(id)"])
            return Reply.redirect("/admin?password=changed")
        }
    }

    // MARK: - Users (methodist only)

    struct UserRow {
        let id: Int64
        let login: String
        let role: String
        let pending: Bool
        let isSelf: Bool
    }

    struct RoleOption {
        let value: String
        let title: String
        let checked: Bool
    }

    struct UsersView {
        let csrf: String
        let users: [UserRow]
        let roles: [RoleOption]
        let login: String
        let unit: String
        let units: [String]
        let error: String?
        /// A one-time password just made, shown once.
        let issued: [Issued]
    }

    struct Issued {
        let login: String
        let password: String
        let isNew: Bool
    }

    private func usersView(_ user: ConsoleUser, form: FormData? = nil, error: String? = nil, issued: Issued? = nil) async throws -> UsersView {
        let rows = try await app.store.admins().map {
            UserRow(id: $0.id ?? 0, login: $0.login, role: ConsoleUser.title(of: $0), pending: $0.mustChangePassword, isSelf: $0.id == user.user.id)
        }
        let chosen = form?["role"] ?? ConsoleRole.schoolAdministrator.rawValue
        let units = Set(try await app.store.waves().map(\.wave.unit).filter { !$0.isEmpty }).sorted()
        return UsersView(csrf: user.session.csrf, users: rows,
                         roles: ConsoleRole.allCases.map { RoleOption(value: $0.rawValue, title: ConsoleUser.roleName($0), checked: $0.rawValue == chosen) },
                         login: issued == nil ? form?["login"] ?? "" : "", unit: issued == nil ? form?["unit"] ?? "" : "", units: units,
                         error: error, issued: issued.map { [$0] } ?? [])
    }

    @Sendable func users(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            try app.requireMethodist(user)
            return app.page("users", try await usersView(user), title: "Пользователи", admin: user, wide: true)
        }
    }

    @Sendable func createUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, form) = try await app.consolePost(request, context)
            try app.requireMethodist(user)
            func refuse(_ message: String) async throws -> Response {
                app.page("users", try await usersView(user, form: form, error: message), title: "Пользователи", admin: user, wide: true,
                         status: .unprocessableContent)
            }
            let login = (form["login"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !login.isEmpty, login.count <= 64, !login.contains(where: { $0.isWhitespace || $0 == "\u{0}" }) else {
                return try await refuse("Логин — одно слово без пробелов, не длиннее 64 символов, например zavuch-sosh1.")
            }
            guard let role = form["role"].flatMap(ConsoleRole.init(rawValue:)) else { return try await refuse("Выберите роль.") }
            let unit = role == .methodist ? "" : (form["unit"] ?? "").trimmingCharacters(in: .whitespaces)
            if role == .schoolAdministrator {
                guard !unit.isEmpty else {
                    return try await refuse("Укажите школу администратора — так же, как она записана в опросах (поле «Школа или подразделение»).")
                }
                guard !unit.unicodeScalars.contains("\u{0}") else { return try await refuse("Название школы не должно содержать нулевой байт.") }
            }
            let password = Tokens.password()
            let passwordHash = await hash(password)
            guard try await app.store.createAdmin(login: login, passwordHash: passwordHash, role: role, unit: unit, mustChangePassword: true) != nil else {
                return try await refuse("Логин «\(login)» уже занят — выберите другой или сбросьте пароль этого пользователя в списке.")
            }
            context.logger.info("console user created", metadata: ["role": "\(role.rawValue)"])
            return app.page("users", try await usersView(user, issued: Issued(login: login, password: password, isNew: true)), title: "Пользователи",
                            admin: user, wide: true)
        }
    }

    @Sendable func resetPassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, _) = try await app.consolePost(request, context)
            try app.requireMethodist(user)
            let id = try context.parameters.require("id", as: Int64.self)
            guard let target = try await app.store.admin(id: id) else { throw HTTPError(.notFound) }
            let password = Tokens.password()
            let passwordHash = await hash(password)
            // The user's sessions end (the methodist's own stays, if they reset themselves).
            try await app.store.setPassword(adminID: id, passwordHash: passwordHash, mustChange: true,
                                      keeping: id == user.user.id ? user.session.token : nil)
            await app.loginThrottle.recordSuccess(target.login)
            context.logger.info("password reset", metadata: ["user": "\(id)"])
            let fresh = try await app.consoleUser(request, passwordPage: true)
            return app.page("users", try await usersView(fresh, issued: Issued(login: target.login, password: password, isNew: false)),
                            title: "Пользователи", admin: fresh, wide: true)
        }
    }

    /// bcrypt is slow by design: hash off the event loop.
    private func hash(_ password: String) async -> String {
        let cost = UInt8(clamping: app.configuration.passwordCost)
        return await Task.detached { Bcrypt.hash(password, cost: cost) }.value
    }
}
