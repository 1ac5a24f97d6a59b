import AnketaCore
import AnketaStats

/// Running figures of a set of respondents (the whole wave, or one group): one streaming pass,
/// no raw rows kept — only how often each indicator score occurs (`ScoreList`), for the tests.
struct ScoreSheet {
    var respondents = 0
    var questions: [QuestionTally]
    var indicators: [IndicatorTally]

    init(plan: AnalysisPlan) {
        questions = plan.questions.map { QuestionTally(plan: $0) }
        indicators = plan.indicators.map { IndicatorTally(plan: $0) }
    }

    /// Adds one respondent, whose answers are given densely (by question position, `DenseAnswer`).
    /// `options` are the single choices' option indices (see ``IndicatorTally/add(options:plan:)``).
    mutating func add(_ answers: [DenseAnswer], options: [Int], plan: AnalysisPlan, keepTexts: Int) {
        respondents += 1
        for index in questions.indices {
            questions[index].add(answers[index], plan: plan.questions[index], keepTexts: keepTexts)
        }
        for index in indicators.indices {
            indicators[index].add(options: options, plan: plan.indicators[index])
        }
    }
}

/// Per-question tallies.
struct QuestionTally {
    var optionCounts: [Int]
    var noAnswer = 0
    var blank = 0
    var valid = 0
    var positive = 0
    var scores = RunningMoments()
    /// Answers of number questions (for the median and quartiles); empty for choice questions.
    var values: [Double] = []
    var texts: [String] = []

    init(plan: QuestionPlan) {
        optionCounts = Array(repeating: 0, count: plan.scale?.options.count ?? 0)
    }

    mutating func add(_ answer: DenseAnswer, plan: QuestionPlan, keepTexts: Int) {
        switch answer {
        case .blank:
            blank += 1
        case .noAnswer:
            noAnswer += 1
        case .option(let index):
            valid += 1
            optionCounts[index] += 1
            if plan.positive[index] { positive += 1 }
            // Only the moments: the median comes from the option counts, so no per-answer value is kept.
            if let score = plan.rawScores[index] { scores.add(score) }
        case .choices(let indices):
            valid += 1
            for index in indices { optionCounts[index] += 1 }
        case .number(let value):
            valid += 1
            scores.add(value)
            values.append(value)
        case .text(let text):
            valid += 1
            if texts.count < keepTexts { texts.append(text) }
        }
    }
}

/// Per-indicator tallies: pooled weighted answers, respondents' scores, complete-case moments for alpha.
struct IndicatorTally {
    var positiveWeight = 0.0
    var validWeight = 0.0
    /// Respondents' scores (the input of the group tests and the level distribution), as a tally.
    var scores = ScoreList()
    var itemMoments: [RunningMoments]
    var totalMoments = RunningMoments()

    init(plan: IndicatorPlan) {
        itemMoments = Array(repeating: RunningMoments(), count: plan.items.count)
    }

    /// Adds one respondent; `options[p]` is the index of the option chosen in the question at
    /// position `p` (a single choice), or −1 (anything else: blank, «затрудняюсь», several, text).
    mutating func add(options: [Int], plan: IndicatorPlan) {
        var weightSum = 0.0, weighted = 0.0, positiveSum = 0.0, answered = 0
        let items = plan.positions.count
        let scoring = plan.scoring
        for item in 0..<items {
            let option = options[plan.positions[item]]
            guard option >= 0 else { continue }
            let slot = plan.offsets[item] + option
            guard plan.scored[slot] else { continue }
            let score = plan.keyedScores[slot]
            let weight = plan.weights[item]
            answered += 1
            weightSum += weight
            let positive = plan.positive[slot]
            if positive { positiveSum += weight }
            switch scoring {
            case .positiveShare: weighted += positive ? weight * 100 : 0
            case .meanIndex: weighted += weight * plan.indexScores[slot]
            case .meanScore: weighted += weight * score
            case .sum: weighted += score
            case .levelShare: break
            }
        }
        positiveWeight += positiveSum
        validWeight += weightSum
        if answered == items {
            // Complete case: every item has a keyed score (read again rather than kept in an array).
            var total = 0.0
            for item in 0..<items {
                let score = plan.keyedScores[plan.offsets[item] + options[plan.positions[item]]]
                itemMoments[item].add(score)
                total += score
            }
            totalMoments.add(total)
        }
        var score: Double?
        switch plan.scoring {
        case .sum:
            if answered == plan.items.count { score = weighted }
        case .positiveShare:
            if answered > 0 { score = weighted / weightSum }
        case .meanIndex, .meanScore:
            if answered * 2 >= plan.items.count, answered > 0 { score = weighted / weightSum }
        case .levelShare: break
        }
        if let value = score {
            // A level share scores a respondent 100 when their level is counted, else 0: the mean is the share.
            if let share = plan.levelShare { scores.append(share.counts(value) ? 100 : 0) } else { scores.append(value) }
        }
    }

    /// Cronbach's alpha from complete-case moments: k/(k−1)·(1 − Σσ²ᵢ/σ²ₜ).
    func reliability() -> Reliability {
        let k = itemMoments.count
        let n = totalMoments.count
        guard k >= 2 else { return Reliability(alpha: nil, n: n, items: k, reason: "в показателе меньше двух вопросов") }
        guard n >= 2, let totalVariance = totalMoments.variance else {
            return Reliability(alpha: nil, n: n, items: k, reason: "меньше двух респондентов ответили на все вопросы показателя")
        }
        guard totalVariance > 0 else { return Reliability(alpha: nil, n: n, items: k, reason: "все ответившие дали одинаковую сумму баллов") }
        let itemVariance = itemMoments.reduce(0.0) { $0 + ($1.variance ?? 0) }
        let alpha = Double(k) / Double(k - 1) * (1 - itemVariance / totalVariance)
        return Reliability(alpha: alpha, n: n, items: k, reason: nil)
    }
}

extension QuestionTally {
    /// The median (type 7) of the scores of a choice question, from its option counts.
    func medianScore(plan: QuestionPlan) -> Double? {
        var pairs: [(score: Double, count: Int)] = []
        for (index, count) in optionCounts.enumerated() where count > 0 {
            if let score = plan.rawScores[index] { pairs.append((score, count)) }
        }
        pairs.sort { $0.score < $1.score }
        let n = pairs.reduce(0) { $0 + $1.count }
        guard n > 0 else { return nil }
        func value(at position: Int) -> Double {
            var seen = 0
            for pair in pairs {
                seen += pair.count
                if position < seen { return pair.score }
            }
            return pairs[pairs.count - 1].score
        }
        return n % 2 == 1 ? value(at: n / 2) : (value(at: n / 2 - 1) + value(at: n / 2)) / 2
    }
}
