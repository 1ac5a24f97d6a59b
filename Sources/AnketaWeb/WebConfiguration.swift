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
    /// Submissions allowed per visitor (form token) per minute.
    public var submissionsPerVisitor: Int
    /// Take the client address from the last `X-Forwarded-For` entry (set when behind a reverse proxy).
    public var trustProxy: Bool
    /// Groups smaller than this are suppressed in reports downloaded from the console.
    public var minGroupSize: Int
    /// The address people use to reach the server, for links and QR codes (e.g. https://anketa.school.ru).
    public var publicURL: String?
    /// The organisation profile the console's справки are framed with (`serve --org`).
    public var organization: OrganizationProfile?

    public init(host: String = "127.0.0.1", port: Int = 8080, questionnairesFolder: URL = URL(fileURLWithPath: "Questionnaires"),
                secureCookies: Bool = false, submissionsPerMinute: Int = 120, submissionsPerVisitor: Int = 3, trustProxy: Bool = false,
                minGroupSize: Int = 5, publicURL: String? = nil, organization: OrganizationProfile? = nil) {
        self.organization = organization
        self.host = host
        self.port = port
        self.questionnairesFolder = questionnairesFolder
        self.secureCookies = secureCookies
        self.submissionsPerMinute = submissionsPerMinute
        self.submissionsPerVisitor = submissionsPerVisitor
        self.trustProxy = trustProxy
        self.minGroupSize = minGroupSize
        self.publicURL = publicURL
    }
}
