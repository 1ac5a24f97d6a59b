import Foundation

/// How `anketa serve` runs.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Folder with questionnaire definitions offered when creating a run.
    public var questionnairesFolder: URL
    /// Set the `Secure` flag on cookies (when served over TLS, directly or behind a proxy).
    public var secureCookies: Bool
    /// Submissions allowed per client address per minute.
    public var submissionsPerMinute: Int
    /// Groups smaller than this are suppressed in reports downloaded from the console.
    public var minGroupSize: Int
    /// The address people use to reach the server, for links and QR codes (e.g. https://anketa.school.ru).
    public var publicURL: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, questionnairesFolder: URL = URL(fileURLWithPath: "Questionnaires"),
                secureCookies: Bool = false, submissionsPerMinute: Int = 10, minGroupSize: Int = 5, publicURL: String? = nil) {
        self.host = host
        self.port = port
        self.questionnairesFolder = questionnairesFolder
        self.secureCookies = secureCookies
        self.submissionsPerMinute = submissionsPerMinute
        self.minGroupSize = minGroupSize
        self.publicURL = publicURL
    }
}
