/// The region's mean primary (or test) score of a procedure in a subject, as the regional centre
/// publishes it for ОГЭ and ЕГЭ, optionally with the number of participants.
///
/// ```yaml
/// region_means:
///   - {subject: Математика, procedure: ОГЭ, grade: 9, mean: 15.2}
/// ```
public struct RegionMean: Sendable, Equatable {
    public var subject: String
    public var procedure: Procedure
    /// Nil: every grade.
    public var grade: Int?
    /// The region's mean score, on the scale of the results file's `score` column.
    public var mean: Double

    public init(subject: String, procedure: Procedure, grade: Int? = nil, mean: Double) {
        self.subject = subject
        self.procedure = procedure
        self.grade = grade
        self.mean = mean
    }

    /// Whether it describes this subject, procedure and grade.
    public func applies(subject: String, procedure: Procedure, grade: Int) -> Bool {
        ResultsDefinition.sameSubject(self.subject, subject) && self.procedure == procedure && (self.grade == nil || self.grade == grade)
    }
}
