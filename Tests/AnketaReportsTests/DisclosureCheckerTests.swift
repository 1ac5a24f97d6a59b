import AnketaAnalysis
import AnketaCollect
import AnketaCore
import AnketaReports
import AnketaTestSupport
import Foundation
import Testing

private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The whole report, as `figures.json`, checked by `DisclosureChecker`: no hidden group under the
/// minimum follows from the published counts.
@Suite("Disclosure checker on generated cases and the shipped samples")
struct DisclosureCheckerTests {
    /// `figures.json` exactly as `ReportWriter` encodes it.
    static func figuresJSON(_ result: AnalysisResult, questionnaire: Questionnaire) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(ReportFigures(ReportInput(questionnaire: questionnaire, result: result, date: "01.04.2026")))
    }

    @Test("1 200 seeded cases: no hidden small group is determined", arguments: 0..<4)
    func generatedCases(batch: Int) throws {
        let questionnaire = try DisclosureCases.questionnaire()
        var hiddenSmall = 0, omitted = 0
        for seed in UInt64(batch * 300)..<UInt64(batch * 300 + 300) {
            let item = DisclosureCases.make(seed: seed)
            let result = DisclosureCases.analyze(item, questionnaire: questionnaire)
            let problems = try DisclosureChecker.problems(figuresJSON: try Self.figuresJSON(result, questionnaire: questionnaire),
                                                          questionnaire: questionnaire, responses: item.responses)
            #expect(problems.isEmpty, "seed \(seed): \(problems)")
            hiddenSmall += result.breakdowns.flatMap(\.groups).filter(\.suppressed).count
            omitted += result.breakdowns.filter(\.groupsOmitted).count
        }
        // The cases do exercise hiding and omitting a small «не указано».
        #expect(hiddenSmall > 300 && omitted > 50)
    }

    @Test("The checker finds the leaks of the old rule")
    func checkerCatchesLeaks() throws {
        let questionnaire = try DisclosureCases.questionnaire()
        // 6Б (3) hidden with «не указано» only, as the old per-breakdown rule did: parallel 6 − 6А gives it.
        var responses: [Response] = []
        for (name, count) in [("6А", 30), ("6Б", 3), ("7А", 25)] {
            for _ in 0..<count { responses.append(Response(answers: ["cls": .text(name), "exp": .option("b"), "school": .text("Школа № 5")])) }
        }
        let result = DisclosureCases.analyze(DisclosureCases.Case(seed: 0, responses: responses, options: AnalysisOptions(groupings: ["class", "parallel"])),
                                             questionnaire: questionnaire)
        let written = try JSONSerialization.jsonObject(with: try Self.figuresJSON(result, questionnaire: questionnaire))
        let object = try #require(written as? [String: Any])
        var json = object
        #expect(try DisclosureChecker.problems(figuresJSON: try JSONSerialization.data(withJSONObject: json), questionnaire: questionnaire,
                                               responses: responses).isEmpty)
        // Un-hide every complement: publish the true size of all hidden groups of 5 or more.
        let resultValue = try #require(json["result"] as? [String: Any])
        var resultObject = resultValue
        let breakdownsValue = try #require(resultObject["breakdowns"] as? [[String: Any]])
        var breakdowns = breakdownsValue
        let truth = ["6А": 30, "7А": 25, "6": 30 + 3, "7": 25]
        for index in breakdowns.indices {
            breakdowns[index]["groups"] = (breakdowns[index]["groups"] as? [[String: Any]] ?? []).map { group in
                guard let key = group["key"] as? String, let size = truth[key] else { return group }
                var open = group
                open["suppressed"] = false
                open["respondents"] = size
                return open
            }
        }
        resultObject["breakdowns"] = breakdowns
        json["result"] = resultObject
        let problems = try DisclosureChecker.problems(figuresJSON: try JSONSerialization.data(withJSONObject: json), questionnaire: questionnaire,
                                                      responses: responses)
        #expect(problems.contains { $0.contains("6Б") && $0.contains("determined") && $0.contains("must be 3") }, "\(problems)")
        // And a hidden group's count written into the JSON is caught as such.
        breakdowns[0]["groups"] = (breakdowns[0]["groups"] as? [[String: Any]] ?? []).map { group in
            var leaking = group
            if group["key"] as? String == "6Б" { leaking["respondents"] = 3 }
            return leaking
        }
        resultObject["breakdowns"] = breakdowns
        json["result"] = resultObject
        let leaks = try DisclosureChecker.problems(figuresJSON: try JSONSerialization.data(withJSONObject: json), questionnaire: questionnaire,
                                                   responses: responses)
        #expect(leaks.contains { $0.contains("6Б") && $0.contains("shows a number") }, "\(leaks)")
    }

    /// (questionnaire, sample file) pairs shipped in Questionnaires/ and Samples/.
    static let samples: [(String, String)] = [
        ("parents-satisfaction.yaml", "parents-satisfaction-2025.csv"), ("parents-satisfaction.yaml", "parents-satisfaction-2026.csv"),
        ("teachers-brs-readiness.yaml", "teachers-brs-readiness-2025.csv"), ("teachers-brs-readiness.yaml", "teachers-brs-readiness-2026.csv"),
    ]

    static func sample(_ definition: String, _ file: String) throws -> (Questionnaire, [Response]) {
        let questionnaire = try DefinitionLoader().load(contentsOf: packageRoot.appendingPathComponent("Questionnaires/\(definition)"),
                                                        displayPath: definition)
        let reader = try ResponseReader(url: packageRoot.appendingPathComponent("Samples/\(file)"), questionnaire: questionnaire)
        var responses: [Response] = []
        _ = try reader.read { outcome in
            if case .accepted(let row) = outcome { responses.append(row.response) }
        }
        return (questionnaire, responses)
    }

    @Test("Shipped samples: every grouping, several minimums, no hidden small group determined", arguments: samples)
    func shippedSamples(definition: String, file: String) throws {
        let (questionnaire, responses) = try Self.sample(definition, file)
        #expect(responses.count > 50)
        for minimum in [3, 5, 10, 25] {
            var analyzer = Analyzer(questionnaire: questionnaire, wave: file, options: AnalysisOptions(minGroupSize: minimum))
            for response in responses { analyzer.add(response) }
            let problems = try DisclosureChecker.problems(figuresJSON: try Self.figuresJSON(analyzer.finish(), questionnaire: questionnaire),
                                                          questionnaire: questionnaire, responses: responses)
            #expect(problems.isEmpty, "\(file), minimum \(minimum): \(problems)")
        }
    }

    @Test("Shipped samples: СОО (23 parents) and «до 3 лет» (19 teachers) are shown")
    func largeGroupsStayVisible() throws {
        let (parents, parentRows) = try Self.sample("parents-satisfaction.yaml", "parents-satisfaction-2026.csv")
        var analyzer = Analyzer(questionnaire: parents, wave: "2026")
        for response in parentRows { analyzer.add(response) }
        let level = try #require(analyzer.finish().breakdowns.first { $0.grouping == "level" })
        #expect(level.groups.first { $0.key == "СОО" }?.respondents == 23)

        let (teachers, teacherRows) = try Self.sample("teachers-brs-readiness.yaml", "teachers-brs-readiness-2026.csv")
        var teacherAnalyzer = Analyzer(questionnaire: teachers, wave: "2026")
        for response in teacherRows { teacherAnalyzer.add(response) }
        let result = teacherAnalyzer.finish()
        let experience = try #require(result.breakdowns.first { $0.grouping == "experience" })
        #expect(experience.groups.first { $0.key == "до 3 лет" }?.respondents == 19)
        let question = try #require(result.questions.first { $0.id == "experience" })
        #expect(question.options.first { $0.label == "до 3 лет" }.map { !$0.suppressed && $0.count == 19 } == true)
    }
}
