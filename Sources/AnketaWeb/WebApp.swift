import AnketaCore
import AnketaStore
import Crypto
import Foundation
import Hummingbird
import Logging
import Mustache

/// What every controller shares: the store, the configuration, the templates and the catalogue of
/// questionnaire definitions.
struct WebApp: Sendable {
    let store: any SurveyStore
    let configuration: WebConfiguration
    let templates: MustacheLibrary
    let submissions: RateLimiter
    let visitorSubmissions: RateLimiter
    /// «Назад» / «Далее» between the pages of a form, per visitor.
    let visitorSteps: RateLimiter
    let logins: RateLimiter
    let loginThrottle = LoginThrottle()
    /// Wrong access codes per client address.
    let codeFailures: RateLimiter
    let formTokens: FormTokens
    /// First pages of forms rendered once per run, and definitions by id and version.
    let formPages = FormPageCache()
    /// Where links point without `--public-url`: the listening address (for 0.0.0.0, this machine's
    /// first network address), never the request's `Host` header.
    let listeningURL: String
    let trustedProxies: Set<String>
    /// The organisation's time zone for run dates.
    let clock: ConsoleClock

    init(store: any SurveyStore, configuration: WebConfiguration) async throws {
        self.store = store
        self.configuration = configuration
        var library = MustacheLibrary()
        for (name, text) in Templates.all { try library.register(text, named: name) }
        templates = library
        submissions = RateLimiter(perMinute: configuration.submissionsPerMinute)
        visitorSubmissions = RateLimiter(perMinute: configuration.submissionsPerVisitor)
        visitorSteps = RateLimiter(perMinute: max(60, configuration.submissionsPerVisitor * 20))
        logins = RateLimiter(perMinute: 10)
        codeFailures = RateLimiter(perMinute: configuration.codeFailuresPerMinute)
        formTokens = FormTokens(keyHex: try await store.setting("form-token-key") { Tokens.hex(bytes: 32) })
        listeningURL = ClientAddress.listeningURL(host: configuration.host, port: configuration.port, secure: configuration.secureCookies)
        trustedProxies = Set(configuration.trustedProxies.compactMap(ClientAddress.canonical))
        clock = ConsoleClock(timeZone: configuration.timeZone)
    }

    // MARK: - Pages

    /// Renders a page template into the layout.
    func page(_ template: String, _ object: Any, title: String, admin: ConsoleUser? = nil, wide: Bool = false,
              refresh: Int? = nil, linkBanner: Bool = true, status: HTTPResponse.Status = .ok) -> Response {
        page(body: templates.render(object, withTemplate: template) ?? "", title: title, admin: admin, wide: wide, refresh: refresh,
             linkBanner: linkBanner, status: status)
    }

    /// Renders a page template into the layout for a signed-in session (looks its user up).
    func page(_ template: String, _ object: Any, title: String, admin session: AdminSession?, wide: Bool = false,
              refresh: Int? = nil, status: HTTPResponse.Status = .ok) async -> Response {
        var user: ConsoleUser?
        if let session, let admin = (try? await store.admin(id: session.adminID)) ?? nil {
            user = ConsoleUser(session: session, user: admin)
            user?.unitNames = await unitNames(for: admin)
        }
        return page(template, object, title: title, admin: user, wide: wide, refresh: refresh, status: status)
    }

    /// An HTML body made here, in the layout.
    /// `linkBanner: false` for a page that is itself about the public link (the printing refusal).
    func page(body: String, title: String, admin: ConsoleUser?, wide: Bool = false, refresh: Int? = nil,
              linkBanner: Bool = true, status: HTTPResponse.Status = .ok) -> Response {
        Reply.html(html(body: body, title: title, admin: admin, wide: wide, refresh: refresh, linkBanner: linkBanner), status: status)
    }

    /// A page template rendered into the layout, as HTML.
    func html(_ template: String, _ object: Any, title: String) -> String {
        html(body: templates.render(object, withTemplate: template) ?? "", title: title, admin: nil)
    }

    /// An HTML body in the layout, as HTML.
    func html(body: String, title: String, admin: ConsoleUser?, wide: Bool = false, refresh: Int? = nil, linkBanner: Bool = true) -> String {
        // Every console page says when links cannot reach respondents (posters and slips refuse them).
        let banner = admin == nil || !linkBanner ? nil : publicLinkProblem.map { Banner(problem: $0, hint: WebApp.publicLinkHint) }
        let layout = LayoutView(title: title, body: body, admin: admin != nil, csrf: admin?.session.csrf ?? "", wide: wide, refresh: refresh,
                                login: admin?.user.login ?? "", roleTitle: admin.map { ConsoleUser.title(of: $0.user, names: $0.unitNames) } ?? "",
                                isMethodist: admin?.isMethodist ?? false, passwordPending: admin?.user.mustChangePassword ?? false,
                                site: siteName, banner: banner)
        return templates.render(layout, withTemplate: "layout") ?? body
    }

    /// The registry's short name of a school administrator's unit, when it is a registry code.
    func unitNames(for user: Admin) async -> [String: String] {
        guard user.role == .schoolAdministrator, let unit = (try? await store.units())?.first(where: { $0.code == user.unit }) else { return [:] }
        return [unit.code: unit.shortName]
    }

    func message(_ heading: String, _ text: String, link: (href: String, text: String)? = nil, status: HTTPResponse.Status) -> Response {
        page("message", MessageView(heading: heading, text: text, linkHref: link?.href, linkText: link?.text), title: heading, status: status)
    }

    /// The header of respondents' pages: the school's short name from the organisation profile
    /// (`serve --org`), else its full name, else «Анкета».
    var siteName: String {
        guard let organization = configuration.organization else { return "Анкета" }
        let short = organization.shortName?.trimmingCharacters(in: .whitespaces) ?? ""
        return short.isEmpty ? organization.fullName : short
    }

    /// A visitor's cookie token as drafts keep it (SHA-256, hex): the database never holds the cookie itself.
    static func visitorHash(_ token: String) -> String {
        Tokens.hex(SHA256.hash(data: Array(token.utf8)))
    }

    struct LayoutView {
        let title: String
        let body: String
        let admin: Bool
        let csrf: String
        let wide: Bool
        let refresh: Int?
        let login: String
        let roleTitle: String
        let isMethodist: Bool
        /// Signed in with a one-time password: the navigation waits until it is changed.
        let passwordPending: Bool
        let site: String
        let banner: Banner?
    }

    struct Banner {
        let problem: String
        let hint: String
    }

    struct MessageView {
        let heading: String
        let text: String
        var linkHref: String? = nil
        var linkText: String? = nil
    }

    // MARK: - Questionnaires

    /// Definitions in the questionnaires folder, by id (files that do not load are skipped and logged).
    func catalog(logger: Logger) -> [(questionnaire: Questionnaire, source: String)] {
        let folder = configuration.questionnairesFolder
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }.compactMap { url -> (questionnaire: Questionnaire, source: String)? in
            guard let source = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            do {
                return (try DefinitionLoader().load(yaml: source, file: url.lastPathComponent), source)
            } catch {
                logger.warning("skipping questionnaire \(url.lastPathComponent): \(error)")
                return nil
            }
        }
    }

    // MARK: - Links

    /// The server's address for links and QR codes: `--public-url`, or else the listening address.
    var baseURL: String {
        if let configured = configuration.publicURL { return configured.hasSuffix("/") ? String(configured.dropLast()) : configured }
        return listeningURL
    }

    /// The request's form, read within the configured body timeout.
    func form(_ request: Request, _ context: AppRequestContext) async throws -> FormData {
        try await FormData.read(request, context: context, timeout: configuration.bodyTimeout)
    }

    // MARK: - Cookies

    static let sessionCookie = "anketa_session"
    static let csrfCookie = "anketa_csrf"

    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        // Values are hex tokens, always valid; SameSite=Strict keeps the cookie off cross-site requests.
        (try? Cookie.validated(name: name, value: value, maxAge: maxAge, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
            ?? Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: configuration.secureCookies, httpOnly: true)
    }

    /// The form token of a visitor without a session (double-submit cookie): the cookie's token if
    /// this server issued it, else a new one.
    func visitorToken(_ request: Request) -> (token: String, isNew: Bool) {
        if let token = request.cookies[WebApp.csrfCookie]?.value, formTokens.isValid(token) { return (token, false) }
        return (formTokens.issue(), true)
    }

    /// Whether a POSTed form carries the visitor's token, and the token is one this server issued.
    func visitorTokenMatches(_ request: Request, _ form: FormData) -> Bool {
        guard let cookie = request.cookies[WebApp.csrfCookie]?.value, let field = form["csrf"] else { return false }
        return Tokens.equal(cookie, field) && formTokens.isValid(cookie)
    }

    /// A client key for rate limiting (kept in memory only): the peer address, or — when the peer
    /// is a trusted proxy — the address it forwarded.
    func clientKey(_ request: Request, _ context: AppRequestContext) -> String {
        ClientAddress.key(peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: .anketaForwardedFor],
                          trustedProxies: trustedProxies)
    }
}
