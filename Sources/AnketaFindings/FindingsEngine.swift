import AnketaAnalysis
import AnketaCore
import AnketaStats

/// Derives every finding a methodist would write from one wave's figures: deficits of indicators,
/// of single questions and of single groups; significant declines and rises; significant
/// differences between groups; recurring open answers, placed beside the finding they concern.
///
/// Pure: figures in, findings out, ranked by severity (most serious first).
///
/// ```swift
/// let findings = FindingsEngine(questionnaire: q, result: now, previous: lastYear).findings
/// ```
public struct FindingsEngine: Sendable {
    public let questionnaire: Questionnaire
    public let result: AnalysisResult
    public let dynamics: Dynamics?
    public let options: Options

    /// Thresholds of the rules; the defaults are what the справка uses.
    public struct Options: Sendable, Equatable {
        /// Significance level after the Holm correction.
        public var alpha: Double = 0.05
        /// An open answer given by at least this many respondents is a finding of its own when no
        /// other finding explains it.
        public var recurringAnswers: Int = 3
        /// At most this many open answers are placed beside one finding.
        public var answersPerFinding: Int = 3

        public init() {}
    }

    public init(questionnaire: Questionnaire, result: AnalysisResult, previous: AnalysisResult? = nil, options: Options = Options()) {
        self.questionnaire = questionnaire
        self.result = result
        self.dynamics = previous.map { Dynamics(previous: $0, current: result) }
        self.options = options
    }

    /// All findings, the most serious first. Empty when the wave is too small to publish anything.
    public var findings: [Finding] {
        guard !result.suppressed, result.respondents >= result.minGroupSize else { return [] }
        var findings = indicatorDeficits() + itemDeficits() + groupDeficits() + changes() + itemDeclines() + groupDifferences()
        findings = attachOpenAnswers(to: findings)
        return findings.enumerated().sorted { ($0.element.severity, -$0.offset) > ($1.element.severity, -$1.offset) }.map(\.element)
    }

    // MARK: - Rules

    /// Base severity of each kind; within a kind, the distance from the threshold (or the size of the
    /// change) adds up to one point.
    static func weight(_ kind: Finding.Kind) -> Double {
        switch kind {
        case .indicatorDeficit: 5
        case .decline: 4
        case .itemDeficit: 3
        case .groupDeficit: 2.5
        case .groupDifference: 2
        case .itemDecline: 1.5
        case .openAnswers: 1
        case .rise: 0
        }
    }

    /// How far `figure` is below `threshold`, as a share of the figure's range (0…1).
    func relativeGap(_ figure: Double, _ threshold: Double, indicator: Indicator?) -> Double {
        let span = range(of: indicator)
        return max(0, min(1, Level.gap(figure, threshold: threshold, direction: indicator?.direction ?? .higherIsBetter) / span))
    }

    /// The range of an indicator's figure: 100 for percentages and indices, else from its levels.
    func range(of indicator: Indicator?) -> Double {
        guard let indicator else { return 100 }
        switch indicator.method {
        case .positiveShare, .meanIndex, .levelShare: return 100
        case .meanScore, .sum:
            let scores = indicator.items.compactMap { item in questionnaire.question(item.question).flatMap { questionnaire.scale(of: $0) }?.scoreRange }
            let span = indicator.method == .sum ? scores.reduce(0) { $0 + ($1.upperBound - $1.lowerBound) }
                : (scores.map(\.upperBound).max() ?? 1) - (scores.map(\.lowerBound).min() ?? 0)
            return span > 0 ? span : 1
        }
    }

    func definition(_ id: String) -> Indicator? {
        questionnaire.indicators.first { $0.id == id }
    }

    func indicatorDeficits() -> [Finding] {
        result.indicators.compactMap { summary in
            guard summary.deficit, let figure = summary.figure else { return nil }
            let indicator = definition(summary.id)
            let gap = summary.threshold.map { relativeGap(figure, $0, indicator: indicator) } ?? 0
            var finding = Finding(id: "indicator-deficit:\(summary.id)", kind: .indicatorDeficit, severity: Self.weight(.indicatorDeficit) + gap,
                                  indicator: summary.id, subject: summary.title, method: summary.method, figure: figure,
                                  threshold: summary.threshold, guidance: indicator?.guidance ?? Guidance())
            finding.lowerIsBetter = indicator?.direction == .lowerIsBetter
            return finding
        }
    }

    /// The figure of one question on its indicator's scale: share of positive answers, index or mean score.
    static func itemFigure(_ question: QuestionSummary, method: Indicator.Method) -> Double? {
        switch method {
        case .positiveShare: question.positivePercent
        case .meanIndex: question.index
        case .meanScore: question.mean
        case .sum, .levelShare: nil
        }
    }

    func itemDeficits() -> [Finding] {
        var seen: Set<String> = []
        var findings: [Finding] = []
        for summary in result.indicators {
            guard let threshold = summary.threshold, let indicator = definition(summary.id) else { continue }
            for item in indicator.items where seen.insert(item.question).inserted {
                guard let question = result.questions.first(where: { $0.id == item.question }),
                      question.valid >= result.minGroupSize,
                      let figure = Self.itemFigure(question, method: summary.method),
                      indicator.direction == .lowerIsBetter ? figure >= threshold - 1e-9 : figure < threshold - 1e-9 else { continue }
                let definition = questionnaire.question(item.question)
                var finding = Finding(id: "item-deficit:\(item.question)", kind: .itemDeficit,
                                      severity: Self.weight(.itemDeficit) + relativeGap(figure, threshold, indicator: indicator),
                                      indicator: summary.id, question: item.question, subject: question.text, method: summary.method,
                                      figure: figure, threshold: threshold, guidance: definition?.guidance ?? Guidance())
                finding.parentTitle = summary.title
                finding.parentFigure = summary.figure
                finding.parentLevel = summary.level
                finding.lowerIsBetter = indicator.direction == .lowerIsBetter
                findings.append(finding)
            }
        }
        return findings
    }

    func groupDeficits() -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<String> = []
        for breakdown in result.breakdowns {
            for group in breakdown.groups where !group.suppressed && group.key != Analyzer.unspecifiedGroup {
                for figures in group.indicators where figures.deficit {
                    // A share in levels names its classes even when the whole wave is a deficit: the
                    // instrument's rule is about classes («классы, где доля … превышает 20 %»).
                    guard let summary = result.indicators.first(where: { $0.id == figures.id }),
                          !summary.deficit || summary.method == .levelShare,
                          let figure = figures.figure,
                          // The same group under two groupings (a class and its level) is one finding.
                          seen.insert("\(figures.id):\(group.key)").inserted else { continue }
                    let indicator = definition(figures.id)
                    let gap = summary.threshold.map { relativeGap(figure, $0, indicator: indicator) } ?? 0
                    var finding = Finding(id: "group-deficit:\(figures.id):\(group.key)", kind: .groupDeficit,
                                          severity: Self.weight(.groupDeficit) + gap, indicator: figures.id, subject: summary.title,
                                          method: summary.method, figure: figure, threshold: summary.threshold,
                                          grouping: breakdown.title, group: group.key,
                                          groups: [Finding.GroupFigure(group: group.key, figure: figure, respondents: group.respondents)],
                                          guidance: indicator?.guidance ?? Guidance())
                    finding.lowerIsBetter = indicator?.direction == .lowerIsBetter
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    func changes() -> [Finding] {
        guard let dynamics else { return [] }
        return dynamics.indicators.compactMap { change in
            guard change.direction == .up || change.direction == .down, let summary = result.indicators.first(where: { $0.id == change.id }) else { return nil }
            let indicator = definition(change.id)
            let size = min(1, abs(change.change ?? 0) / range(of: indicator) * 10)
            // A decline is a change for the worse: a fall, or a rise where lower is better.
            let worse = change.improvement.map { !$0 } ?? (change.direction == .down)
            let kind: Finding.Kind = worse ? .decline : .rise
            var finding = Finding(id: "\(kind.rawValue):\(change.id)", kind: kind, severity: Self.weight(kind) + size, indicator: change.id,
                                  subject: summary.title, method: summary.method, figure: change.current, threshold: summary.threshold,
                                  previous: change.previous, p: change.p, guidance: indicator?.guidance ?? Guidance())
            finding.lowerIsBetter = indicator?.direction == .lowerIsBetter
            return finding
        }
    }

    /// Questions whose share of positive answers fell significantly, Holm-corrected across the
    /// questions compared, and not already inside a declining indicator.
    func itemDeclines() -> [Finding] {
        guard let dynamics else { return [] }
        let tested = dynamics.questions.filter { $0.p != nil }
        let adjusted = Holm.adjust(tested.compactMap(\.p))
        let declining = Set(dynamics.indicators.filter { $0.direction == .down }.map(\.id))
        var findings: [Finding] = []
        for (change, pHolm) in zip(tested, adjusted) where pHolm < options.alpha && (change.change ?? 0) < 0 {
            let indicator = questionnaire.indicators.first { $0.items.contains { $0.question == change.id } }
            if let indicator, declining.contains(indicator.id) { continue }
            // Less agreement with a statement of an indicator where lower is better is no decline.
            if indicator?.direction == .lowerIsBetter { continue }
            findings.append(Finding(id: "item-decline:\(change.id)", kind: .itemDecline,
                                    severity: Self.weight(.itemDecline) + min(1, abs(change.change ?? 0) / 10),
                                    indicator: indicator?.id, question: change.id, subject: change.title, method: .positiveShare,
                                    figure: change.current, previous: change.previous, p: pHolm,
                                    guidance: questionnaire.question(change.id)?.guidance ?? Guidance()))
        }
        return findings
    }

    func groupDifferences() -> [Finding] {
        var findings: [Finding] = []
        for breakdown in result.breakdowns {
            for test in breakdown.tests where test.pHolm < options.alpha {
                guard let summary = result.indicators.first(where: { $0.id == test.indicator }) else { continue }
                var groups = breakdown.groups.compactMap { group -> Finding.GroupFigure? in
                    guard !group.suppressed, group.key != Analyzer.unspecifiedGroup,
                          let figure = group.indicators.first(where: { $0.id == test.indicator })?.figure else { return nil }
                    return Finding.GroupFigure(group: group.key, figure: figure, respondents: group.respondents)
                }.sorted { $0.figure < $1.figure }
                guard groups.count >= 2 else { continue }
                let lower = definition(test.indicator)?.direction == .lowerIsBetter
                // The group that fares worst comes first: the lowest, or the highest where lower is better.
                if lower { groups.reverse() }
                findings.append(Finding(id: "group-difference:\(test.indicator):\(breakdown.grouping)", kind: .groupDifference,
                                        severity: Self.weight(.groupDifference) + min(1, test.effectSize * 2), indicator: test.indicator,
                                        subject: summary.title, method: summary.method, figure: groups.first?.figure,
                                        threshold: summary.threshold, p: test.pHolm, grouping: breakdown.title, group: groups.first?.group,
                                        groups: groups, effectSize: test.effectSize, guidance: definition(test.indicator)?.guidance ?? Guidance()))
                findings[findings.count - 1].lowerIsBetter = lower
            }
        }
        return findings
    }

    // MARK: - Open answers

    /// Places each recurring open answer beside the finding it talks about. An answer is first
    /// matched to the indicator (or the question outside indicators) whose words it shares most —
    /// so that «Отметки у разных учителей ставятся по-разному» goes to assessment, not to
    /// politeness because both mention teachers — and joins a finding of that indicator. Answers
    /// that fit no finding and recur often enough are listed as a finding of their own question.
    func attachOpenAnswers(to findings: [Finding]) -> [Finding] {
        let grouping = Set(questionnaire.groupings.map(\.question))
        let texts = result.questions.filter { $0.kind.isText && !grouping.contains($0.id) }
            .map { (question: $0.text, answers: $0.texts ?? []) }
        let index = OpenAnswerIndex(texts: texts)
        guard !index.clusters.isEmpty else { return findings }
        // Stems used by many questions say nothing about which one an answer concerns.
        var frequency: [String: Int] = [:]
        for question in questionnaire.questions { for stem in OpenAnswerIndex.stems(question.text) { frequency[stem, default: 0] += 1 } }
        let common = Set(frequency.filter { $0.value > 3 }.map(\.key)).union(OpenAnswerIndex.uninformative)
        let subjects = answerSubjects(excluding: common)
        var findings = findings
        var unplaced: [String: [Finding.OpenAnswer]] = [:]
        var order: [String] = []
        for cluster in index.clusters where cluster.count >= 2 {
            let informative = cluster.stems.subtracting(common)
            let answer = Finding.OpenAnswer(text: cluster.text, count: cluster.count, question: cluster.question)
            // Thanks are not problems.
            if let first = cluster.words.first.flatMap(OpenAnswerIndex.stem), OpenAnswerIndex.gratitude.contains(first) { continue }
            let indicatorLevel = subjects.filter { $0.question == nil }
            let best = indicatorLevel.map { ($0, $0.score(informative, words: cluster.words)) }.max { $0.1 < $1.1 }
            // One shared stem is chance unless it is a keyword of the definition.
            if let (subject, score) = best, score >= 2 {
                let question = subjects.filter { $0.indicator == subject.indicator && $0.question != nil }
                    .map { ($0.question, $0.score(informative, words: cluster.words)) }.filter { $0.1 > 0 }.max { $0.1 < $1.1 }?.0
                let candidates = findings.indices.filter { at in
                    findings[at].kind != .rise && findings[at].kind != .openAnswers && findings[at].indicator == subject.indicator
                }
                let target = candidates.first { question != nil && findings[$0].question == question }
                    ?? candidates.max { findings[$0].severity < findings[$1].severity }
                if let target {
                    if findings[target].openAnswers.count < options.answersPerFinding { findings[target].openAnswers.append(answer) }
                    continue
                }
            }
            guard cluster.count >= options.recurringAnswers, informative.count >= 2 else { continue }
            if unplaced[cluster.question] == nil { order.append(cluster.question) }
            unplaced[cluster.question, default: []].append(answer)
        }
        let total = max(1, index.clusters.reduce(0) { $0 + $1.count })
        for question in order {
            let answers = Array((unplaced[question] ?? []).prefix(5))
            let share = Double(answers.reduce(0) { $0 + $1.count }) / Double(total)
            let id = result.questions.first { $0.text == question }?.id ?? question
            findings.append(Finding(id: "open-answers:\(id)", kind: .openAnswers,
                                    severity: Self.weight(.openAnswers) + min(0.99, share * 2),
                                    subject: question, method: .positiveShare, openAnswers: answers))
        }
        return findings
    }

    /// What an open answer can be about: each indicator (its title and questions' words), and each
    /// scored question that belongs to one.
    struct AnswerSubject {
        var indicator: String?
        var question: String?
        var stems: Set<String>
        var keywords: [String]

        func score(_ stems: Set<String>, words: [String]) -> Int {
            stems.intersection(self.stems).count + keywords.filter { keyword in words.contains { $0.hasPrefix(keyword) } }.count * 2
        }
    }

    func answerSubjects(excluding common: Set<String>) -> [AnswerSubject] {
        func normalised(_ words: [String]) -> [String] {
            words.map { $0.lowercased().replacingOccurrences(of: "ё", with: "е") }.filter { !$0.isEmpty }
        }
        var subjects: [AnswerSubject] = []
        for indicator in questionnaire.indicators {
            let questions = indicator.items.compactMap { questionnaire.question($0.question) }
            let text = ([indicator.title] + questions.map { $0.text + " " + ($0.grid ?? "") }).joined(separator: " ")
            subjects.append(AnswerSubject(indicator: indicator.id, question: nil, stems: OpenAnswerIndex.stems(text).subtracting(common),
                                          keywords: normalised(indicator.keywords + questions.flatMap(\.keywords))))
            for question in questions {
                subjects.append(AnswerSubject(indicator: indicator.id, question: question.id,
                                              stems: OpenAnswerIndex.stems(question.text).subtracting(common),
                                              keywords: normalised(question.keywords)))
            }
        }
        return subjects
    }
}
