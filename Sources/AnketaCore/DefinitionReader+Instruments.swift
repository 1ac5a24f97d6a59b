import Yams

/// The keys of named instruments and individual routes: `anonymous`, `respondent`, a question's
/// `kind` and an indicator's `route` (see `docs/questionnaire-format.md`).
extension DefinitionReader {
    static let instrumentKeys: Set<String> = ["anonymous", "respondent"]

    /// `anonymous` (default `true`) and, for a named instrument, `respondent`.
    mutating func readAnonymity(_ map: [String: Node], questions: [Question], scales: [String: Scale]) -> (anonymous: Bool, respondent: RespondentFields?) {
        let anonymous = bool(map, "anonymous", "") ?? true
        guard let node = map["respondent"] else { return (anonymous, nil) }
        guard let body = mapping(node, "respondent", allowed: ["name", "position", "consent", "forms"]) else { return (anonymous, nil) }
        if anonymous {
            error(node, "respondent", "у анонимной анкеты не может быть вопроса об имени респондента",
                  hint: "укажите anonymous: false или уберите блок respondent")
        }
        func question(_ key: String, kinds: Set<Question.Kind>, what: String, required: Bool) -> String? {
            guard let id = string(body, key, "respondent", parent: node, required: required) else { return nil }
            guard let question = questions.first(where: { $0.id == id }) else {
                error(body[key], "respondent.\(key)", "неизвестный вопрос «\(id)»")
                return nil
            }
            if !kinds.contains(question.kind) {
                error(body[key], "respondent.\(key)", "вопрос «\(id)» должен быть \(what), а он — \(question.kind.rawValue)")
            }
            return id
        }
        guard let name = question("name", kinds: [.shortText], what: "коротким текстом (short_text)", required: true) else { return (anonymous, nil) }
        let position = question("position", kinds: [.single, .shortText], what: "с одним ответом или коротким текстом", required: false)
        let consent = question("consent", kinds: [.single], what: "с одним ответом (single)", required: false)
        if let consent, let scale = questions.first(where: { $0.id == consent })?.scale.flatMap({ scales[$0] }),
           !scale.options.contains(where: { $0.positive == true }) {
            error(body["consent"], "respondent.consent", "в шкале вопроса «\(consent)» нет варианта согласия",
                  hint: "отметьте вариант согласия positive: true")
        }
        let forms = question("forms", kinds: [.multiple], what: "с несколькими ответами (multiple)", required: false)
        return (anonymous, RespondentFields(name: name, position: position, consent: consent, forms: forms))
    }

    /// A question's `kind: competence | attitude`.
    mutating func readItemKind(_ body: [String: Node], _ path: String, parent: Node) -> ItemKind? {
        guard let text = string(body, "kind", path, parent: parent, required: false) else { return nil }
        guard let kind = ItemKind(rawValue: text) else {
            error(body["kind"], "\(path).kind", "неизвестный вид вопроса «\(text)»",
                  hint: "допустимо: \(ItemKind.allCases.map(\.rawValue).joined(separator: ", ")); тип ответа задаётся ключом type")
            return nil
        }
        return kind
    }

    /// An indicator's `route: {topic, forms, term, result}`.
    mutating func readRoute(_ body: [String: Node], _ path: String) -> RouteGuidance? {
        guard let node = body["route"] else { return nil }
        let routePath = "\(path).route"
        guard let map = mapping(node, routePath, allowed: ["topic", "forms", "term", "result"]),
              let topic = string(map, "topic", routePath, parent: node) else { return nil }
        var forms: [RouteGuidance.Form] = []
        for text in strings(map, "forms", routePath) {
            if let form = RouteGuidance.Form(rawValue: text) {
                if !forms.contains(form) { forms.append(form) }
            } else {
                error(map["forms"], "\(routePath).forms", "неизвестная форма «\(text)»",
                      hint: "допустимо: \(RouteGuidance.Form.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if forms.isEmpty, map["forms"] == nil {
            error(node, "\(routePath).forms", "не указаны формы работы", hint: "например forms: [courses, mentoring]")
        }
        return RouteGuidance(topic: topic, forms: forms, term: string(map, "term", routePath, parent: node, required: false),
                             result: string(map, "result", routePath, parent: node, required: false))
    }
}
