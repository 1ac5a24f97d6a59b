/// How primary scores of a procedure become marks 2–5, for one subject (and optionally grade and year).
///
/// `minimums[m]` is the least primary score that earns mark m; a score below every minimum earns 2.
/// ВПР publishes such a table every year per subject and grade («шкала перевода первичных баллов»).
///
/// ```swift
/// let scale = ConversionScale(subject: "Математика", procedure: .vpr, grade: 5, year: 2026,
///                             maxScore: 20, minimums: [3: 5, 4: 10, 5: 15])
/// scale.mark(forScore: 12)   // 4
/// ```
public struct ConversionScale: Sendable, Equatable, Hashable {
    public var subject: String
    public var procedure: Procedure
    /// Parallel (5 for 5А, 5Б); nil applies to every grade.
    public var grade: Int?
    /// Year of the procedure; nil applies to every year.
    public var year: Int?
    public var maxScore: Double
    /// Least primary score for each mark above 2.
    public var minimums: [Int: Double]

    public init(subject: String, procedure: Procedure, grade: Int? = nil, year: Int? = nil, maxScore: Double, minimums: [Int: Double]) {
        self.subject = subject
        self.procedure = procedure
        self.grade = grade
        self.year = year
        self.maxScore = maxScore
        self.minimums = minimums
    }

    /// The mark for a primary score in 0…maxScore; nil outside that range.
    public func mark(forScore score: Double) -> Int? {
        guard score >= 0, score <= maxScore else { return nil }
        var mark = 2
        for (candidate, minimum) in minimums where score >= minimum && candidate > mark {
            mark = candidate
        }
        return mark
    }

    /// Whether the scale applies to a row; a scale naming its grade or year is preferred by
    /// ``ResultsDefinition/scale(subject:procedure:grade:year:)``.
    func applies(subject: String, procedure: Procedure, grade: Int, year: Int?) -> Bool {
        ResultsDefinition.sameSubject(self.subject, subject) && self.procedure == procedure
            && (self.grade == nil || self.grade == grade)
            && (self.year == nil || year == nil || self.year == year)
    }

    /// 2 for a grade or year given, so that the most specific scale wins.
    var specificity: Int { (grade == nil ? 0 : 2) + (year == nil ? 0 : 1) }
}
