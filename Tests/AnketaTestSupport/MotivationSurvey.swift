import AnketaAnalysis
import AnketaCore

/// A tiny motivation-like questionnaire for level shares, lower-is-better indicators and trends:
/// two questions scored 3 / 1 / 0; `total` is their sum (levels 5 высокий, 2 средний, 0 низкий —
/// a deficit); `risk` the share of respondents at «низкий» of `total` (lower is better, a deficit
/// from 20 %); `pressure` an index of question `a` where lower is better.
public enum MotivationSurvey {
    public static let yaml = """
        id: motiv
        version: 1
        title: Мотивация
        audience: students
        scales:
          s3:
            options:
              - {code: 1, label: Да, score: 3}
              - {code: 2, label: Иногда, score: 1}
              - {code: 3, label: Нет, score: 0}
        sections:
          - {id: s, title: Раздел}
        questions:
          - {id: cls, section: s, text: Класс, type: short_text}
          - {id: a, section: s, text: Первый, type: single, scale: s3}
          - {id: b, section: s, text: Второй, type: single, scale: s3}
        groupings:
          - {id: class, title: Класс, question: cls}
        indicators:
          - id: total
            title: Мотивация
            method: sum
            questions: [a, b]
            levels: [{name: высокий, from: 5}, {name: средний, from: 2}, {name: низкий, from: 0, deficit: true}]
          - id: risk
            title: Доля с низкой мотивацией
            method: level_share
            of: total
            share_levels: [низкий]
            direction: lower_is_better
            levels: [{name: высокий, from: 20, deficit: true}, {name: допустимый, from: 0}]
          - id: pressure
            title: Давление
            method: mean_index
            questions: [a]
            direction: lower_is_better
            levels: [{name: высокий, from: 70, deficit: true}, {name: средний, from: 40}, {name: низкий, from: 0}]
        """

    public static func questionnaire() throws -> Questionnaire {
        try DefinitionLoader().load(yaml: yaml, file: "motiv.yaml")
    }

    /// Analyses rows of (class, a, b) given as option codes.
    public static func analyze(_ rows: [(String, Int, Int)], wave: String, minGroupSize: Int = 2) throws -> AnalysisResult {
        var analyzer = Analyzer(questionnaire: try questionnaire(), wave: wave, options: AnalysisOptions(minGroupSize: minGroupSize))
        for (cls, a, b) in rows {
            var response = Response()
            response["cls"] = .text(cls)
            response["a"] = .option(String(a))
            response["b"] = .option(String(b))
            analyzer.add(response)
        }
        return analyzer.finish()
    }

    /// The sum of scores of a row (codes 1, 2, 3 score 3, 1, 0).
    public static func sum(_ a: Int, _ b: Int) -> Double {
        let score = [1: 3.0, 2: 1.0, 3: 0.0]
        return score[a]! + score[b]!
    }
}
