import Foundation

/// A results definition: what a per-student results file holds and how to read it.
///
/// Written by hand in YAML (see `docs/objectivity.md`) and read by ``ResultsDefinitionLoader``.
/// The file has one row per student, subject and procedure: a student code (never a name), the
/// class, the subject, the external mark or primary score, and the school's term or year mark.
public struct ResultsDefinition: Sendable, Equatable {
    /// Headers of the results file's columns. Optional columns may be nil when the definition
    /// gives a fixed value (`procedure`) or the other way to the external mark (`score` or `mark`).
    public struct Columns: Sendable, Equatable {
        public var student: String
        public var className: String
        public var subject: String
        public var procedure: String?
        public var score: String?
        public var mark: String?
        public var schoolMark: String
        /// The teacher or teacher group who set the school mark (optional).
        public var teacher: String?

        public init(student: String, className: String, subject: String, procedure: String? = nil,
                    score: String? = nil, mark: String? = nil, schoolMark: String) {
            self.student = student
            self.className = className
            self.subject = subject
            self.procedure = procedure
            self.score = score
            self.mark = mark
            self.schoolMark = schoolMark
        }
    }

    /// When a class is flagged as possibly inflating its marks.
    public struct Thresholds: Sendable, Equatable {
        /// Share of «понизили» above which a class is flagged. Default 0.25 (a quarter of the class):
        /// a convention of school monitoring, not a regulation — see `docs/objectivity.md`.
        public var lowered: Double
        /// Share of marks not confirmed (lowered + raised) above which a class is flagged. Default 0.5.
        public var mismatch: Double
        /// Smallest class (students with both marks) that is flagged at all. Default 5.
        public var minStudents: Int
        /// Smallest teacher group shown in the справка and the JSON; smaller ones are hidden
        /// (with another one beside them, so the hidden one cannot be worked out from the subject's
        /// total). Default 5, the `--min-group` default of survey reports.
        public var minTeacherGroup: Int

        public static let defaultLowered = 0.25
        public static let defaultMismatch = 0.5
        public static let defaultMinStudents = 5
        public static let defaultMinTeacherGroup = 5

        public init(lowered: Double = Thresholds.defaultLowered, mismatch: Double = Thresholds.defaultMismatch,
                    minStudents: Int = Thresholds.defaultMinStudents, minTeacherGroup: Int = Thresholds.defaultMinTeacherGroup) {
            self.lowered = lowered
            self.mismatch = mismatch
            self.minStudents = minStudents
            self.minTeacherGroup = minTeacherGroup
        }
    }

    public var id: String
    public var title: String
    public var organization: String?
    /// Year of the procedures, which picks the conversion scales.
    public var year: Int?
    /// School year for the heading, e.g. «2025/2026».
    public var academicYear: String?
    /// What the school mark is, in the genitive-free form used in the справка: «отметка за III четверть».
    public var schoolMarkName: String
    /// Procedure of every row when the file has no procedure column.
    public var procedure: Procedure?
    public var columns: Columns
    public var scales: [ConversionScale]
    public var thresholds: Thresholds
    /// Kinds of work in the journal with their weights, for the weighted average mark; empty
    /// when the file has no journal marks.
    public var journal: [JournalKind] = []
    /// The region's distributions of marks, for the goodness-of-fit comparison; empty when not given.
    public var region: [RegionDistribution] = []
    /// What the teacher column names: a person (then its values must be codes, never names) or a group.
    public var teacherKind: TeacherKind = .person
    /// The region's mean primary score per subject and procedure (ОГЭ, ЕГЭ), for the comparison
    /// of the school's mean score with it; empty when not given.
    public var regionMeans: [RegionMean] = []

    /// The region's mean score for a subject, procedure and grade (one naming the grade wins).
    public func regionMean(subject: String, procedure: Procedure, grade: Int) -> RegionMean? {
        regionMeans.filter { $0.applies(subject: subject, procedure: procedure, grade: grade) }.max { ($0.grade == nil ? 0 : 1) < ($1.grade == nil ? 0 : 1) }
    }

    /// The region's distribution for a subject, procedure and grade (one naming the grade wins).
    public func regionDistribution(subject: String, procedure: Procedure, grade: Int) -> RegionDistribution? {
        region.filter { $0.applies(subject: subject, procedure: procedure, grade: grade) }.max { ($0.grade == nil ? 0 : 1) < ($1.grade == nil ? 0 : 1) }
    }

    public init(id: String, title: String, organization: String? = nil, year: Int? = nil, academicYear: String? = nil,
                schoolMarkName: String = "отметка за четверть", procedure: Procedure? = nil, columns: Columns,
                scales: [ConversionScale] = [], thresholds: Thresholds = Thresholds()) {
        self.id = id
        self.title = title
        self.organization = organization
        self.year = year
        self.academicYear = academicYear
        self.schoolMarkName = schoolMarkName
        self.procedure = procedure
        self.columns = columns
        self.scales = scales
        self.thresholds = thresholds
    }

    /// The most specific conversion scale for a subject, procedure, grade and year.
    public func scale(subject: String, procedure: Procedure, grade: Int, year: Int?) -> ConversionScale? {
        scales.filter { $0.applies(subject: subject, procedure: procedure, grade: grade, year: year) }
            .max { $0.specificity < $1.specificity }
    }

    /// Subjects compare without case, surrounding spaces or «ё».
    static func sameSubject(_ a: String, _ b: String) -> Bool {
        normalizedSubject(a) == normalizedSubject(b)
    }

    static func normalizedSubject(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "ё", with: "е")
    }
}
