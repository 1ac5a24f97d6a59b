import AnketaAnalysis
import AnketaCore

/// One teacher's profile from a named self-assessment: who they are, their own figures and the
/// draft rows of their individual educational route (ИОМ).
public struct TeacherProfile: Sendable, Equatable {
    /// One row of the draft route: тема / форма / срок / результат.
    public struct RouteRow: Sendable, Equatable {
        public var topic: String
        public var form: String
        public var term: String
        public var result: String

        public init(topic: String, form: String, term: String, result: String) {
            self.topic = topic
            self.form = form
            self.term = term
            self.result = result
        }
    }

    /// A deficit of this teacher: the indicator and the skills they marked as difficult.
    public struct Deficit: Sendable, Equatable {
        public var title: String
        public var skills: [String]

        public init(title: String, skills: [String]) {
            self.title = title
            self.skills = skills
        }
    }

    public var name: String
    public var position: String?
    public var scores: RespondentScores
    public var deficits: [Deficit]
    public var route: [RouteRow]
    /// What the teacher wrote about the topics they need (as written: escaped by the renderers).
    public var ownTopics: String?
    /// The line of the answers file (or the response's number in the store), for messages.
    public var source: String
}
