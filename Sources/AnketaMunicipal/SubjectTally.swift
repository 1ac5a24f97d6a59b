import AnketaAnalysis
import AnketaCore

/// Teachers' difficulties by school and subject area, for the district's PD topics by subject.
///
/// Counts every competence question (the questions whose difficulties the справка ranks) per
/// school × subject cell: how many teachers of the cell answered it validly and how many of them
/// did not give a positive answer. The subject is the answer to the grouping with id `subject`
/// (normalised as every grouping is). Only shown schools' teachers are counted.
struct SubjectTally {
    struct Cell: Hashable {
        var school: String
        var subject: String
    }

    struct Count: Equatable {
        var valid = 0
        var difficulty = 0
    }

    let questionnaire: Questionnaire
    let grouping: Grouping
    private let questions: [(id: String, scale: Scale, reverse: Bool)]
    /// Teachers per cell (whether or not they answered a given question).
    private(set) var members: [Cell: Int] = [:]
    /// Question id → cell → counts.
    private(set) var answers: [String: [Cell: Count]] = [:]
    /// Subjects in the order of the scale's options (then as first seen).
    private(set) var subjects: [String] = []

    /// nil when the questionnaire is not a teachers' one with a `subject` grouping.
    init?(questionnaire: Questionnaire) {
        guard questionnaire.audience == .teachers, let grouping = questionnaire.groupings.first(where: { $0.id == "subject" }) else { return nil }
        self.questionnaire = questionnaire
        self.grouping = grouping
        let inIndicator = Set(questionnaire.indicators.flatMap { $0.items.map(\.question) })
        // As the analysis ranks difficulties: a definition that marks its items lists its competences only.
        let marked = questionnaire.questions.contains { $0.itemKind != nil }
        questions = questionnaire.questions.compactMap { question in
            guard question.kind == .single, inIndicator.contains(question.id), !marked || question.itemKind == .competence,
                  let scale = questionnaire.scale(of: question), scale.isScored else { return nil }
            return (question.id, scale, question.reverse)
        }
    }

    mutating func add(_ response: Response, school: String) {
        let subject = Analyzer.groupKey(response.answers[grouping.question], grouping: grouping, questionnaire: questionnaire)
        let cell = Cell(school: school, subject: subject)
        if members[cell] == nil, !subjects.contains(subject) { subjects.append(subject) }
        members[cell, default: 0] += 1
        for question in questions {
            guard case .option(let code) = response.answers[question.id], let option = question.scale.option(code: code) else { continue }
            var count = answers[question.id]?[cell] ?? Count()
            count.valid += 1
            if !question.scale.isPositive(option, reversed: question.reverse) { count.difficulty += 1 }
            answers[question.id, default: [:]][cell] = count
        }
    }

    /// The topic's rows by subject, or nil when the questionnaire has no subject grouping.
    func subjectRows(question: String, schools: [String: String], minGroupSize: Int) -> SubjectTopics.Outcome {
        SubjectTopics.plan(members: members, counts: answers[question] ?? [:], subjects: subjects.filter { $0 != Analyzer.unspecifiedGroup },
                           schools: schools, minGroupSize: minGroupSize)
    }
}
