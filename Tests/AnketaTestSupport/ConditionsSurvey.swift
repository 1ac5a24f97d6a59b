/// A small survey of one audience whose one indicator, «Условия обучения», shares
/// `audience_key: conditions` with the same survey of other audiences — for the карта дефицитов
/// across audiences (municipal tests and the console's municipal справка).
public enum ConditionsSurvey {
    public static let percentLevels = "[{name: высокий, from: 80}, {name: средний, from: 60}, {name: низкий, from: 0, deficit: true}]"
    public static let scoreLevels = "[{name: высокий, from: 0.71}, {name: средний, from: 0.41}, {name: низкий, from: 0, deficit: true}]"

    /// Questions `cls` (the class, short text), `q1`, `q2` (Да 2 / Частично 1 / Нет 0); with
    /// `grouping`, the `level` grouping derived from the class.
    public static func yaml(_ id: String, audience: String, method: String = "positive_share", levels: String = percentLevels,
                            grouping: Bool = true) -> String {
        """
        id: \(id)
        version: 1
        title: Условия (\(audience))
        audience: \(audience)
        scales:
          yes3:
            options:
              - {code: 2, label: Да, score: 1, positive: true}
              - {code: 1, label: Частично, score: 0.5}
              - {code: 0, label: Нет, score: 0}
        sections:
          - {id: s, title: Раздел}
        questions:
          - {id: cls, section: s, text: Класс, type: short_text}
          - {id: q1, section: s, text: Первый, type: single, scale: yes3}
          - {id: q2, section: s, text: Второй, type: single, scale: yes3}
        \(grouping ? "groupings:\n  - {id: level, title: Уровень, question: cls, derive: level}" : "")
        indicators:
          - id: conditions
            title: Условия обучения
            audience_key: conditions
            method: \(method)
            questions: [q1, q2]
            levels: \(levels)
        """
    }
}
