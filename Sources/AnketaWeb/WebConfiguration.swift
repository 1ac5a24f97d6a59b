import AnketaCore
import Foundation

/// How `anketa serve` runs.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Folder with questionnaire definitions offered when creating a run.
    public var questionnairesFolder: URL
    /// Set the `Secure` flag on cookies (when served over TLS, directly or behind a proxy).
    public var secureCookies: Bool
    /// Submissions allowed per client address per minute. A class behind one school router or
    /// proxy shares an address, so this is generous; each visitor is also limited separately.
    public var submissionsPerMinute: Int
    /// Submissions allowed per visitor (server-issued form token) per minute.
    public var submissionsPerVisitor: Int
    /// Wrong access codes allowed per client address per minute (`?code=` guesses).
    public var codeFailuresPerMinute: Int
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed. A request from any other
    /// address is keyed by its own address, whatever it says it forwards.
    public var trustedProxies: [String]
    /// Groups smaller than this are suppressed in reports downloaded from the console.
    public var minGroupSize: Int
    /// The address people use to reach the server, for links and QR codes (e.g. https://anketa.school.ru).
    /// Without it links use the listening address, never the request's `Host` header.
    public var publicURL: String?
    /// The organisation profile the console's справки are framed with (`serve --org`).
    public var organization: OrganizationProfile?
    /// A connection that sends nothing for this long — an idle keep-alive connection, or a request
    /// head or body that stalls — is closed.
    public var idleTimeout: Duration
    /// A request body must arrive completely within this time.
    public var bodyTimeout: Duration
    /// Open connections at most; further ones wait in the listen queue until one closes.
    public var maxConnections: Int
    /// The organisation's time zone: run dates are entered, stored, checked and shown in it, labelled
    /// («МСК» for Moscow, «МСК+2» for Yekaterinburg). `serve --time-zone`, else the profile's
    /// `organization.time_zone`, else Europe/Moscow.
    public var timeZone: TimeZone
    /// bcrypt cost of passwords set in the console (tests lower it; 12 as `anketa admin create`).
    public var passwordCost: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, questionnairesFolder: URL = URL(fileURLWithPath: "Questionnaires"),
                secureCookies: Bool = false, submissionsPerMinute: Int = 120, submissionsPerVisitor: Int = 3,
                codeFailuresPerMinute: Int = 20, trustedProxies: [String] = [], minGroupSize: Int = 5, publicURL: String? = nil,
                idleTimeout: Duration = .seconds(30), bodyTimeout: Duration = .seconds(60), maxConnections: Int = 512,
                organization: OrganizationProfile? = nil, timeZone: TimeZone = WebConfiguration.moscow, passwordCost: Int = 12) {
        self.organization = organization
        self.timeZone = timeZone
        self.passwordCost = passwordCost
        self.host = host
        self.port = port
        self.questionnairesFolder = questionnairesFolder
        self.secureCookies = secureCookies
        self.submissionsPerMinute = submissionsPerMinute
        self.submissionsPerVisitor = submissionsPerVisitor
        self.codeFailuresPerMinute = codeFailuresPerMinute
        self.trustedProxies = trustedProxies
        self.minGroupSize = minGroupSize
        self.publicURL = publicURL
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
        self.maxConnections = maxConnections
    }

    public static let moscow = TimeZone(identifier: "Europe/Moscow") ?? TimeZone(secondsFromGMT: 3 * 3600) ?? .current

    /// Whether `text` is an IPv4 or IPv6 address (for `--trust-proxy`).
    public static func isIPAddress(_ text: String) -> Bool {
        ClientAddress.canonical(text) != nil
    }
}
