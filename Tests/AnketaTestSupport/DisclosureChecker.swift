import AnketaAnalysis
import AnketaCore
import AnketaStats
import Foundation

/// Checks a whole report (`figures.json` as `ReportFigures` writes it) for groups that arithmetic
/// would reveal.
///
/// It reads every count the JSON publishes about each grouping question — the number of
/// respondents, the question's valid / «затрудняюсь» / blank counts and option counts, the group
/// sizes of every breakdown of that question, the hidden («скрыто») options and groups — and
/// turns each into a linear constraint on the unknown *atoms*: the numbers of respondents with
/// each combination of answer status and groups (taken from the real answers, as a well-informed
/// outsider who knows how groups nest would reason). Hidden groups and options are listed, so each
/// is known to have at least one respondent. For every hidden cell with fewer respondents than the
/// minimum it then computes, exactly (rational simplex, `LinearProgram`), the smallest and the
/// largest value the cell can take over all non-negative tables that agree with the JSON; equal
/// bounds mean the cell is determined — a failure.
///
/// It also fails when a published count disagrees with the data, a group under the minimum is
/// shown, a hidden group or option carries a number, a grouping question with hidden options still
/// shows means or shares (weighted sums of its counts), or a test's `n` is not the sum of its
/// visible groups.
public enum DisclosureChecker {
    /// Problems found in the `result` of `figuresJSON`, whose responses are `responses`; empty when
    /// the report discloses no small group.
    public static func problems(figuresJSON: Data, questionnaire: Questionnaire, responses: [Response]) throws -> [String] {
        guard let root = try JSONSerialization.jsonObject(with: figuresJSON) as? [String: Any],
              let result = root["result"] as? [String: Any] else { return ["figures.json has no result"] }
        return problems(result: result, questionnaire: questionnaire, responses: responses)
    }

    /// Problems in one `AnalysisResult` object of the JSON.
    public static func problems(result: [String: Any], questionnaire: Questionnaire, responses: [Response]) -> [String] {
        var problems: [String] = []
        guard let minimum = result["minGroupSize"] as? Int, let total = result["respondents"] as? Int else { return ["no minGroupSize or respondents"] }
        if total != responses.count { problems.append("respondents \(total) ≠ \(responses.count)") }
        if result["suppressed"] as? Bool == true {
            if !(result["questions"] as? [Any] ?? []).isEmpty || !(result["breakdowns"] as? [Any] ?? []).isEmpty {
                problems.append("a suppressed wave publishes figures")
            }
            return problems
        }
        let questions = result["questions"] as? [[String: Any]] ?? []
        let breakdowns = result["breakdowns"] as? [[String: Any]] ?? []
        var questionIDs: [String] = []
        for grouping in questionnaire.groupings where !questionIDs.contains(grouping.question) { questionIDs.append(grouping.question) }
        for id in questionIDs {
            guard let question = questionnaire.question(id) else { continue }
            let summary = questions.first { $0["id"] as? String == id }
            let related = breakdowns.compactMap { breakdown -> (Grouping, [String: Any])? in
                guard let grouping = questionnaire.groupings.first(where: { $0.id == breakdown["grouping"] as? String }),
                      grouping.question == id else { return nil }
                return (grouping, breakdown)
            }
            problems += check(question: question, questionnaire: questionnaire, summary: summary, breakdowns: related,
                              responses: responses, total: total, minimum: minimum)
        }
        return problems
    }

    /// One published count: the atoms it sums and its value, or a hidden cell.
    private struct Constraint {
        var atoms: [Int]
        var value: Int?
        var label: String
    }

    private static func check(question: Question, questionnaire: Questionnaire, summary: [String: Any]?,
                              breakdowns: [(Grouping, [String: Any])], responses: [Response], total: Int, minimum: Int) -> [String] {
        var problems: [String] = []
        let scale = questionnaire.scale(of: question)
        let codes = Set(scale?.options.map(\.code) ?? [])
        // Atoms from the real answers: status and the group under each breakdown.
        func identity(_ key: String, _ grouping: Grouping) -> String {
            guard grouping.derive == nil, question.kind == .shortText, key != Analyzer.unspecifiedGroup else { return key }
            return SchoolLevel.normalizedClass(key).map(Analyzer.groupIdentity) ?? Analyzer.groupIdentity(key)
        }
        var atomIndex: [[String]: Int] = [:]
        var atomCounts: [Int] = []
        var atomStatus: [Set<String>] = []
        for response in responses {
            let answer = response[question.id]
            var status: Set<String>
            switch answer {
            case nil: status = ["blank"]
            case .noAnswer?: status = ["noAnswer"]
            case .text?, .number?: status = ["valid"]
            case .option(let code)?: status = codes.contains(code) ? ["valid", "o:" + code] : ["blank"]
            case .options(let chosen)?: status = chosen.isEmpty ? ["blank"] : Set(["valid"] + chosen.filter(codes.contains).map { "o:" + $0 })
            }
            let keys = breakdowns.map { identity(Analyzer.groupKey(answer, grouping: $0.0, questionnaire: questionnaire), $0.0) }
            let signature = [status.sorted().joined(separator: "|")] + keys
            if let index = atomIndex[signature] {
                atomCounts[index] += 1
            } else {
                atomIndex[signature] = atomCounts.count
                atomCounts.append(1)
                atomStatus.append(status)
            }
        }
        let signatures = atomIndex.sorted { $0.value < $1.value }.map(\.key)
        func members(_ predicate: (Int) -> Bool) -> [Int] { atomCounts.indices.filter(predicate) }
        func truth(_ atoms: [Int]) -> Int { atoms.reduce(0) { $0 + atomCounts[$1] } }

        var published: [Constraint] = [Constraint(atoms: Array(atomCounts.indices), value: total, label: "respondents")]
        var hidden: [Constraint] = []
        func publish(_ atoms: [Int], _ value: Int, _ label: String) {
            if truth(atoms) != value { problems.append("\(label): published \(value), data \(truth(atoms))") }
            published.append(Constraint(atoms: atoms, value: value, label: label))
        }

        // The question's own counts.
        if let summary {
            let withheld = summary["answerCountsSuppressed"] as? Bool == true
            let valid = summary["valid"] as? Int ?? 0
            if withheld {
                if valid != 0 || summary["noAnswer"] as? Int != 0 || summary["blank"] as? Int != 0 {
                    problems.append("\(question.id): withheld answer counts are not 0")
                }
            } else {
                publish(members { atomStatus[$0].contains("valid") }, valid, "\(question.id).valid")
                publish(members { atomStatus[$0].contains("noAnswer") }, summary["noAnswer"] as? Int ?? -1, "\(question.id).noAnswer")
                publish(members { atomStatus[$0].contains("blank") }, summary["blank"] as? Int ?? -1, "\(question.id).blank")
            }
            var anyHidden = false
            for option in summary["options"] as? [[String: Any]] ?? [] {
                guard let code = option["code"] as? String else { continue }
                let atoms = members { atomStatus[$0].contains("o:" + code) }
                let count = option["count"] as? Int ?? -1
                let percent = option["percent"] as? Double ?? -1
                if option["suppressed"] as? Bool == true {
                    anyHidden = true
                    if count != 0 || percent != 0 { problems.append("\(question.id).\(code): hidden option shows \(count), \(percent) %") }
                    hidden.append(Constraint(atoms: atoms, value: nil, label: "option \(question.id).\(code)"))
                } else {
                    publish(atoms, count, "option \(question.id).\(code)")
                    if !withheld, valid > 0, abs(percent - Double(count) / Double(valid) * 100) > 1e-9 {
                        problems.append("\(question.id).\(code): percent \(percent) is not count/valid")
                    }
                    if withheld, percent != 0 { problems.append("\(question.id).\(code): percent shown with withheld counts") }
                    if count > 0, count < minimum { problems.append("\(question.id).\(code): option of \(count) shown") }
                }
            }
            if anyHidden || withheld {
                for key in ["mean", "standardDeviation", "median", "quartiles", "positivePercent", "positiveCount", "positiveInterval", "index"]
                where summary[key] != nil {
                    problems.append("\(question.id): \(key) shown although counts are hidden")
                }
            }
        }

        // Every breakdown of the question.
        for (column, (grouping, breakdown)) in breakdowns.enumerated() {
            let groups = breakdown["groups"] as? [[String: Any]] ?? []
            var listed: Set<String> = []
            var visibleScored: [String: Int] = [:]
            for group in groups {
                guard let key = group["key"] as? String else { continue }
                let id = identity(key, grouping)
                listed.insert(id)
                let atoms = members { signatures[$0][column + 1] == id }
                if group["suppressed"] as? Bool == true {
                    if group["respondents"] != nil || group["overall"] != nil { problems.append("\(grouping.id)/\(key): hidden group shows a number") }
                    for indicator in group["indicators"] as? [[String: Any]] ?? [] where Set(indicator.keys) != ["id", "deficit"] {
                        problems.append("\(grouping.id)/\(key): hidden group shows \(indicator.keys.sorted())")
                    }
                    hidden.append(Constraint(atoms: atoms, value: nil, label: "group \(grouping.id)/\(key)"))
                } else {
                    let size = group["respondents"] as? Int ?? -1
                    publish(atoms, size, "group \(grouping.id)/\(key)")
                    if size < minimum { problems.append("\(grouping.id)/\(key): group of \(size) shown") }
                    if key != Analyzer.unspecifiedGroup {
                        for indicator in group["indicators"] as? [[String: Any]] ?? [] {
                            if let id = indicator["id"] as? String, let scores = indicator["scores"] as? [String: Any], let n = scores["n"] as? Int, n > 0 {
                                visibleScored[id, default: 0] += n
                            }
                        }
                    }
                }
            }
            // Groups in the data but not in the JSON: only a small «не указано», or what `groupsOmitted` announces.
            for index in atomCounts.indices where !listed.contains(signatures[index][column + 1]) {
                let key = signatures[index][column + 1]
                let size = truth(members { signatures[$0][column + 1] == key })
                if key == Analyzer.unspecifiedGroup ? size >= minimum : breakdown["groupsOmitted"] as? Bool != true {
                    problems.append("\(grouping.id)/\(key): group of \(size) missing")
                }
            }
            for test in breakdown["tests"] as? [[String: Any]] ?? [] {
                guard let indicator = test["indicator"] as? String, let n = test["n"] as? Int else { continue }
                if n != visibleScored[indicator] { problems.append("\(grouping.id): test of \(indicator) has n \(n), visible groups \(visibleScored[indicator] ?? 0)") }
            }
        }

        // No hidden cell under the minimum may be determined.
        let equalities = published.map { ($0.atoms, $0.value ?? 0) }
        let nonEmpty = hidden.map(\.atoms)
        var checked: Set<[Int]> = []
        for cell in hidden {
            let size = truth(cell.atoms)
            guard size > 0, size < minimum, checked.insert(cell.atoms).inserted else { continue }
            if let value = determinedValue(cell.atoms, variables: atomCounts.count, equalities: equalities, nonEmpty: nonEmpty) {
                problems.append("\(cell.label) (\(size) respondents) is determined: it must be \(value)")
            }
        }
        return problems
    }

    /// The value of the sum of `atoms` when every table consistent with the constraints gives the
    /// same one; nil when its minimum and maximum differ.
    static func determinedValue(_ atoms: [Int], variables: Int, equalities: [([Int], Int)], nonEmpty: [[Int]]) -> String? {
        func row(_ atoms: [Int]) -> [Int] {
            var row = [Int](repeating: 0, count: variables)
            for atom in atoms { row[atom] = 1 }
            return row
        }
        let program = LinearProgram(variables: variables, equalities: equalities.map { (row($0.0), $0.1) },
                                    lowerBounds: nonEmpty.map { (row($0), 1) })
        switch (program.minimize(row(atoms)), program.maximize(row(atoms))) {
        case (.optimal(let low), .optimal(let high)):
            return low == high ? low.description : nil
        case let (low, high):
            return "undecidable (\(low), \(high))"
        }
    }
}
