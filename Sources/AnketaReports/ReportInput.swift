import AnketaAnalysis
import AnketaCore
import AnketaFindings
import AnketaResults

/// Everything one справка is made from.
public struct ReportInput: Sendable {
    public var questionnaire: Questionnaire
    public var result: AnalysisResult
    /// The same questionnaire in an earlier wave, for dynamics.
    public var previous: AnalysisResult?
    /// Results of other audiences in the same period, for triangulation.
    public var otherAudiences: [AnalysisResult]
    /// School or unit, shown on the title.
    public var organization: String?
    /// How many people could have answered (for coverage).
    public var population: Int?
    /// The grouping whose groups make the columns of the deficit map (default: the first one).
    public var mapGrouping: String?
    /// Date of the справка, `dd.MM.yyyy`.
    public var date: String
    /// The organisation profile: names, signatory, основание, contingent, typesetting.
    public var profile: OrganizationProfile?
    /// Management decisions as edited by the deputy director; `nil` drafts them from the findings.
    public var decisions: DecisionList?
    /// Last period's decisions, to report what became of them.
    public var previousDecisions: DecisionList?
    /// The school year in the heading, when it should not be derived from the answers' dates.
    public var academicYear: AcademicYear?
    /// Figures to set beside the school's (the municipal value in a municipal monitoring).
    public var benchmark: ReportBenchmark?
    /// Earlier waves of the same questionnaire, oldest first, ending with `previous`: with two or
    /// more the справка shows the trend over all waves (`Trend`).
    public var history: [AnalysisResult] = []
    /// The school's non-survey indicators (`--indicators`): a карта дефицитов of their own beside
    /// the survey's, their years, findings and decisions (`NonSurveySection`).
    public var nonSurvey: NonSurveyIndicators?

    public init(questionnaire: Questionnaire, result: AnalysisResult, previous: AnalysisResult? = nil,
                otherAudiences: [AnalysisResult] = [], organization: String? = nil, population: Int? = nil,
                mapGrouping: String? = nil, date: String, profile: OrganizationProfile? = nil,
                decisions: DecisionList? = nil, previousDecisions: DecisionList? = nil, academicYear: AcademicYear? = nil) {
        self.questionnaire = questionnaire
        self.result = result
        self.previous = previous
        self.otherAudiences = otherAudiences
        self.organization = organization
        self.population = population
        self.mapGrouping = mapGrouping
        self.date = date
        self.profile = profile
        self.decisions = decisions
        self.previousDecisions = previousDecisions
        self.academicYear = academicYear
    }

    /// The school year of the survey: given, else from the first answer's date, else from the date of the справка.
    public var year: AcademicYear? {
        if let academicYear { return academicYear }
        if let first = result.period?.first, let year = AcademicYear(containing: first) { return year }
        let parts = date.split(separator: ".")
        return parts.count == 3 ? AcademicYear(containing: "\(parts[2])-\(parts[1])-\(parts[0])") : nil
    }

    /// Whether the survey ran in the spring half of the school year (January–August).
    var spring: Bool {
        guard let first = result.period?.first, first.count >= 7, let month = Int(first.dropFirst(5).prefix(2)) else { return true }
        return month < 9
    }

    /// How many could answer: `--population`, else the profile's contingent.
    public var contingent: Int? {
        population ?? profile?.contingent(for: questionnaire.id, audience: questionnaire.audience)
    }

    /// The organisation's name for the heading: the profile's full name, else `--unit`.
    var organizationName: String? {
        if let name = profile?.fullName, !name.isEmpty { return name }
        if let organization, !organization.isEmpty { return organization }
        return nil
    }

    /// Every finding, the most serious first.
    public var findings: [Finding] {
        FindingsEngine(questionnaire: questionnaire, result: result, previous: previous).findings
    }

    /// The decisions of this справка: as edited, else drafted from `findings`.
    public func decisionList(findings: [Finding]) -> DecisionList {
        if let decisions { return decisions }
        var drafter = DecisionDrafter(questionnaire: questionnaire, profile: profile, year: year, spring: spring)
        drafter.surveyEnd = result.period?.last
        var drafted = drafter.draft(findings, period: year?.label ?? result.wave)
        if let nonSurvey { drafted.decisions += NonSurveySection(nonSurvey).decisions }
        return drafted
    }

    /// A period's label for tables: the school year of its answers, else the wave's name.
    static func label(of result: AnalysisResult) -> String {
        result.period?.first.flatMap(AcademicYear.init(containing:))?.label ?? result.wave
    }

    var dynamics: Dynamics? { previous.map { Dynamics(previous: $0, current: result) } }

    /// The trend over every wave (three or more), oldest first.
    var trend: Trend? {
        guard history.count >= 2 else { return nil }
        return Trend(results: history + [result])
    }

    var mapBreakdown: Breakdown? {
        if let mapGrouping { return result.breakdowns.first { $0.grouping == mapGrouping } }
        return result.breakdowns.first { $0.grouping == "level" } ?? result.breakdowns.first
    }

    var deficitMap: DeficitMap { DeficitMap(result: result, breakdown: mapBreakdown) }

    var triangulation: DeficitMap? {
        guard !otherAudiences.isEmpty else { return nil }
        // One scale per row: another audience that measures a shared key differently (a 0–1 mean
        // score beside shares in %) is left out of that row instead of printing «0,6 %».
        let methods = Dictionary(result.indicators.compactMap { item in item.audienceKey.map { ($0, item.method) } }, uniquingKeysWith: { first, _ in first })
        let others = otherAudiences.map { other -> AnalysisResult in
            var other = other
            for index in other.indicators.indices {
                if let key = other.indicators[index].audienceKey, let method = methods[key], method != other.indicators[index].method {
                    other.indicators[index].audienceKey = nil
                }
            }
            return other
        }
        let map = DeficitMap(triangulating: [result] + others)
        return map.rows.isEmpty ? nil : map
    }
}
