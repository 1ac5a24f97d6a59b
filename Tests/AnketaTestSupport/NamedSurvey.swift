import AnketaCore

/// A small non-anonymous instrument (a management team of three) and its answers, shared by the
/// analysis, report and ИОМ tests. Figures worked out by hand in the tests that use them.
///
/// Indicator `a` (competences a1, a2) and `b` (attitudes b1, b2) are mean scores of 1 / 0,5 / 0
/// with levels 0,71 / 0,41 / 0; both carry a route for the individual profile.
public enum NamedSurvey {
    public static func yaml(anonymous: Bool) -> String {
        """
        id: team
        version: 1
        title: Самооценка команды
        audience: administration
        \(anonymous ? "" : "anonymous: false\nrespondent: {name: who, position: role, consent: ok, forms: forms}")
        scales:
          done3:
            options:
              - {code: full, label: Полностью, score: 1, positive: true}
              - {code: partial, label: Частично, score: 0.5}
              - {code: none, label: Нет, score: 0}
            no_answer: [Не применимо]
          role:
            options:
              - {code: director, label: Директор}
              - {code: deputy, label: Заместитель директора}
          consent:
            options:
              - {code: agree, label: Согласен, positive: true}
              - {code: decline, label: Не согласен}
          forms:
            options:
              - {code: courses, label: Курсы}
              - {code: mentoring, label: Наставничество}
              - {code: visits, label: Взаимопосещение}
        sections:
          - {id: s, title: Раздел}
        questions:
          - {id: who, section: s, text: ФИО, type: short_text}
          - {id: role, section: s, text: Должность, type: single, scale: role}
          - {id: ok, section: s, text: Согласие, type: single, scale: consent}
          - {id: forms, section: s, text: Формы, type: multiple, scale: forms}
          - {id: a1, section: s, text: Умение один, type: single, scale: done3, kind: competence}
          - {id: a2, section: s, text: Умение два, type: single, scale: done3, kind: competence}
          - {id: b1, section: s, text: Установка один, type: single, scale: done3, kind: attitude}
          - {id: b2, section: s, text: Установка два, type: single, scale: done3, kind: attitude}
          - {id: note, section: s, text: Комментарий, type: long_text}
        groupings:
          - {id: role, title: Должность, question: role}
        indicators:
          - id: a
            title: Показатель А
            method: mean_score
            questions: [a1, a2]
            levels: [{name: высокий, from: 0.71}, {name: средний, from: 0.41}, {name: низкий, from: 0, deficit: true}]
            route: {topic: Тема А, forms: [courses, mentoring], term: I полугодие, result: Результат А}
          - id: b
            title: Показатель Б
            method: mean_score
            questions: [b1, b2]
            levels: [{name: высокий, from: 0.71}, {name: средний, from: 0.41}, {name: низкий, from: 0, deficit: true}]
            route: {topic: Тема Б, forms: [visits]}
        """
    }

    public static func questionnaire(anonymous: Bool) throws -> Questionnaire {
        try DefinitionLoader().load(yaml: yaml(anonymous: anonymous), file: "team.yaml")
    }

    /// Three respondents: а = 0,75 / 0 / 1; б = 0,25 / 0,75 / 1 (means 0,58(3) and 0,(6)).
    /// The second one's name holds markup; the third declined consent.
    public static let responses: [Response] = [
        Response(answers: ["who": .text("Иванова Анна Петровна"), "role": .option("director"), "ok": .option("agree"),
                           "forms": .options(["mentoring"]), "a1": .option("full"), "a2": .option("partial"),
                           "b1": .option("none"), "b2": .option("partial"), "note": .text("Нужна помощь с ФОС")]),
        Response(answers: ["who": .text("Петров <b>& Co</b>"), "role": .option("deputy"), "ok": .option("agree"),
                           "forms": .options(["mentoring"]), "a1": .option("none"), "a2": .option("none"),
                           "b1": .option("partial"), "b2": .option("full")]),
        Response(answers: ["who": .text("Сидорова Мария"), "role": .option("deputy"), "ok": .option("decline"),
                           "a1": .option("full"), "a2": .option("full"), "b1": .option("full"), "b2": .option("full")]),
    ]
}
