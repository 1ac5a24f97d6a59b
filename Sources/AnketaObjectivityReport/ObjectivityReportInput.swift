import AnketaAnalysis
import AnketaCore
import AnketaObjectivity
import AnketaResults

/// Everything the objectivity справка is composed from.
public struct ObjectivityReportInput: Sendable {
    public var definition: ResultsDefinition
    public var analysis: ObjectivityAnalysis
    /// Accepted rows (for the counts of students and classes).
    public var rows: [ResultRow]
    /// Rows of the file that were rejected.
    public var rejected: Int
    /// The results file's name, for the справка and the JSON.
    public var source: String
    /// Date of the справка, «dd.MM.yyyy».
    public var date: String
    /// Management decisions edited by hand (`decisions.yaml`); nil drafts them from the findings.
    public var decisions: DecisionList?
    /// The school's non-survey indicators (`--indicators`), for the карта дефицитов beside the results.
    public var nonSurvey: NonSurveyIndicators?
    /// The school's objective-assessment surveys (`--attitudes`), each analysed on its own, for
    /// their indicators beside the results.
    public var attitudes: [AnalysisResult] = []

    public init(definition: ResultsDefinition, analysis: ObjectivityAnalysis, rows: [ResultRow], rejected: Int,
                source: String, date: String, decisions: DecisionList? = nil) {
        self.definition = definition
        self.analysis = analysis
        self.rows = rows
        self.rejected = rejected
        self.source = source
        self.date = date
        self.decisions = decisions
    }

    /// Distinct students.
    public var students: Int { Set(rows.map(\.student)).count }
    /// Distinct classes.
    public var classes: Int { Set(rows.map(\.className)).count }
    /// Procedures present, in a fixed order.
    public var procedures: [Procedure] { Procedure.allCases.filter { p in rows.contains { $0.procedure == p } } }
}
