import AnketaAnalysis
import AnketaCore
import Testing

/// Rank tests on respondents' index scores: scores equal as numbers tie, however they were summed.
@Suite("Exact ties in rank tests of indicator scores")
struct ExactTiesTests {
    static func questionnaire(items: Int) throws -> Questionnaire {
        let ids = (1...items).map { "q\($0)" }
        return try DefinitionLoader().load(yaml: """
            id: ties
            version: 1
            title: Ничьи
            audience: students
            scales:
              s03: {options: [{code: 0, label: Никогда, score: 0}, {code: 1, label: Редко, score: 1}, {code: 2, label: Часто, score: 2}, {code: 3, label: Всегда, score: 3}]}
            sections: [{id: s, title: Раздел}]
            questions:
              - {id: cls, section: s, text: Класс, type: short_text}
            \(ids.map { "  - {id: \($0), section: s, text: Вопрос \($0), type: single, scale: s03}" }.joined(separator: "\n"))
            groupings: [{id: class, title: Класс, question: cls}]
            indicators:
              - {id: index, title: Индекс, method: mean_index, questions: [\(ids.joined(separator: ", "))], levels: [{name: высокий, from: 50}, {name: низкий, from: 0, deficit: true}]}
            """, file: "ties.yaml")
    }

    static func analyze(_ rows: [(String, [Int?])]) throws -> AnalysisResult {
        let questionnaire = try questionnaire(items: rows[0].1.count)
        var analyzer = Analyzer(questionnaire: questionnaire, wave: "A")
        for (cls, scores) in rows {
            var response = Response(answers: ["cls": .text(cls)])
            for (index, score) in scores.enumerated() {
                if let score { response["q\(index + 1)"] = .option(String(score)) }
            }
            analyzer.add(response)
        }
        return analyzer.finish()
    }

    @Test("Every index exactly 50 in both groups: U = n₁n₂/2, p = 1, r = 0")
    func everyIndexIsFifty() throws {
        // 5А answers 1 and 2 (33,3… + 66,6… = 49,999… in binary), 5Б answers 0 and 3 (exactly 50).
        let rows = (0..<20).map { ("5А", [$0 % 2 == 0 ? 1 : 2, $0 % 2 == 0 ? 2 : 1] as [Int?]) }
            + (0..<20).map { ("5Б", [$0 % 2 == 0 ? 0 : 3, $0 % 2 == 0 ? 3 : 0] as [Int?]) }
        let result = try Self.analyze(rows)
        let breakdown = try #require(result.breakdowns.first)
        #expect(breakdown.groups.map { $0.indicators[0].figure.map { abs($0 - 50) < 1e-9 } } == [true, true])
        let test = try #require(breakdown.tests.first)
        #expect(test.test == "mann_whitney")
        #expect(test.statistic == 200)          // n₁n₂/2; scipy 1.17.1 mannwhitneyu([50.0]*20, [50.0]*20) → U = 200, p = 1
        #expect(test.p == 1)
        #expect(test.effectSize == 0)
        #expect(test.n == 40)
    }

    /// A 0–3 scale, three items, some skipped; scores compared in exact rational arithmetic.
    static let motivation: [(String, [Int?])] = [
        ("5А", [3, 0, 1]), ("5А", [1, 0, 3]), ("5А", [1, 3, 1]), ("5А", [2, 3, 3]), ("5А", [2, 0, 3]), ("5А", [0, 0, 1]),
        ("5А", [1, 0, 1]), ("5А", [nil, 3, 2]), ("5А", [3, nil, 2]),
        ("5Б", [3, 1, 2]), ("5Б", [0, 1, 0]), ("5Б", [1, 3, 2]), ("5Б", [3, 3, 0]), ("5Б", [1, 0, 3]), ("5Б", [1, 1, nil]),
        ("5Б", [3, 0, 0]), ("5Б", [0, 2, 3]),
        ("6А", [0, 1, 0]), ("6А", [2, 2, 3]), ("6А", [0, 1, 3]), ("6А", [0, 1, 3]), ("6А", [3, nil, 1]), ("6А", [0, 3, 2]),
        ("6А", [0, 3, 1]),
    ]

    @Test("Kruskal–Wallis on a 0–3 scale matches scipy on exact scores")
    func kruskalWallisOnExactScores() throws {
        let result = try Self.analyze(Self.motivation)
        let test = try #require(result.breakdowns.first?.tests.first)
        #expect(test.test == "kruskal_wallis")
        // Python 3 fractions → float, scipy 1.17.1 stats.kruskal: H = 0.4225459388757793, p = 0.809553053475747.
        // (Summing the indices in binary floating point, as before, gave H = 0.33896897643012414, p = 0.8440998478741177.)
        #expect(abs(test.statistic - 0.4225459388757793) < 1e-12)
        #expect(abs(test.p - 0.809553053475747) < 1e-12)
        #expect(test.n == 24)
    }

    @Test("Mann–Whitney on a 0–3 scale matches scipy on exact scores")
    func mannWhitneyOnExactScores() throws {
        let result = try Self.analyze(Self.motivation.filter { $0.0 != "6А" })
        let test = try #require(result.breakdowns.first?.tests.first)
        #expect(test.test == "mann_whitney")
        // scipy 1.17.1 mannwhitneyu(5А, 5Б, method="asymptotic", use_continuity=True) on exact scores:
        // U = 41.5, p = 0.6272442390643435 (binary sums gave U = 41.0, p = 0.6634527910768238).
        #expect(test.statistic == 41.5)
        #expect(abs(test.p - 0.6272442390643435) < 1e-12)
    }
}
