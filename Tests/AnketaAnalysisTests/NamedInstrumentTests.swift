import AnketaAnalysis
import AnketaCore
import AnketaTestSupport
import Testing

private func analyze(anonymous: Bool, minimum: Int = 5) throws -> AnalysisResult {
    var analyzer = Analyzer(questionnaire: try NamedSurvey.questionnaire(anonymous: anonymous), wave: "2026",
                            options: AnalysisOptions(minGroupSize: minimum))
    for response in NamedSurvey.responses { analyzer.add(response) }
    return analyzer.finish()
}

@Suite("Named (non-anonymous) instruments")
struct NamedInstrumentTests {
    @Test("A three-member team's named self-assessment reports its figures; the same wave, anonymous, is suppressed")
    func namedReportsAnonymousSuppresses() throws {
        let named = try analyze(anonymous: false)
        #expect(!named.suppressed)
        #expect(named.minGroupSize == 1)
        // By hand: а = (0,75 + 0 + 1)/3, б = (0,25 + 0,75 + 1)/3.
        let a = try #require(named.indicators.first { $0.id == "a" }?.figure)
        let b = try #require(named.indicators.first { $0.id == "b" }?.figure)
        #expect(abs(a - 1.75 / 3) < 1e-12)
        #expect(abs(b - 2.0 / 3) < 1e-12)
        // The director is a group of one, shown: the instrument is not anonymous.
        let role = try #require(named.breakdowns.first { $0.grouping == "role" })
        let director = try #require(role.groups.first { $0.key == "Директор" })
        #expect(director.respondents == 1 && !director.suppressed)

        let anonymous = try analyze(anonymous: true)
        #expect(anonymous.suppressed)
        #expect(anonymous.indicators.isEmpty && anonymous.breakdowns.isEmpty)
    }

    @Test("A larger --min-group does not hide anything of a named instrument", arguments: [1, 3, 5, 10, 25])
    func minimumIgnored(minimum: Int) throws {
        let result = try analyze(anonymous: false, minimum: minimum)
        #expect(!result.suppressed && result.minGroupSize == 1)
        #expect(result.questions.allSatisfy { question in question.options.allSatisfy { !$0.suppressed } })
    }

    @Test("A named instrument never publishes its short texts (names); long answers stay")
    func namesNotPublished() throws {
        let result = try analyze(anonymous: false)
        #expect(result.questions.first { $0.id == "who" }?.texts == nil)
        #expect(result.questions.first { $0.id == "note" }?.texts == ["Нужна помощь с ФОС"])
    }

    @Test("Development topics list competences only when the definition marks its items")
    func topicsAreCompetences() throws {
        let result = try analyze(anonymous: false)
        #expect(Set(result.difficulties.map(\.question)) == ["a1", "a2"])
        // a1: «Нет» once of 3 → 33,3 % difficulties; a2: «Частично», «Нет» → 66,7 %.
        #expect(result.difficulties.map(\.question) == ["a2", "a1"])
        #expect(abs(result.difficulties[0].percent - 200.0 / 3) < 1e-9)
    }

    @Test("One respondent's scores, levels and weak questions, by hand")
    func respondentScores() throws {
        let questionnaire = try NamedSurvey.questionnaire(anonymous: false)
        let first = RespondentScores(NamedSurvey.responses[0], questionnaire: questionnaire)
        #expect(first.indicators.map(\.score) == [0.75, 0.25])
        #expect(first.indicators.map(\.level) == ["высокий", "низкий"])
        #expect(first.indicators.map(\.deficit) == [false, true])
        #expect(first.indicators.map(\.weakQuestions) == [["a2"], ["b1", "b2"]])
        let empty = RespondentScores(Response(), questionnaire: questionnaire)
        #expect(empty.indicators.allSatisfy { $0.score == nil && $0.level == nil && !$0.deficit })
    }

    @Test("A respondent's score agrees with the wave's figure for a wave of one (random answers)")
    func respondentMatchesWaveOfOne() throws {
        let questionnaire = try NamedSurvey.questionnaire(anonymous: false)
        var random = SeededRandom(seed: 13)
        let codes = ["full", "partial", "none"]
        for _ in 0..<200 {
            var response = Response()
            for id in ["a1", "a2", "b1", "b2"] where random.next() % 5 != 0 {
                response[id] = .option(codes[Int(random.next() % 3)])
            }
            var analyzer = Analyzer(questionnaire: questionnaire, wave: "x")
            analyzer.add(response)
            let wave = analyzer.finish()
            let own = RespondentScores(response, questionnaire: questionnaire)
            for (mine, theirs) in zip(own.indicators, wave.indicators) {
                #expect(mine.score == theirs.figure, "\(response)")
                #expect(mine.level == theirs.level)
            }
        }
    }
}
