import Foundation
import AnketaCore
import AnketaStats

/// Computes every figure of a wave in one streaming pass over its responses.
///
/// ```swift
/// var analyzer = Analyzer(questionnaire: q, wave: "2026-весна")
/// try store.forEachResponse(in: wave) { analyzer.add($0.response) }
/// let result = analyzer.finish()
/// ```
public struct Analyzer {
    public let questionnaire: Questionnaire
    public let options: AnalysisOptions
    let wave: String
    let plan: AnalysisPlan
    let groupings: [Grouping]
    var total: ScoreSheet
    /// Per grouping: group key → its sheet (insertion order kept in `groupOrder`).
    var groups: [[String: ScoreSheet]]
    /// Questions that define groups.
    let groupingQuestions: Set<String>
    /// Questions that define groups, in the order of the questionnaire's groupings.
    let groupingQuestionIDs: [String]
    let groupingPlans: [QuestionPlan?]
    /// Where each grouping question stands in the questionnaire (nil: not one of its questions).
    let groupingPositions: [Int?]
    /// Per grouping question: the distinct answers met so far (*slots*), each with its group keys
    /// and its *atom* — answer status plus the group under every analysed grouping of that question
    /// (the finest split any published table makes) — and how many respondents gave it. Answers are
    /// few (classes, levels), so keys are worked out once per distinct answer, not per respondent.
    var slots: [[AtomSlot]]
    /// Per grouping question: answer → its slot (up to `maximumCachedAnswers` answers), and atom → slot.
    var slotOfAnswer: [[Answer?: Int]]
    var slotOfSignature: [[[String]: Int]]
    /// Per grouping question: the indices (in `groupings`) of the analysed groupings of that question.
    let groupingsOf: [[Int]]
    /// Per analysed grouping of free text: the identity of a group (case, «ё», spaces, quotes and
    /// «№» ignored) → the spelling shown, the first one seen.
    var spellings: [[String: String]]
    /// The response being added, as dense answers (the storage is reused).
    var dense: [DenseAnswer] = []
    /// `dense`'s single choices as option indices, −1 for anything else.
    var denseOptions: [Int] = []
    var firstSubmitted: String?
    var lastSubmitted: String?

    public init(questionnaire: Questionnaire, wave: String, options: AnalysisOptions = AnalysisOptions()) {
        self.questionnaire = questionnaire
        self.options = questionnaire.anonymous ? options : options.named()
        self.wave = wave
        plan = AnalysisPlan(questionnaire)
        total = ScoreSheet(plan: plan)
        groupings = questionnaire.groupings.filter { options.groupings?.contains($0.id) ?? true }
        groups = Array(repeating: [:], count: groupings.count)
        groupingQuestions = Set(questionnaire.groupings.map(\.question))
        var ids: [String] = []
        for grouping in questionnaire.groupings where !ids.contains(grouping.question) { ids.append(grouping.question) }
        groupingQuestionIDs = ids
        let questionPlans = plan.questions
        groupingPlans = ids.map { id in questionPlans.first { $0.question.id == id } }
        groupingPositions = groupingPlans.map { $0?.position }
        slots = Array(repeating: [], count: ids.count)
        slotOfAnswer = Array(repeating: [:], count: ids.count)
        slotOfSignature = Array(repeating: [:], count: ids.count)
        let analysed = groupings
        groupingsOf = ids.map { id in analysed.indices.filter { analysed[$0].question == id } }
        spellings = Array(repeating: [:], count: groupings.count)
    }

    /// A distinct answer to a grouping question: its groups, its atom and its respondents.
    struct AtomSlot {
        /// The group under each analysed grouping of the question (`groupingsOf`).
        var keys: [String]
        var signature: [String]
        var count = 0
    }

    /// The label of "no answer to the grouping question".
    public static let unspecifiedGroup = "не указано"

    public mutating func add(_ response: Response) {
        dense.removeAll(keepingCapacity: true)
        for question in plan.questions { dense.append(DenseAnswer(response.answers[question.question.id], plan: question)) }
        let ids = groupingQuestionIDs
        addDense(submittedAt: response.submittedAt) { q in response.answers[ids[q]] }
    }

    /// Adds a response given by question position (`answers[i]` answers `questionnaire.questions[i]`),
    /// as a reader of a file hands it over: the same tallies as ``add(_:)``, without a dictionary.
    package mutating func add(answers: [Answer?], submittedAt: String?) {
        dense.removeAll(keepingCapacity: true)
        for question in plan.questions { dense.append(DenseAnswer(answers[question.position], plan: question)) }
        let positions = groupingPositions
        addDense(submittedAt: submittedAt) { q in positions[q].flatMap { answers[$0] } }
    }

    /// Adds the response in `dense`; `groupingAnswer(q)` is its answer to the `q`-th grouping question.
    private mutating func addDense(submittedAt: String?, groupingAnswer: (Int) -> Answer?) {
        denseOptions.removeAll(keepingCapacity: true)
        for answer in dense { denseOptions.append(answer.optionIndex) }
        let plan = self.plan
        total.add(dense, options: denseOptions, plan: plan, keepTexts: options.maxTexts)
        if let time = submittedAt {
            if firstSubmitted.map({ time < $0 }) ?? true { firstSubmitted = time }
            if lastSubmitted.map({ time > $0 }) ?? true { lastSubmitted = time }
        }
        for q in groupingQuestionIDs.indices {
            let slot = self.slot(for: groupingAnswer(q), question: q)
            slots[q][slot].count += 1
            for (position, g) in groupingsOf[q].enumerated() {
                groups[g][slots[q][slot].keys[position], default: ScoreSheet(plan: plan)].add(dense, options: denseOptions, plan: plan, keepTexts: 0)
            }
        }
    }

    /// Answers of a grouping question remembered with their slot; past this many, slots are found by atom.
    static let maximumCachedAnswers = 4096

    /// The slot of an answer to the `q`-th grouping question, made the first time the answer is met.
    mutating func slot(for answer: Answer?, question q: Int) -> Int {
        if let slot = slotOfAnswer[q][answer] { return slot }
        var keys: [String] = []
        var signature = [atomStatus(answer, plan: groupingPlans[q])]
        for g in groupingsOf[q] {
            let grouping = groupings[g]
            var key = Analyzer.groupKey(answer, grouping: grouping, questionnaire: questionnaire)
            if grouping.derive == nil, key != Analyzer.unspecifiedGroup, case .text? = answer {
                let identity = Analyzer.groupIdentity(key)
                if let shown = spellings[g][identity] { key = shown } else { spellings[g][identity] = key }
            }
            keys.append(key)
            signature.append(key)
        }
        let slot: Int
        if let known = slotOfSignature[q][signature] {
            slot = known
        } else {
            slot = slots[q].count
            slots[q].append(AtomSlot(keys: keys, signature: signature))
            slotOfSignature[q][signature] = slot
        }
        if slotOfAnswer[q].count < Analyzer.maximumCachedAnswers { slotOfAnswer[q][answer] = slot }
        return slot
    }

    /// Per grouping question: respondents by atom (see `slots`).
    var atoms: [[[String]: Int]] {
        slots.map { slots in Dictionary(slots.map { ($0.signature, $0.count) }, uniquingKeysWith: +) }
    }

    /// The answer status of an atom: `b` blank (or an unknown option, counted as blank), `z`
    /// «затрудняюсь ответить», `v` a text or number, `o` and the option codes chosen.
    func atomStatus(_ answer: Answer?, plan: QuestionPlan?) -> String {
        switch answer {
        case nil: return "b"
        case .noAnswer?: return "z"
        case .text?, .number?: return "v"
        case .option(let code)?:
            guard plan?.optionIndex[code] != nil else { return "b" }
            return "o\u{1F}" + code
        case .options(let codes)?:
            if codes.isEmpty { return "b" }
            return (["o"] + codes.filter { plan?.optionIndex[$0] != nil }).joined(separator: "\u{1F}")
        }
    }

    /// What makes two free-text groups the same: the text as answers are matched (`TextKey`: case,
    /// «ё»/«е», spaces, quotes and «№» spacing ignored).
    public static func groupIdentity(_ key: String) -> String {
        TextKey(key).value
    }

    /// The group a response belongs to under a grouping.
    public static func groupKey(_ answer: Answer?, grouping: Grouping, questionnaire: Questionnaire) -> String {
        let raw: String?
        switch answer {
        case .option(let code)?:
            raw = questionnaire.question(grouping.question).flatMap { questionnaire.scale(of: $0)?.option(code: code)?.label } ?? code
        case .text(let text)?: raw = text
        case .number(let value)?: raw = RussianNumber.plain(value)
        default: raw = nil
        }
        guard let raw else { return unspecifiedGroup }
        switch grouping.derive {
        case .level?: return SchoolLevel(className: raw)?.rawValue ?? unspecifiedGroup
        case .classNumber?: return SchoolLevel.classNumber(raw).map(String.init) ?? unspecifiedGroup
        case nil:
            if questionnaire.question(grouping.question)?.kind == .shortText {
                if let className = SchoolLevel.normalizedClass(raw) { return className }
                let words = raw.split(whereSeparator: \.isWhitespace)
                return words.isEmpty ? unspecifiedGroup : words.joined(separator: " ")
            }
            return raw
        }
    }

    public func finish() -> AnalysisResult {
        guard total.respondents >= options.minGroupSize else {
            // Too few respondents to keep anyone anonymous: the count only, no figure anywhere.
            return AnalysisResult(questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
                                  title: questionnaire.title, audience: questionnaire.audience, wave: wave,
                                  respondents: total.respondents, period: nil, minGroupSize: options.minGroupSize, suppressed: true,
                                  questions: [], indicators: [], overall: nil, breakdowns: [], difficulties: [])
        }
        let indicators = zip(plan.indicators, total.indicators).map { summarize($0.0, $0.1) }
        let overall = summarizeOverall(indicators)
        let disclosure = self.disclosure()
        let breakdowns = groupings.indices.map { breakdown($0, hidden: disclosure.hiddenGroups[$0], omitted: disclosure.omittedGroups[$0]) }
        var questions = zip(plan.questions, total.questions).map {
            summarize($0.0, $0.1, respondents: total.respondents, hidden: disclosure.hiddenOptions[$0.0.question.id] ?? [],
                      hideAnswerCounts: disclosure.hiddenAnswerCounts.contains($0.0.question.id))
        }
        // A named instrument's short texts are names, positions, the observed teacher: never published.
        if !questionnaire.anonymous {
            for index in questions.indices where questions[index].kind == .shortText { questions[index].texts = nil }
        }
        return AnalysisResult(questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
                              title: questionnaire.title, audience: questionnaire.audience, wave: wave,
                              respondents: total.respondents, period: zip2(firstSubmitted, lastSubmitted).map { [$0, $1] }, minGroupSize: options.minGroupSize, suppressed: false,
                              questions: questions, indicators: indicators, overall: overall,
                              breakdowns: breakdowns, difficulties: difficulties(questions))
    }

    // MARK: - Questions

    /// - Parameters:
    ///   - hidden: options of a grouping question to hide (`disclosure()`).
    ///   - hideAnswerCounts: withhold valid / «затрудняюсь» / blank counts (and so the percentages).
    func summarize(_ plan: QuestionPlan, _ tally: QuestionTally, respondents: Int, hidden: Set<String> = [],
                   hideAnswerCounts: Bool = false) -> QuestionSummary {
        let question = plan.question
        let options = (plan.scale?.options ?? []).enumerated().map { index, option in
            let suppressed = hidden.contains(option.code)
            let shown = tally.valid > 0 && !suppressed && !hideAnswerCounts
            return OptionCount(code: option.code, label: option.label, count: suppressed ? 0 : tally.optionCounts[index],
                               percent: shown ? Double(tally.optionCounts[index]) / Double(tally.valid) * 100 : 0,
                               positive: plan.positive[index], suppressed: suppressed)
        }
        var summary = QuestionSummary(id: question.id, text: question.text, grid: question.grid, section: question.section,
                                      kind: question.kind, reverse: question.reverse, respondents: respondents,
                                      valid: hideAnswerCounts ? 0 : tally.valid, noAnswer: hideAnswerCounts ? 0 : tally.noAnswer,
                                      blank: hideAnswerCounts ? 0 : tally.blank, answerCountsSuppressed: hideAnswerCounts, options: options)
        // Means, medians and shares are weighted sums of the option counts: with any count hidden they would give it away.
        guard hidden.isEmpty, !hideAnswerCounts else {
            if question.kind.isText { summary.texts = tally.texts }
            return summary
        }
        if question.kind == .single || question.kind == .number, tally.scores.count > 0 {
            summary.mean = tally.scores.mean
            summary.standardDeviation = tally.scores.standardDeviation
            summary.median = question.kind == .number ? Descriptive.median(tally.values) : tally.medianScore(plan: plan)
            if question.kind == .number {
                summary.quartiles = Descriptive.quartiles(tally.values).map { [$0.q1, $0.median, $0.q3] }
                summary.minimum = tally.scores.min
                summary.maximum = tally.scores.max
            }
        }
        if question.kind == .single, plan.scale?.isScored == true, tally.valid > 0 {
            summary.positiveCount = tally.positive
            summary.positivePercent = Double(tally.positive) / Double(tally.valid) * 100
            if let interval = WilsonInterval(successes: tally.positive, trials: tally.valid) {
                summary.positiveInterval = [interval.lower * 100, interval.upper * 100]
            }
            if let mean = tally.scores.mean, let range = plan.range, range.upperBound > range.lowerBound {
                let keyed = question.reverse ? range.lowerBound + range.upperBound - mean : mean
                summary.index = (keyed - range.lowerBound) / (range.upperBound - range.lowerBound) * 100
            }
        }
        if question.kind.isText { summary.texts = tally.texts }
        return summary
    }

    func difficulties(_ questions: [QuestionSummary]) -> [Difficulty] {
        let indicatorOf = Dictionary(questionnaire.indicators.flatMap { indicator in indicator.items.map { ($0.question, indicator.id) } },
                                     uniquingKeysWith: { first, _ in first })
        // A definition that marks its items lists its competences only; one that marks none, every indicator question.
        let marked = questionnaire.questions.contains { $0.itemKind != nil }
        return questions.compactMap { summary -> Difficulty? in
            guard let positive = summary.positivePercent, indicatorOf[summary.id] != nil,
                  !marked || questionnaire.question(summary.id)?.itemKind == .competence else { return nil }
            return Difficulty(question: summary.id, text: summary.text, indicator: indicatorOf[summary.id],
                              percent: 100 - positive, valid: summary.valid)
        }
        .sorted { $0.percent > $1.percent }
    }

    // MARK: - Indicators

    func figure(_ plan: IndicatorPlan, _ tally: IndicatorTally) -> Double? {
        switch plan.indicator.method {
        case .positiveShare:
            return tally.validWeight > 0 ? tally.positiveWeight / tally.validWeight * 100 : nil
        case .meanIndex, .meanScore, .sum, .levelShare:
            return tally.scores.moments.mean
        }
    }

    static func threshold(_ levels: [Level]) -> Double? {
        guard levels.contains(where: \.deficit) else { return nil }
        return levels.filter { !$0.deficit }.map(\.from).min()
    }

    func summarize(_ plan: IndicatorPlan, _ tally: IndicatorTally) -> IndicatorSummary {
        let indicator = plan.indicator
        let value = figure(plan, tally)
        let level = value.flatMap { indicator.level(for: $0) }
        let moments = tally.scores.moments
        var summary = IndicatorSummary(id: indicator.id, title: indicator.title, method: indicator.method, audienceKey: indicator.audienceKey,
                                       figure: value, level: level?.name, deficit: level?.deficit ?? false,
                                       threshold: indicator.threshold, respondentsScored: tally.scores.count,
                                       scores: ScoreMoments(n: moments.count, mean: moments.mean, standardDeviation: moments.standardDeviation),
                                       levelDistribution: Analyzer.levelDistribution(indicator, scores: tally.scores.array), reliability: tally.reliability(),
                                       recommendation: indicator.recommendation)
        annotate(&summary, indicator: indicator, tally: tally)
        return summary
    }

    func overallLevels() -> [Level]? {
        guard let overall = questionnaire.overall else { return nil }
        return overall.levels ?? overall.indicators.first.flatMap { id in questionnaire.indicators.first { $0.id == id }?.levels }
    }

    func overallFigure(_ figures: [String: Double]) -> Double? {
        guard let overall = questionnaire.overall else { return nil }
        let values = overall.indicators.compactMap { figures[$0] }
        guard !values.isEmpty, values.count == overall.indicators.count else { return nil }
        return values.reduce(0, +) / Double(values.count)
    }

    func summarizeOverall(_ indicators: [IndicatorSummary]) -> OverallSummary? {
        guard let overall = questionnaire.overall else { return nil }
        let figures = Dictionary(indicators.compactMap { summary in summary.figure.map { (summary.id, $0) } }, uniquingKeysWith: { a, _ in a })
        let value = overallFigure(figures)
        let level = value.flatMap { value in overallLevels().flatMap { Level.level(for: value, in: $0) } }
        return OverallSummary(title: overall.title, figure: value, level: level?.name, deficit: level?.deficit ?? false,
                              indicators: overall.indicators)
    }

    // MARK: - Breakdowns

    /// The breakdown of one grouping; `hidden` groups are shown as «скрыто», `omitted` ones not at
    /// all (`disclosure()`).
    func breakdown(_ index: Int, hidden: Set<String>, omitted: Set<String>) -> Breakdown {
        let grouping = groupings[index]
        let sheets = groups[index].filter { !omitted.contains($0.key) }
        let keys = orderedKeys(Array(sheets.keys), grouping: grouping)
        var groupFigures: [GroupFigures] = []
        for key in keys {
            guard let sheet = sheets[key] else { continue }
            if hidden.contains(key) {
                groupFigures.append(GroupFigures(key: key, respondents: nil, suppressed: true,
                                                 indicators: plan.indicators.map { GroupIndicator(id: $0.indicator.id, figure: nil, level: nil, deficit: false, scores: nil) },
                                                 overall: nil))
                continue
            }
            var figures: [String: Double] = [:]
            let indicators = zip(plan.indicators, sheet.indicators).map { plan, tally -> GroupIndicator in
                let value = figure(plan, tally)
                if let value { figures[plan.indicator.id] = value }
                let level = value.flatMap { plan.indicator.level(for: $0) }
                let moments = tally.scores.moments
                return GroupIndicator(id: plan.indicator.id, figure: value, level: level?.name, deficit: level?.deficit ?? false,
                                      scores: ScoreMoments(n: moments.count, mean: moments.mean, standardDeviation: moments.standardDeviation),
                                      levelDistribution: Analyzer.levelDistribution(plan.indicator, scores: tally.scores.array))
            }
            groupFigures.append(GroupFigures(key: key, respondents: sheet.respondents, suppressed: false,
                                             indicators: indicators, overall: overallFigure(figures)))
        }
        let tested = keys.filter { !hidden.contains($0) && $0 != Analyzer.unspecifiedGroup }
        return Breakdown(grouping: grouping.id, title: grouping.title, groups: groupFigures, groupsOmitted: !omitted.isEmpty,
                         tests: tests(sheets: sheets, keys: tested), questionTests: questionTests(sheets: sheets, keys: tested))
    }

    /// Chi-square of groups × options for every scored single-choice question (not the grouping's own).
    func questionTests(sheets: [String: ScoreSheet], keys: [String]) -> [QuestionTest] {
        guard keys.count >= 2 else { return [] }
        let groupingQuestions = Set(questionnaire.groupings.map(\.question))
        var tests: [QuestionTest] = []
        for (index, plan) in plan.questions.enumerated()
        where plan.question.kind == .single && plan.scale?.isScored == true && !groupingQuestions.contains(plan.question.id) {
            let table = keys.compactMap { sheets[$0]?.questions[index].optionCounts }
            guard let test = ChiSquareIndependence(counts: table), test.degreesOfFreedom > 0 else { continue }
            tests.append(QuestionTest(question: plan.question.id, statistic: test.statistic, degreesOfFreedom: test.degreesOfFreedom,
                                      p: test.pValue, pHolm: test.pValue, cramersV: test.cramersV,
                                      sparse: test.hasSparseExpectedCounts, n: Int(test.total)))
        }
        let adjusted = Holm.adjust(tests.map(\.p))
        for index in tests.indices { tests[index].pHolm = adjusted[index] }
        return tests
    }

    func tests(sheets: [String: ScoreSheet], keys: [String]) -> [GroupTest] {
        guard keys.count >= 2 else { return [] }
        var tests: [GroupTest] = []
        for (index, plan) in plan.indicators.enumerated() {
            // Scores rounded to 1e-9 before ranking, so that equal scores reached by different sums
            // (33,3… + 66,6… and 0 + 100) tie.
            let samples = keys.compactMap { sheets[$0]?.indicators[index].scores.map(Analyzer.rankingValue) }.filter { !$0.isEmpty }
            guard samples.count >= 2 else { continue }
            let n = samples.reduce(0) { $0 + $1.count }
            if samples.count == 2, let test = MannWhitneyU(samples[0], samples[1]) {
                tests.append(GroupTest(indicator: plan.indicator.id, test: "mann_whitney", statistic: test.u, degreesOfFreedom: nil,
                                       p: test.pValue, pHolm: test.pValue, effectSize: test.effectSizeR, groups: 2, n: n))
            } else if let test = KruskalWallis(samples) {
                tests.append(GroupTest(indicator: plan.indicator.id, test: "kruskal_wallis", statistic: test.h,
                                       degreesOfFreedom: test.degreesOfFreedom, p: test.pValue, pHolm: test.pValue,
                                       effectSize: test.epsilonSquared, groups: samples.count, n: n))
            }
        }
        let adjusted = Holm.adjust(tests.map(\.p))
        for index in tests.indices { tests[index].pHolm = adjusted[index] }
        return tests
    }

    /// A respondent's score as ranked: rounded to 9 decimals. Scores are ratios of small integers
    /// (weights, scale scores), so two scores that are equal as real numbers differ in binary floating
    /// point by far less than 1e-9, while different ones differ by far more.
    static func rankingValue(_ score: Double) -> Double {
        guard score.isFinite, abs(score) < 1e6 else { return score }
        return (score * 1e9).rounded() / 1e9
    }

    /// Groups of a choice question in the scale's order («до 3 лет», «3–10 лет», …); others naturally.
    func orderedKeys(_ keys: [String], grouping: Grouping) -> [String] {
        guard grouping.derive == nil, let question = questionnaire.question(grouping.question), question.kind == .single,
              let labels = questionnaire.scale(of: question)?.options.map(\.label) else {
            return keys.sorted(by: Analyzer.groupOrder)
        }
        return keys.sorted { a, b in
            switch (labels.firstIndex(of: a), labels.firstIndex(of: b)) {
            case let (i?, j?): return i < j
            case (_?, nil): return true
            case (nil, _?): return false
            default: return Analyzer.groupOrder(a, b)
            }
        }
    }

    /// Natural order for group keys: classes by number then letter, levels НОО < ООО < СОО, «не указано» last.
    static func groupOrder(_ a: String, _ b: String) -> Bool {
        if a == unspecifiedGroup { return false }
        if b == unspecifiedGroup { return true }
        let levels = SchoolLevel.allCases.map(\.rawValue)
        if let i = levels.firstIndex(of: a), let j = levels.firstIndex(of: b) { return i < j }
        let na = SchoolLevel.classNumber(a), nb = SchoolLevel.classNumber(b)
        if let na, let nb, na != nb, a.first?.isNumber == true, b.first?.isNumber == true { return na < nb }
        return a.localizedStandardCompare(b) == .orderedAscending
    }
}
