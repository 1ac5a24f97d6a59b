import AnketaAnalysis
import AnketaCore
import AnketaStats

/// Analyses one questionnaire's municipal wave in one pass over the responses: every school on
/// its own (an ordinary `Analyzer` per school) and the shown schools pooled.
///
/// Whether a school is shown must be known before its responses arrive (the pooled figures leave
/// hidden schools out), so the builder takes each school's number of respondents up front.
///
/// ```swift
/// var analyzer = MunicipalAnalyzer(questionnaire: q, wave: "2026", schools: units, respondents: counts)
/// analyzer.add(response, school: "sosh5")
/// let result = analyzer.finish()
/// ```
public struct MunicipalAnalyzer {
    public let questionnaire: Questionnaire
    public let wave: String
    public let options: AnalysisOptions
    let schools: [SchoolUnit]
    let respondents: [String: Int]
    private var perSchool: [String: Analyzer] = [:]
    private var pooled: Analyzer
    /// Teachers' difficulties by school and subject (teachers' questionnaires with a `subject` grouping).
    private var subjects: SubjectTally?

    public init(questionnaire: Questionnaire, wave: String, schools: [SchoolUnit], respondents: [String: Int],
                options: AnalysisOptions = AnalysisOptions()) {
        self.questionnaire = questionnaire
        self.wave = wave
        self.options = options
        self.schools = schools
        self.respondents = respondents
        for school in schools {
            perSchool[school.code] = Analyzer(questionnaire: questionnaire, wave: "\(wave), \(school.shortName)", options: options)
        }
        pooled = Analyzer(questionnaire: questionnaire, wave: wave, options: options)
        subjects = SubjectTally(questionnaire: questionnaire)
    }

    /// Whether a school with this many respondents is shown.
    public func isShown(_ code: String) -> Bool { (respondents[code] ?? 0) >= options.minGroupSize }

    public mutating func add(_ response: Response, school code: String) {
        perSchool[code]?.add(response)
        if isShown(code) {
            pooled.add(response)
            subjects?.add(response, school: code)
        }
    }

    /// Every school's own result (for the schools' справки) and the municipal figures.
    public func finish() -> (municipal: MunicipalResult, schools: [String: AnalysisResult], pooled: AnalysisResult) {
        var results: [String: AnalysisResult] = [:]
        for (code, analyzer) in perSchool { results[code] = analyzer.finish() }
        let pooledResult = pooled.finish()
        var municipal = MunicipalFigures.build(questionnaire: questionnaire, wave: wave, schools: schools, results: results,
                                               pooled: pooledResult, minGroupSize: options.minGroupSize)
        if let subjects {
            let names = Dictionary(schools.map { ($0.code, $0.shortName) }, uniquingKeysWith: { first, _ in first })
            for index in municipal.topics.indices {
                let outcome = subjects.subjectRows(question: municipal.topics[index].question, schools: names, minGroupSize: options.minGroupSize)
                municipal.topics[index].subjects = outcome.rows
                municipal.topics[index].subjectsMerged = outcome.merged
                municipal.topics[index].subjectsWithheld = outcome.withheld
            }
        }
        return (municipal, results, pooledResult)
    }
}

/// Builds the municipal figures from the schools' and the pooled results (pure).
public enum MunicipalFigures {
    public static func build(questionnaire: Questionnaire, wave: String, schools units: [SchoolUnit], results: [String: AnalysisResult],
                             pooled: AnalysisResult, minGroupSize: Int) -> MunicipalResult {
        let present = units.filter { results[$0.code] != nil }
        var schools: [SchoolFigures] = present.map { unit in
            let result = results[unit.code]!
            let hidden = result.respondents < minGroupSize || result.suppressed
            let contingent = unit.contingent[questionnaire.audience]
            var coverage: Double?
            if !hidden, let contingent, contingent > 0 { coverage = Double(result.respondents) / Double(contingent) * 100 }
            let indicators = hidden ? [] : result.indicators.map { indicator -> SchoolIndicator in
                var interval: [Double]?
                if let mean = indicator.scores.mean, let sd = indicator.scores.standardDeviation, indicator.scores.n >= 2 {
                    let half = StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: Double(indicator.scores.n - 1)) * sd / Double(indicator.scores.n).squareRoot()
                    interval = [mean - half, mean + half]
                    // Shares and indices cannot leave 0–100: the interval is cut there.
                    if indicator.method.isPercent || indicator.method == .meanIndex { interval = interval?.map { min(100, max(0, $0)) } }
                }
                return SchoolIndicator(id: indicator.id, figure: indicator.figure, level: indicator.level, deficit: indicator.deficit,
                                       scoreMean: indicator.scores.mean, interval: interval, scored: indicator.scores.n, comparison: nil)
            }
            return SchoolFigures(code: unit.code, name: unit.shortName, kind: unit.kind, respondents: hidden ? nil : result.respondents,
                                 hidden: hidden, contingent: contingent, coverage: coverage, indicators: indicators)
        }
        // Each shown school against the other shown schools, Holm across schools per indicator.
        for indicator in pooled.indicators {
            var tested: [(school: Int, test: WelchTTest)] = []
            for (index, school) in schools.enumerated() where !school.hidden {
                guard let own = results[school.code]?.indicators.first(where: { $0.id == indicator.id })?.scores,
                      let test = ScoreMomentsArithmetic.partAgainstRest(own, whole: indicator.scores) else { continue }
                tested.append((index, test))
            }
            let adjusted = Holm.adjust(tested.map(\.test.pValue))
            for (entry, pHolm) in zip(tested, adjusted) {
                let direction: RestComparison.Direction = pHolm < 0.05 ? (entry.test.difference > 0 ? .above : .below) : .none
                guard let slot = schools[entry.school].indicators.firstIndex(where: { $0.id == indicator.id }) else { continue }
                schools[entry.school].indicators[slot].comparison = RestComparison(
                    difference: entry.test.difference, lower: entry.test.lower, upper: entry.test.upper, t: entry.test.t,
                    degreesOfFreedom: entry.test.degreesOfFreedom, p: entry.test.pValue, pHolm: pHolm, direction: direction)
            }
        }
        let shown = schools.filter { !$0.hidden }
        let indicators = pooled.indicators.map { indicator -> MunicipalIndicator in
            let figures = shown.compactMap { school in school.indicators.first { $0.id == indicator.id } }
            let values = figures.compactMap(\.figure)
            return MunicipalIndicator(id: indicator.id, title: indicator.title, method: indicator.method, audienceKey: indicator.audienceKey,
                                      pooled: indicator.figure, level: indicator.level, deficit: indicator.deficit, threshold: indicator.threshold,
                                      meanOfSchools: values.isEmpty ? nil : values.reduce(0, +) / Double(values.count),
                                      lowest: values.min(), highest: values.max(), scoreMean: indicator.scores.mean,
                                      schools: values.count, deficitSchools: figures.filter(\.deficit).count,
                                      recommendation: indicator.recommendation)
        }
        let contingents = shown.map(\.contingent)
        let contingent = contingents.isEmpty || contingents.contains(nil) ? nil : contingents.compactMap { $0 }.reduce(0, +)
        var levels: LevelComparison?
        if let grouping = questionnaire.groupings.first(where: { $0.derive == .level }),
           let breakdown = pooled.breakdowns.first(where: { $0.grouping == grouping.id }) {
            let groups = breakdown.groups.filter { $0.key != Analyzer.unspecifiedGroup }
            if groups.count >= 2 { levels = LevelComparison(grouping: grouping.id, groups: groups, tests: breakdown.tests) }
        }
        return MunicipalResult(questionnaireID: questionnaire.id, title: questionnaire.title, audience: questionnaire.audience, wave: wave,
                               minGroupSize: minGroupSize, schools: schools, indicators: indicators, respondents: pooled.respondents,
                               contingent: contingent, period: pooled.period, levels: levels,
                               topics: questionnaire.audience == .teachers ? topics(pooled: pooled, schools: shown, results: results) : [])
    }

    /// Competences where at least 30 % of the municipality's teachers report a difficulty, with
    /// the schools where at least 30 % of theirs do.
    static func topics(pooled: AnalysisResult, schools: [SchoolFigures], results: [String: AnalysisResult]) -> [DevelopmentTopic] {
        pooled.difficulties.filter { $0.percent >= 30 }.map { difficulty in
            let places = schools.compactMap { school -> DevelopmentTopic.Place? in
                guard let own = results[school.code]?.difficulties.first(where: { $0.question == difficulty.question }), own.percent >= 30 else { return nil }
                let teachers = Int((own.percent / 100 * Double(own.valid)).rounded())
                return DevelopmentTopic.Place(code: school.code, name: school.name, teachers: teachers, percent: own.percent)
            }
            .sorted { ($0.teachers, $1.name) > ($1.teachers, $0.name) }
            return DevelopmentTopic(question: difficulty.question, text: difficulty.text, indicator: difficulty.indicator,
                                    teachers: Int((difficulty.percent / 100 * Double(difficulty.valid)).rounded()), valid: difficulty.valid,
                                    percent: difficulty.percent, schools: places)
        }
    }
}
