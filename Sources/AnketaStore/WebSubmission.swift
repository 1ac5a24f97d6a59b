import AnketaCore

/// One web submission as the store takes it: the answers, the run they are for, the access code
/// (when the run needs one), the form token it spends and the server's local time of sending.
public struct WebSubmission: Sendable, Equatable {
    public let response: Response
    public let run: SurveyRun
    public let code: String?
    public let formToken: String?
    /// `yyyy-MM-dd HH:mm:ss`; the run's state is judged at this moment, the response keeps the date only.
    public let now: String

    public init(response: Response, run: SurveyRun, code: String?, formToken: String?, now: String) {
        self.response = response
        self.run = run
        self.code = code
        self.formToken = formToken
        self.now = now
    }
}
