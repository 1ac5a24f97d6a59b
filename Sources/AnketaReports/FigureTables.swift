import AnketaAnalysis
import AnketaCollect
import AnketaCore
import Foundation

/// The figures as CSV tables (UTF-8 with BOM, comma, full precision, dot as decimal separator),
/// for anyone who wants to redo a chart in Excel. Suppressed groups have empty cells.
struct FigureTables {
    let input: ReportInput

    init(_ input: ReportInput) {
        self.input = input
    }

    func write(to folder: URL) throws -> [URL] {
        var written: [URL] = []
        func table(_ name: String, _ header: [String], _ rows: [[String]]) throws {
            let url = folder.appendingPathComponent(name)
            let writer = try CSVWriter(url: url)
            try writer.write(header)
            for row in rows { try writer.write(row) }
            try writer.finish()
            written.append(url)
        }
        let result = input.result
        try table("indicators.csv", ["indicator", "title", "method", "figure", "level", "deficit", "threshold", "respondents_scored", "score_mean", "score_sd", "alpha", "alpha_n"],
                  result.indicators.map { i in
                      [i.id, i.title, i.method.rawValue, n(i.figure), i.level ?? "", i.deficit ? "1" : "0", n(i.threshold), String(i.respondentsScored),
                       n(i.scores.mean), n(i.scores.standardDeviation), n(i.reliability.alpha), String(i.reliability.n)]
                  })
        try table("questions.csv", ["question", "text", "kind", "respondents", "valid", "no_answer", "blank", "mean", "sd", "median", "positive_percent", "positive_ci_low", "positive_ci_high", "index"],
                  result.questions.filter { !$0.kind.isText }.map { q -> [String] in
                      // Withheld answer counts (they would reveal a small group) are empty cells, not zeros.
                      let counts = q.answerCountsSuppressed ? ["", "", ""] : [String(q.valid), String(q.noAnswer), String(q.blank)]
                      return [q.id, q.text, q.kind.rawValue, String(q.respondents)] + counts + [n(q.mean), n(q.standardDeviation),
                       n(q.median), n(q.positivePercent), n(q.positiveInterval?[0]), n(q.positiveInterval?[1]), n(q.index)]
                  })
        try table("options.csv", ["question", "code", "label", "count", "percent", "positive", "suppressed"],
                  result.questions.flatMap { q in q.options.map {
                      [q.id, $0.code, $0.label, $0.suppressed ? "" : String($0.count), $0.suppressed || q.answerCountsSuppressed ? "" : n($0.percent),
                       $0.positive ? "1" : "0", $0.suppressed ? "1" : "0"]
                  } })
        for breakdown in result.breakdowns {
            var rows: [[String]] = []
            for group in breakdown.groups {
                for indicator in group.indicators {
                    rows.append([group.key, group.suppressed ? "" : (group.respondents.map(String.init) ?? ""), group.suppressed ? "1" : "0",
                                 indicator.id, n(indicator.figure), indicator.level ?? "", indicator.deficit ? "1" : "0"])
                }
            }
            try table("breakdown-\(breakdown.grouping).csv", ["group", "respondents", "suppressed", "indicator", "figure", "level", "deficit"], rows)
            try table("tests-\(breakdown.grouping).csv", ["indicator", "test", "statistic", "df", "p", "p_holm", "effect_size", "groups", "n"],
                      breakdown.tests.map { [$0.indicator, $0.test, n($0.statistic), $0.degreesOfFreedom.map(String.init) ?? "", n($0.p), n($0.pHolm), n($0.effectSize), String($0.groups), String($0.n)] })
            try table("question-tests-\(breakdown.grouping).csv", ["question", "chi_square", "df", "p", "p_holm", "cramers_v", "sparse", "n"],
                      breakdown.questionTests.map { [$0.question, n($0.statistic), String($0.degreesOfFreedom), n($0.p), n($0.pHolm), n($0.cramersV), $0.sparse ? "1" : "0", String($0.n)] })
        }
        let map = input.deficitMap
        try table("deficit-map.csv", ["indicator", "column", "figure", "level", "deficit", "suppressed"],
                  map.rows.flatMap { row in zip(map.columns, row.cells).map { [row.id, $0, n($1.figure), $1.level ?? "", $1.deficit ? "1" : "0", $1.suppressed ? "1" : "0"] } })
        if let dynamics = input.dynamics {
            try table("dynamics.csv", ["kind", "id", "previous", "current", "change", "ci_low", "ci_high", "p", "test", "direction"],
                      dynamics.indicators.map { change("indicator", $0) } + dynamics.questions.map { change("question", $0) })
        }
        if let trend = input.trend {
            // One row per figure and wave; the test's columns repeat on every row of the figure.
            var rows: [[String]] = []
            for (kind, list) in [("indicator", trend.indicators), ("question", trend.questions)] {
                for series in list {
                    for (index, wave) in trend.waves.enumerated() {
                        rows.append([kind, series.id, wave, n(series.values[index]), String(series.n[index]), series.test ?? "", n(series.statistic),
                                     n(series.slope), n(series.p), series.direction.rawValue, series.improvement.map { $0 ? "1" : "0" } ?? ""])
                    }
                }
            }
            try table("trend.csv", ["kind", "id", "wave", "value", "n", "test", "statistic", "slope", "p", "direction", "improvement"], rows)
        }
        return written
    }

    private func change(_ kind: String, _ c: Dynamics.Change) -> [String] {
        [kind, c.id, n(c.previous), n(c.current), n(c.change), n(c.interval?[0]), n(c.interval?[1]), n(c.p), c.test ?? "", c.direction.rawValue]
    }

    /// Full precision, dot decimal separator (machine-readable).
    private func n(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return "\(value)"
    }
}
