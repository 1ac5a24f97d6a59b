import AnketaAnalysis
import AnketaCollect
import AnketaCore
import AnketaDocument
import AnketaReports
import AnketaTestSupport
import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func markdown(_ questionnaire: Questionnaire, _ responses: [Response], minimum: Int = 5) -> String {
    var analyzer = Analyzer(questionnaire: questionnaire, wave: "2026", options: AnalysisOptions(minGroupSize: minimum))
    for response in responses { analyzer.add(response) }
    let input = ReportInput(questionnaire: questionnaire, result: analyzer.finish(), date: "01.10.2026")
    return MarkdownRenderer().render(CertificateComposer(input).compose())
}

/// The text of a Markdown section: from its heading to the next heading of level 1.
private func section(_ markdown: String, _ heading: String) -> String? {
    guard let start = markdown.range(of: "## \(heading)\n") else { return nil }
    let rest = markdown[start.upperBound...]
    let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
}

@Suite("The справка of named instruments, attitudes and competences")
struct NamedReportTests {
    @Test("A named wave of three: figures, the «неанонимное» note, no anonymity promise; the anonymous one suppresses")
    func namedNote() throws {
        let named = markdown(try NamedSurvey.questionnaire(anonymous: false), NamedSurvey.responses)
        #expect(named.contains("Анкетирование неанонимное:"))
        #expect(!named.contains("результаты не приводятся"))
        #expect(!named.contains("чтобы сохранить анонимность"))
        #expect(named.contains("0,58"), "the figure of indicator А is shown")
        #expect(!named.contains("Иванова"), "names are never printed in the справка")

        let anonymous = markdown(try NamedSurvey.questionnaire(anonymous: true), NamedSurvey.responses)
        #expect(anonymous.contains("результаты не приводятся"))
        #expect(!anonymous.contains("Анкетирование неанонимное"))
    }

    @Test("BRS readiness: attitude items are not training topics, they are reported as attitudes")
    func brsAttitudes() throws {
        let questionnaire = try DefinitionLoader().load(contentsOf: root.appendingPathComponent("Questionnaires/teachers-brs-readiness.yaml"))
        let reader = try ResponseReader(url: root.appendingPathComponent("Samples/teachers-brs-readiness-2025.csv"), questionnaire: questionnaire)
        var responses: [Response] = []
        _ = try reader.read { if case .accepted(let row) = $0 { responses.append(row.response) } }
        let text = markdown(questionnaire, responses)
        let topics = try #require(section(text, "Темы для повышения квалификации"), "the 2025 wave has topics")
        let attitudes = try #require(section(text, "Отношение и установки педагогов"))
        for question in questionnaire.questions where question.itemKind == .attitude {
            #expect(!topics.contains(question.text), "attitude «\(question.text)» listed as a topic")
        }
        #expect(attitudes.contains("Для меня предпочтительнее привычная пятибалльная система без рейтинга. \\*"))
        #expect(attitudes.contains("Согласны, %"))
        // Agree + disagree never exceed 100 % (the neutral option is in neither).
        let result = { () -> AnalysisResult in
            var analyzer = Analyzer(questionnaire: questionnaire, wave: "2025")
            for response in responses { analyzer.add(response) }
            return analyzer.finish()
        }()
        let traditional = try #require(result.questions.first { $0.id == "mot_traditional" })
        let agree = traditional.options.filter { ["5", "4"].contains($0.code) }.reduce(0) { $0 + $1.count }
        let disagree = traditional.options.filter { ["2", "1"].contains($0.code) }.reduce(0) { $0 + $1.count }
        let expected = RussianNumber.percent(Double(agree) / Double(traditional.valid) * 100)
        #expect(attitudes.contains(expected))
        #expect(agree + disagree <= traditional.valid)
    }
}
