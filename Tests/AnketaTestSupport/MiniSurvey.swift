import AnketaAnalysis
import AnketaCore

/// The small questionnaire and two waves the analysis and report tests share. Reference values for
/// them are computed by `docs/reference/analysis_reference.py`.
///
/// Questions: a class (grouping by level), an optional free-text club (grouping by respondents' own
/// words), three agreement questions (q3 reverse-keyed), an open comment; indicators `share`
/// (positive_share) and `index` (mean_index).
public enum MiniSurvey {
    public static func yaml(clubGrouping: Bool = false, overall: Bool = false) -> String {
        """
        id: mini
        version: 1
        title: Тест
        audience: parents
        scales:
          agree4:
            options:
              - {code: 1, label: Нет, score: 1}
              - {code: 2, label: Скорее нет, score: 2}
              - {code: 3, label: Скорее да, score: 3, positive: true}
              - {code: 4, label: Да, score: 4, positive: true}
            no_answer: [Затрудняюсь ответить]
        sections:
          - {id: s, title: Раздел}
        questions:
          - {id: cls, section: s, text: Класс, type: short_text}
          - {id: club, section: s, text: Кружок, type: short_text}
          - {id: q1, section: s, text: Первый, type: single, scale: agree4}
          - {id: q2, section: s, text: Второй, type: single, scale: agree4}
          - {id: q3, section: s, text: Третий, type: single, scale: agree4, reverse: true}
          - {id: comment, section: s, text: Комментарий, type: long_text}
        groupings:
          - {id: level, title: Уровень, question: cls, derive: level}
        \(clubGrouping ? "  - {id: club, title: Кружок, question: club}" : "")
        indicators:
          - id: share
            title: Доля
            method: positive_share
            questions: [q1, q2, q3]
            levels: [{name: высокий, from: 80}, {name: средний, from: 60}, {name: низкий, from: 0, deficit: true}]
          - id: index
            title: Индекс
            method: mean_index
            questions: [q1, q2, q3]
            levels: [{name: высокий, from: 75}, {name: средний, from: 50}, {name: низкий, from: 0, deficit: true}]
        \(overall ? "overall: {title: Общий индекс, indicators: [share]}" : "")
        """
    }

    public typealias Row = (String, Int?, Int?, Int?)

    /// (class, q1, q2, q3); 0 = «Затрудняюсь ответить», nil = blank.
    public static let waveA: [Row] = [
        ("5А", 4, 3, 2), ("5Б", 3, 3, 1), ("6А", 2, 1, 4), ("7В", 4, 4, 1), ("5А", 3, nil, 2), ("10А", 1, 2, 3), ("10Б", 2, 2, 3),
        ("11А", 3, 0, 2), ("10А", 4, 4, 1), ("9А", 3, 3, 2), ("11Б", 2, 1, 4), ("3А", 4, 4, 1),
    ]
    /// The earlier wave.
    public static let waveB: [Row] = [
        ("5А", 3, 2, 2), ("5Б", 2, 2, 3), ("6А", 2, 1, 4), ("7В", 3, 3, 2), ("10А", 1, 1, 4), ("10Б", 2, 3, 3), ("11А", 2, 2, 3),
        ("9А", 3, 2, 2), ("8Б", 4, 3, 1), ("3А", 1, 2, 4),
    ]

    /// `overall`: with an overall index over `share` alone (so each group's index equals its share).
    public static func questionnaire(clubGrouping: Bool = false, overall: Bool = false) throws -> Questionnaire {
        try DefinitionLoader().load(yaml: yaml(clubGrouping: clubGrouping, overall: overall), file: "mini.yaml")
    }

    /// Analyses `rows`; `comments[i]` and `clubs[i]` are the open answers of respondent `i`.
    public static func analyze(_ rows: [Row], comments: [Int: String] = [:], clubs: [Int: String] = [:],
                        clubGrouping: Bool = false, overall: Bool = false, minGroupSize: Int = 5, wave: String = "2026-весна") throws -> AnalysisResult {
        var analyzer = Analyzer(questionnaire: try questionnaire(clubGrouping: clubGrouping, overall: overall), wave: wave,
                                options: AnalysisOptions(minGroupSize: minGroupSize))
        for (index, (cls, q1, q2, q3)) in rows.enumerated() {
            var response = Response()
            response["cls"] = .text(cls)
            for (id, value) in [("q1", q1), ("q2", q2), ("q3", q3)] {
                guard let value else { continue }
                response[id] = value == 0 ? .noAnswer : .option(String(value))
            }
            if let comment = comments[index] { response["comment"] = .text(comment) }
            if let club = clubs[index] { response["club"] = .text(club) }
            analyzer.add(response)
        }
        return analyzer.finish()
    }

}
