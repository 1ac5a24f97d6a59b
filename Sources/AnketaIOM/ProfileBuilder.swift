import AnketaAnalysis
import AnketaCore

/// Turns one response of a named self-assessment into a ``TeacherProfile``, or says why not.
///
/// ```swift
/// let builder = try ProfileBuilder(questionnaire)      // refuses an anonymous questionnaire
/// switch builder.profile(response, source: "строка 5") { case .profile(let p): …; case .skipped(let why): … }
/// ```
public struct ProfileBuilder: Sendable {
    public enum Outcome: Sendable, Equatable {
        case profile(TeacherProfile)
        /// No profile for this response, and why (in Russian, for the console).
        case skipped(String)
    }

    public let questionnaire: Questionnaire
    let fields: RespondentFields
    /// At most this many difficult skills are named per deficit, so the profile fits one page.
    public static let skillsPerDeficit = 3

    public init(_ questionnaire: Questionnaire) throws(IOMError) {
        guard !questionnaire.anonymous else { throw IOMError.anonymous(questionnaire.id) }
        guard let fields = questionnaire.respondent else { throw IOMError.noRespondentFields(questionnaire.id) }
        self.questionnaire = questionnaire
        self.fields = fields
    }

    public func profile(_ response: Response, source: String) -> Outcome {
        guard case .text(let rawName)? = response[fields.name], !rawName.trimmed.isEmpty else {
            return .skipped("\(source): не указано имя — профиль не составлен")
        }
        let name = rawName.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let consentID = fields.consent {
            let consented: Bool
            if case .option(let code)? = response[consentID], let question = questionnaire.question(consentID),
               let option = questionnaire.scale(of: question)?.option(code: code) {
                consented = option.positive == true
            } else {
                consented = false
            }
            guard consented else { return .skipped("\(source): \(name) — нет согласия на составление профиля, профиль не составлен") }
        }
        let scores = RespondentScores(response, questionnaire: questionnaire)
        let deficits = scores.indicators.filter(\.deficit).map { score in
            TeacherProfile.Deficit(title: score.title, skills: score.weakQuestions.compactMap { questionnaire.question($0)?.text })
        }
        var ownTopics: String?
        for question in questionnaire.questions where question.kind == .longText {
            if case .text(let text)? = response[question.id], !text.trimmed.isEmpty { ownTopics = text.trimmed; break }
        }
        return .profile(TeacherProfile(name: name, position: position(response), scores: scores, deficits: deficits,
                                       route: route(scores, preferred: preferredForms(response)), ownTopics: ownTopics, source: source))
    }

    func position(_ response: Response) -> String? {
        guard let id = fields.position else { return nil }
        switch response[id] {
        case .option(let code)?:
            return questionnaire.question(id).flatMap { questionnaire.scale(of: $0)?.option(code: code)?.label }
        case .text(let text)?:
            return text.trimmed.isEmpty ? nil : text.trimmed
        default:
            return nil
        }
    }

    func preferredForms(_ response: Response) -> [RouteGuidance.Form] {
        guard let id = fields.forms, case .options(let codes)? = response[id] else { return [] }
        return codes.compactMap(RouteGuidance.Form.init(rawValue:))
    }

    /// The draft route: a row per deficit (weakest first); without deficits, the indicators below
    /// the top level; with everything at the top level, sharing experience as a mentor.
    func route(_ scores: RespondentScores, preferred: [RouteGuidance.Form]) -> [TeacherProfile.RouteRow] {
        let indicators = Dictionary(uniqueKeysWithValues: questionnaire.indicators.map { ($0.id, $0) })
        let scored = scores.indicators.filter { $0.score != nil }
        var chosen = scored.filter(\.deficit)
        if chosen.isEmpty {
            chosen = scored.filter { score in
                guard let indicator = indicators[score.id], let top = indicator.bestLevel?.name else { return false }
                return score.level != top
            }
        }
        // Weakest first: the furthest below (or, where lower is better, above) its threshold.
        chosen.sort { gap($0) > gap($1) }
        var rows: [TeacherProfile.RouteRow] = []
        for score in chosen {
            guard let route = indicators[score.id]?.route else { continue }
            let form = route.forms.first(where: { preferred.contains($0) }) ?? route.forms.first ?? .selfStudy
            rows.append(TeacherProfile.RouteRow(topic: route.topic, form: Self.capitalized(form.label),
                                                term: route.term ?? "в течение учебного года", result: route.result ?? "—"))
        }
        if rows.isEmpty, chosen.isEmpty, let best = scored.min(by: { gap($0) < gap($1) }) {
            rows.append(TeacherProfile.RouteRow(topic: "Обобщение и распространение опыта: «\(best.title)»",
                                                form: Self.capitalized(RouteGuidance.Form.mentoring.label) + " (в роли наставника)",
                                                term: "в течение учебного года",
                                                result: "открытый урок или мастер-класс для коллег, методическая разработка"))
        }
        return rows
    }

    /// How far a score falls short of its indicator's deficit threshold (negative: above it).
    func gap(_ score: RespondentScores.IndicatorScore) -> Double {
        guard let value = score.score, let indicator = questionnaire.indicators.first(where: { $0.id == score.id }) else { return 0 }
        guard let threshold = indicator.threshold else { return -value }
        return Level.gap(value, threshold: threshold, direction: indicator.direction)
    }

    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
