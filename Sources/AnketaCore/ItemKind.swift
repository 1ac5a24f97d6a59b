/// What a scored question asks about: a competence that training can develop, an attitude, or a
/// criterion an observer or expert checks (lesson observation and expert sheets).
///
/// Lists of professional-development topics take competences only; attitudes
/// («Для меня предпочтительнее привычная пятибалльная система…») are reported as attitudes.
///
/// ```yaml
/// - {id: cog_calculation, …, kind: competence}
/// - {id: mot_traditional, …, kind: attitude}
/// ```
public enum ItemKind: String, Sendable, Equatable, CaseIterable, Codable {
    case competence
    case attitude
    /// A point of an observation or expert sheet: what was seen, not the respondent's own skill.
    case criterion
}
