import AnketaCore
import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func shipped(_ name: String) throws -> Questionnaire {
    try DefinitionLoader().load(contentsOf: root.appendingPathComponent("Questionnaires/\(name)"), displayPath: name)
}

/// A minimal definition with `extra` top-level keys, one extra question and one extra indicator key.
private func yaml(top: String = "", question: String = "", indicator: String = "") -> String {
    """
    id: t
    version: 1
    title: Т
    audience: teachers
    \(top)
    scales:
      s3:
        options:
          - {code: a, label: Да, score: 1, positive: true}
          - {code: b, label: Нет, score: 0}
      pick:
        options:
          - {code: x, label: Икс}
          - {code: y, label: Игрек}
    sections:
      - {id: s, title: Раздел}
    questions:
      - {id: name, section: s, text: Имя, type: short_text}
      - {id: many, section: s, text: Много, type: multiple, scale: pick}
      - {id: q1, section: s, text: Первый, type: single, scale: s3\(question)}
      - {id: q2, section: s, text: Второй, type: single, scale: pick}
    indicators:
      - id: i
        title: И
        method: positive_share
        questions: [q1]
        levels: [{name: высокий, from: 50}, {name: низкий, from: 0, deficit: true}]
    \(indicator)
    """
}

private func errors(_ text: String) -> [Diagnostic] {
    DefinitionLoader().check(yaml: text, file: "t.yaml").1.filter { $0.severity == .error }
}

@Suite("Named instruments, item kinds and routes in definitions")
struct InstrumentKeysTests {
    @Test("A definition is anonymous unless it says otherwise")
    func anonymousByDefault() throws {
        let questionnaire = try DefinitionLoader().load(yaml: yaml(), file: "t.yaml")
        #expect(questionnaire.anonymous)
        #expect(questionnaire.respondent == nil)
        #expect(questionnaire.question("q1")?.itemKind == nil)
        #expect(questionnaire.indicators[0].route == nil)
    }

    @Test("anonymous: false with respondent, kind and route are read into the model")
    func namedReads() throws {
        let text = yaml(top: "anonymous: false\nrespondent: {name: name, forms: many}", question: ", kind: attitude",
                        indicator: "    route: {topic: Тема, forms: [mentoring, courses, mentoring], term: I полугодие, result: Итог}")
        let questionnaire = try DefinitionLoader().load(yaml: text, file: "t.yaml")
        #expect(!questionnaire.anonymous)
        #expect(questionnaire.respondent == RespondentFields(name: "name", forms: "many"))
        #expect(questionnaire.question("q1")?.itemKind == .attitude)
        #expect(questionnaire.indicators[0].route == RouteGuidance(topic: "Тема", forms: [.mentoring, .courses], term: "I полугодие", result: "Итог"))
    }

    @Test("Wrong uses are reported where they are, with what to do",
          arguments: [
              (yaml(top: "respondent: {name: name}"), "respondent", "анонимной анкеты"),
              (yaml(top: "anonymous: false\nrespondent: {name: q1}"), "respondent.name", "коротким текстом"),
              (yaml(top: "anonymous: false\nrespondent: {name: nobody}"), "respondent.name", "неизвестный вопрос «nobody»"),
              (yaml(top: "anonymous: false\nrespondent: {name: name, consent: many}"), "respondent.consent", "с одним ответом"),
              (yaml(top: "anonymous: нет"), "anonymous", "true или false"),
              (yaml(question: ", kind: skill"), "questions[2] (q1).kind", "неизвестный вид вопроса «skill»"),
              (yaml(indicator: "    route: {topic: Тема, forms: [lecture]}"), "indicators[0] (i).route.forms", "неизвестная форма «lecture»"),
              (yaml(indicator: "    route: {topic: Тема}"), "indicators[0] (i).route.forms", "не указаны формы"),
          ])
    func wrongUses(text: String, path: String, message: String) {
        let found = errors(text)
        #expect(found.contains { $0.path == path && $0.message.contains(message) }, "\(found.map(\.description))")
    }

    @Test("The consent question needs an option marked as consent")
    func consentNeedsPositive() {
        let text = yaml(top: "anonymous: false\nrespondent: {name: name, consent: q2}")
        #expect(errors(text).contains { $0.path == "respondent.consent" && $0.message.contains("нет варианта согласия") })
    }

    @Test("The shipped named and anonymous professional-deficits instruments ask the same competences the same way")
    func namedVariantInStep() throws {
        let anonymous = try shipped("teachers-professional-deficits.yaml")
        let named = try shipped("teachers-professional-deficits-named.yaml")
        #expect(anonymous.anonymous && !named.anonymous)
        #expect(named.respondent == RespondentFields(name: "full_name", position: "position", consent: "consent", forms: "pd_forms"))
        let competences = { (q: Questionnaire) in q.questions.filter { $0.itemKind == .competence }.map { [$0.id, $0.text, $0.grid ?? ""] } }
        #expect(competences(anonymous) == competences(named))
        #expect(competences(anonymous).count == 31)
        #expect(anonymous.indicators.map(\.items) == named.indicators.map(\.items))
        #expect(anonymous.indicators.map(\.levels) == named.indicators.map(\.levels))
        #expect(named.indicators.allSatisfy { $0.route != nil }, "every indicator of the named variant gives a route row")
        // The route forms the teacher can prefer are options of the forms question.
        let formsScale = try #require(named.question("pd_forms").flatMap { named.scale(of: $0) })
        for form in named.indicators.flatMap({ $0.route?.forms ?? [] }) {
            #expect(formsScale.option(code: form.rawValue) != nil, "\(form.rawValue) is not an option of pd_forms")
        }
        // 4(d): only the named variant promises the teacher their answers back.
        #expect(anonymous.intro?.contains("пригодятся при составлении вашего") == false)
        #expect(anonymous.intro?.contains("именной вариант") == true)
        #expect(named.intro?.contains("неанонимная") == true)
        // 4(b): the district can break the anonymous one down by school, level and subject.
        #expect(Set(["school", "level", "subject"]).isSubset(of: Set(anonymous.groupings.map(\.id))))
    }

    @Test("BRS readiness: motivational items are attitudes, the rest competences")
    func brsKinds() throws {
        let brs = try shipped("teachers-brs-readiness.yaml")
        #expect(brs.question("mot_traditional")?.itemKind == .attitude)
        #expect(brs.question("op_weights")?.itemKind == .competence)
        let scored = brs.questions.filter { q in brs.indicators.contains { $0.items.contains { $0.question == q.id } } }
        #expect(scored.allSatisfy { $0.itemKind != nil }, "every indicator item is marked")
    }

    @Test("Observation and expert sheets and the management team's self-assessment are named",
          arguments: ["lesson-observation.yaml", "assessment-materials-expertise.yaml", "administration-vsoko.yaml"])
    func namedSheets(_ name: String) throws {
        let questionnaire = try shipped(name)
        #expect(!questionnaire.anonymous)
        #expect(questionnaire.intro?.contains("неанонимн") == true, "the intro tells respondents")
    }

    @Test("Every indicator of the new instruments says what to do, who, by when and in which document",
          arguments: ["teachers-pd-programme.yaml", "teachers-seminar-evaluation.yaml", "lesson-observation.yaml",
                      "assessment-materials-expertise.yaml", "teachers-innovation-readiness.yaml"])
    func guidanceComplete(_ name: String) throws {
        let questionnaire = try shipped(name)
        #expect(questionnaire.indicators.count >= 4)
        for indicator in questionnaire.indicators {
            #expect(indicator.guidance.recommendation != nil && indicator.guidance.responsible != nil
                    && indicator.guidance.deadline != nil && indicator.guidance.document != nil, "\(name): \(indicator.id)")
            #expect(indicator.levels.contains { $0.deficit }, "\(name): \(indicator.id) has no deficit level")
        }
    }
}
