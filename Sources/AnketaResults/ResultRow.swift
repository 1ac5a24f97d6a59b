/// One student's result in one subject and procedure, with the school's own mark beside it.
public struct ResultRow: Sendable, Equatable, Hashable, Codable {
    /// Physical line of the row in its file.
    public var line: Int
    /// The student's code in the school's journal (never a name).
    public var student: String
    /// Class as «5А».
    public var className: String
    /// Parallel: 5 for «5А».
    public var grade: Int
    public var subject: String
    public var procedure: Procedure
    /// Primary score, when the file gives it.
    public var score: Double?
    /// Mark 2–5 from the external procedure (given, or converted from the score).
    public var externalMark: Int
    /// The school's term or year mark 2–5.
    public var schoolMark: Int
    /// The term's journal marks per kind of work, in the order of the definition's `journal`
    /// (empty when the definition has none).
    public var journalMarks: [[Int]] = []
    /// The teacher's code or the teacher group's label (`columns.teacher`); nil when the file has none.
    public var teacher: String?

    public init(line: Int, student: String, className: String, grade: Int, subject: String, procedure: Procedure,
                score: Double? = nil, externalMark: Int, schoolMark: Int) {
        self.line = line
        self.student = student
        self.className = className
        self.grade = grade
        self.subject = subject
        self.procedure = procedure
        self.score = score
        self.externalMark = externalMark
        self.schoolMark = schoolMark
    }
}
