/// A respondent's answers between the sections of a web form, kept until the form is sent.
///
/// Keyed by the form token (one per filling of the form) and bound to the visitor's cookie token,
/// so that the link of a section page shows the answers only in the browser that gave them.
public struct FormDraft: Sendable, Equatable {
    public var token: String
    public var runID: Int64
    /// SHA-256 of the visitor's cookie token, as hex.
    public var visitor: String
    /// The access code the form was opened with, for runs that need one.
    public var code: String?
    /// Question id → the values sent for it (several for a multiple-choice question).
    public var answers: [String: [String]]
    /// `yyyy-MM-dd HH:mm:ss`, local time; after it the draft is gone.
    public var expiresAt: String

    public init(token: String, runID: Int64, visitor: String, code: String?, answers: [String: [String]], expiresAt: String) {
        self.token = token
        self.runID = runID
        self.visitor = visitor
        self.code = code
        self.answers = answers
        self.expiresAt = expiresAt
    }
}
