import AnketaAnalysis
import AnketaObjectivity
import AnketaReports
import AnketaResults

/// The figures of the objectivity справка as JSON, at full precision (see `docs/objectivity.md`).
public struct ObjectivityFigures: Codable, Sendable, Equatable {
    public struct Share: Codable, Sendable, Equatable {
        public var count: Int
        public var share: Double
        public var ciLow: Double
        public var ciHigh: Double
    }

    public struct Group: Codable, Sendable, Equatable {
        public var procedure: String?
        public var subject: String?
        public var className: String?
        /// The teacher's code or the teacher group (teacher groups only).
        public var teacher: String?
        public var n: Int
        public var lowered: Share
        public var confirmed: Share
        public var raised: Share
        public var meanSchool: Double
        public var meanExternal: Double
        /// Mean of external − school.
        public var meanDifference: Double
        public var pairedT: Double?
        public var pairedTdf: Double?
        public var pairedTp: Double?
        public var meanDifferenceCiLow: Double?
        public var meanDifferenceCiHigh: Double?
        public var wilcoxonStatistic: Double?
        public var wilcoxonWPlus: Double?
        public var wilcoxonZ: Double?
        public var wilcoxonP: Double?
        public var wilcoxonN: Int?
        public var spearmanRho: Double?
        public var spearmanP: Double?
        public var spearmanCiLow: Double?
        public var spearmanCiHigh: Double?
        public var flags: [String]
        /// Students per pair of marks: rows school mark 2–5, columns external mark 2–5.
        public var crossTable: [[Int]]
        /// The weighted average mark from the journal (absent without journal marks).
        public var weighted: Weighted?
    }

    public struct Weighted: Codable, Sendable, Equatable {
        public var n: Int
        public var meanPlain: Double
        public var meanWeighted: Double
        public var meanSchool: Double
        public var meanExternal: Double
        /// School mark above / below the weighted average rounded half up.
        public var schoolAbove: Share
        public var schoolBelow: Share
        public var weightedSpearmanRho: Double?
        public var schoolSpearmanRho: Double?
    }

    public struct Thresholds: Codable, Sendable, Equatable {
        public var lowered: Double
        public var mismatch: Double
        public var minStudents: Int
        public var minTeacherGroup: Int
    }

    /// A teacher group hidden for anonymity: what it is, no figures.
    public struct HiddenTeacher: Codable, Sendable, Equatable {
        public var procedure: String?
        public var subject: String?
        public var teacher: String?
    }

    /// The school's mean score against the region's mean.
    public struct RegionalMean: Codable, Sendable, Equatable {
        public var procedure: String
        public var subject: String
        public var grade: Int
        public var n: Int
        public var mean: Double
        public var regionMean: Double
        public var difference: Double
        public var above: Int
        public var t: Double?
        public var df: Double?
        public var p: Double?
        public var meanCiLow: Double?
        public var meanCiHigh: Double?
    }

    public struct Regional: Codable, Sendable, Equatable {
        public var procedure: String
        public var subject: String
        public var grade: Int
        /// The class, in `regionalClasses`.
        public var className: String?
        public var n: Int
        /// Counts and shares of external marks 2–5 at school, shares in the region.
        public var counts: [Int]
        public var shares: [Double]
        public var regionShares: [Double]
        public var chiSquare: Double?
        public var chiSquareDf: Int?
        public var chiSquareP: Double?
        public var minExpected: Double?
    }

    public var definition: String
    public var title: String
    public var source: String
    public var rows: Int
    public var rejected: Int
    public var students: Int
    public var thresholds: Thresholds
    public var overall: Group?
    public var subjects: [Group]
    public var classes: [Group]
    public var regional: [Regional]
    /// Each class against the region's distribution for its grade.
    public var regionalClasses: [Regional]
    public var regionalMeans: [RegionalMean]
    /// `person` or `group`; absent when the file names no teacher.
    public var teacherKind: String?
    public var teachers: [Group]
    public var hiddenTeachers: [HiddenTeacher]
    /// The objective-assessment surveys beside the results (empty without `--attitudes`).
    public var attitudes: [Attitudes]

    public struct Attitudes: Codable, Sendable, Equatable {
        public var questionnaire: String
        public var audience: String
        public var respondents: Int
        /// Fewer respondents than the minimum group: no indicator is published.
        public var suppressed: Bool
        public var indicators: [AttitudeIndicator]
    }

    public struct AttitudeIndicator: Codable, Sendable, Equatable {
        public var id: String
        public var audienceKey: String?
        public var title: String
        public var method: String
        public var figure: Double?
        public var level: String?
        public var deficit: Bool
    }

    /// The school's non-survey indicators (absent without `--indicators`).
    public var nonSurvey: NonSurveyFigures?

    public init(_ input: ObjectivityReportInput) {
        definition = input.definition.id
        title = input.definition.title
        source = input.source
        rows = input.rows.count
        rejected = input.rejected
        students = input.students
        let t = input.analysis.thresholds
        thresholds = Thresholds(lowered: t.lowered, mismatch: t.mismatch, minStudents: t.minStudents, minTeacherGroup: t.minTeacherGroup)
        overall = input.analysis.overall.map(Self.group)
        subjects = input.analysis.subjects.map(Self.group)
        classes = input.analysis.classes.map(Self.group)
        regional = input.analysis.regional.map(Self.regional)
        regionalClasses = input.analysis.regionalClasses.map(Self.regional)
        regionalMeans = input.analysis.regionalMeans.map { m in
            RegionalMean(procedure: m.procedure.rawValue, subject: m.subject, grade: m.grade, n: m.n, mean: m.mean, regionMean: m.regionMean,
                         difference: m.difference, above: m.above, t: m.test?.t, df: m.test?.degreesOfFreedom, p: m.test?.pValue,
                         meanCiLow: m.test.map { $0.lower + m.regionMean }, meanCiHigh: m.test.map { $0.upper + m.regionMean })
        }
        teacherKind = input.definition.columns.teacher == nil ? nil : input.definition.teacherKind.rawValue
        teachers = input.analysis.teachers.map(Self.group)
        hiddenTeachers = input.analysis.hiddenTeachers.map { HiddenTeacher(procedure: $0.procedure?.rawValue, subject: $0.subject, teacher: $0.teacher) }
        attitudes = input.attitudes.map { result in
            Attitudes(questionnaire: result.questionnaireID, audience: result.audience.rawValue, respondents: result.respondents, suppressed: result.suppressed,
                      indicators: result.suppressed ? [] : result.indicators.map {
                          AttitudeIndicator(id: $0.id, audienceKey: $0.audienceKey, title: $0.title, method: $0.method.rawValue,
                                            figure: $0.figure, level: $0.level, deficit: $0.deficit)
                      })
        }
        nonSurvey = input.nonSurvey.map(NonSurveyFigures.init)
    }

    static func regional(_ r: RegionalComparison) -> Regional {
        Regional(procedure: r.procedure.rawValue, subject: r.subject, grade: r.grade, className: r.className, n: r.n, counts: r.counts, shares: r.shares,
                 regionShares: r.regionShares, chiSquare: r.test?.statistic, chiSquareDf: r.test?.degreesOfFreedom,
                 chiSquareP: r.test?.pValue, minExpected: r.test?.minExpected)
    }

    static func share(_ s: ShiftShare) -> Share {
        Share(count: s.count, share: s.share, ciLow: s.lower, ciHigh: s.upper)
    }

    /// Non-finite numbers (a t of ±∞ when every difference is equal) are left out: JSON has no infinity.
    static func finite(_ value: Double?) -> Double? {
        value.flatMap { $0.isFinite ? $0 : nil }
    }

    static func group(_ g: ObjectivityGroup) -> Group {
        Group(procedure: g.scope.procedure?.rawValue, subject: g.scope.subject, className: g.scope.className, teacher: g.scope.teacher, n: g.n,
              lowered: share(g.lowered), confirmed: share(g.confirmed), raised: share(g.raised),
              meanSchool: g.meanSchool, meanExternal: g.meanExternal, meanDifference: g.meanDifference,
              pairedT: finite(g.pairedT?.t), pairedTdf: g.pairedT?.degreesOfFreedom, pairedTp: g.pairedT?.pValue,
              meanDifferenceCiLow: g.pairedT?.lower, meanDifferenceCiHigh: g.pairedT?.upper,
              wilcoxonStatistic: g.wilcoxon?.statistic, wilcoxonWPlus: g.wilcoxon?.wPlus, wilcoxonZ: g.wilcoxon?.z,
              wilcoxonP: g.wilcoxon?.pValue, wilcoxonN: g.wilcoxon?.n,
              spearmanRho: g.spearman?.rho, spearmanP: g.spearman?.pValue, spearmanCiLow: g.spearman?.lower, spearmanCiHigh: g.spearman?.upper,
              flags: g.flags.map(\.rawValue), crossTable: g.crossTable.counts,
              weighted: g.weighted.map { w in
                  Weighted(n: w.n, meanPlain: w.meanPlain, meanWeighted: w.meanWeighted, meanSchool: w.meanSchool, meanExternal: w.meanExternal,
                           schoolAbove: share(w.schoolAbove), schoolBelow: share(w.schoolBelow),
                           weightedSpearmanRho: w.weightedVsExternal?.rho, schoolSpearmanRho: w.schoolVsExternal?.rho)
              })
    }
}
