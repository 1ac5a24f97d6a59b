import AnketaCore
import AnketaStore
import Foundation
import Hummingbird
import Logging
import Mustache

/// What every controller shares: the store, the configuration, the templates and the catalogue of
/// questionnaire definitions.
struct WebApp: Sendable {
    let store: AnketaStore
    let configuration: WebConfiguration
    let templates: MustacheLibrary
    let submissions: RateLimiter
    let visitorSubmissions: RateLimiter
    let logins: RateLimiter

    init(store: AnketaStore, configuration: WebConfiguration) throws {
        self.store = store
        self.configuration = configuration
        var library = MustacheLibrary()
        for (name, text) in Templates.all { try library.register(text, named: name) }
        templates = library
        submissions = RateLimiter(perMinute: configuration.submissionsPerMinute)
        visitorSubmissions = RateLimiter(perMinute: configuration.submissionsPerVisitor)
        logins = RateLimiter(perMinute: 10)
    }

    // MARK: - Pages

    /// Renders a page template into the layout.
    func page(_ template: String, _ object: Any, title: String, admin: AdminSession? = nil, wide: Bool = false,
              refresh: Int? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let body = templates.render(object, withTemplate: template) ?? ""
        let layout = LayoutView(title: title, body: body, admin: admin != nil, csrf: admin?.csrf ?? "", wide: wide, refresh: refresh)
        return Reply.html(templates.render(layout, withTemplate: "layout") ?? body, status: status)
    }

    func message(_ heading: String, _ text: String, status: HTTPResponse.Status) -> Response {
        page("message", MessageView(heading: heading, text: text), title: heading, status: status)
    }

    struct LayoutView {
        let title: String
        let body: String
        let admin: Bool
        let csrf: String
        let wide: Bool
        let refresh: Int?
    }

    struct MessageView {
        let heading: String
        let text: String
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

    func baseURL(_ request: Request) -> String {
        if let configured = configuration.publicURL { return configured.hasSuffix("/") ? String(configured.dropLast()) : configured }
        let host = request.head.authority ?? "\(configuration.host):\(configuration.port)"
        return "\(configuration.secureCookies ? "https" : "http")://\(host)"
    }

    // MARK: - Cookies

    static let sessionCookie = "anketa_session"
    static let csrfCookie = "anketa_csrf"

    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        // Values are hex tokens, always valid; SameSite=Strict keeps the cookie off cross-site requests.
        (try? Cookie.validated(name: name, value: value, maxAge: maxAge, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
            ?? Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: configuration.secureCookies, httpOnly: true)
    }

    /// The form token of a visitor without a session (double-submit cookie), made on first visit.
    func visitorToken(_ request: Request) -> (token: String, isNew: Bool) {
        if let token = request.cookies[WebApp.csrfCookie]?.value, token.count == 64 { return (token, false) }
        return (Tokens.hex(), true)
    }

    /// Whether a POSTed form carries the visitor's token.
    func visitorTokenMatches(_ request: Request, _ form: FormData) -> Bool {
        guard let cookie = request.cookies[WebApp.csrfCookie]?.value, let field = form["csrf"] else { return false }
        return Tokens.equal(cookie, field)
    }

    /// A client key for rate limiting (kept in memory only): the peer address, or behind a trusted
    /// proxy the address it forwarded.
    func clientKey(_ request: Request, _ context: AppRequestContext) -> String {
        if configuration.trustProxy, let forwarded = request.headers[values: .anketaForwardedFor].last?.split(separator: ",").last {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }
}
