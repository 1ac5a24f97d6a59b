/// The region's distribution of a procedure's marks in a subject (and grade), as the regional
/// centre publishes it: shares of marks 2, 3, 4 and 5.
///
/// ```yaml
/// region:
///   - {subject: Математика, procedure: ВПР, grade: 5, marks: {2: 12.4, 3: 41.0, 4: 34.1, 5: 12.5}}
/// ```
public struct RegionDistribution: Sendable, Equatable {
    public var subject: String
    public var procedure: Procedure
    /// Nil: every grade.
    public var grade: Int?
    /// Shares of marks 2, 3, 4, 5 (summing to 1).
    public var shares: [Double]

    public init(subject: String, procedure: Procedure, grade: Int? = nil, shares: [Double]) {
        self.subject = subject
        self.procedure = procedure
        self.grade = grade
        self.shares = shares
    }

    /// Whether it describes this subject, procedure and grade.
    public func applies(subject: String, procedure: Procedure, grade: Int) -> Bool {
        ResultsDefinition.sameSubject(self.subject, subject) && self.procedure == procedure && (self.grade == nil || self.grade == grade)
    }
}
