import AnketaCore
import AnketaFindings

/// `findings.json`: every finding with its evidence at full precision, and the decisions table.
struct FindingsFigures: Encodable {
    struct DecisionRow: Encodable {
        var problem: String
        var action: String
        var deadline: String
        var responsible: String
        var person: String?
        var document: String
        var targetIndicator: String?
        var targetQuestion: String?
        var finding: String?
    }

    var findings: [Finding]
    var decisions: [DecisionRow]

    init(findings: [Finding], decisions: DecisionList) {
        self.findings = findings
        self.decisions = decisions.decisions.map {
            DecisionRow(problem: $0.problem, action: $0.action, deadline: $0.deadline, responsible: $0.responsible, person: $0.person,
                        document: $0.document, targetIndicator: $0.target?.indicator, targetQuestion: $0.target?.question, finding: $0.finding)
        }
    }
}
