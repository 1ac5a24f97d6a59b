import Foundation
import Yams

extension DefinitionReader {
    /// `[a-z0-9][a-z0-9-]*`: questionnaire ids appear in file and folder names.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first != "-" else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// `[A-Za-z0-9_]+`: question ids are accepted as column headers.
    static func isValidQuestionID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// Builds the questionnaire, recording every problem; returns `nil` only when the root is unusable.
    mutating func questionnaire(_ root: Node) -> Questionnaire? {
        let keys: Set<String> = ["id", "version", "title", "audience", "intro", "outro", "scales", "sections",
                                 "questions", "groupings", "indicators", "overall", "one_page"]
        guard let map = mapping(root, "", allowed: keys.union(Self.instrumentKeys)) else { return nil }

        let id = string(map, "id", "", parent: root) ?? ""
        if !id.isEmpty, !Self.isValidID(id) {
            error(map["id"], "id", "недопустимый идентификатор «\(id)»",
                  hint: "строчные латинские буквы, цифры и дефис, например parents-satisfaction")
        }
        var version = 1
        if let node = map["version"] {
            if let value = node.int, value >= 1 { version = value } else {
                error(node, "version", "версия должна быть целым числом от 1")
            }
        } else {
            error(root, "version", "не указан обязательный ключ «version»", hint: "например version: 1")
        }
        let title = string(map, "title", "", parent: root) ?? ""
        var audience = Audience.parents
        if let text = string(map, "audience", "", parent: root) {
            if let value = Audience(rawValue: text) { audience = value } else {
                error(map["audience"], "audience", "неизвестная аудитория «\(text)»",
                      hint: "допустимо: \(Audience.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let scales = readScales(map, root)
        let sections = readSections(map, root)
        let questions = readQuestions(map, root, scales: scales, sections: sections)
        let groupings = readGroupings(map, questions: questions)
        let indicators = readIndicators(map, questions: questions, scales: scales)
        let overall = readOverall(map, indicators: indicators)
        let anonymity = readAnonymity(map, questions: questions, scales: scales)

        var questionnaire = Questionnaire(id: id, version: version, title: title, audience: audience,
                                          intro: string(map, "intro", "", parent: root, required: false),
                                          outro: string(map, "outro", "", parent: root, required: false),
                                          scales: scales, sections: sections, questions: questions, groupings: groupings,
                                          indicators: indicators, overall: overall)
        questionnaire.onePage = bool(map, "one_page", "") ?? false
        questionnaire.anonymous = anonymity.anonymous
        questionnaire.respondent = anonymity.respondent
        return questionnaire
    }

    // MARK: - Scales

    private mutating func readScales(_ map: [String: Node], _ root: Node) -> [String: Scale] {
        guard let node = map["scales"] else {
            error(root, "scales", "не указан обязательный ключ «scales»", hint: "опишите хотя бы одну шкалу ответов")
            return [:]
        }
        guard let scalesMap = node.mapping else {
            error(node, "scales", "ожидался блок шкал «имя: {options: …}»")
            return [:]
        }
        var scales: [String: Scale] = [:]
        for (key, value) in scalesMap {
            guard let name = key.scalar?.string else { continue }
            let path = "scales.\(name)"
            guard let body = mapping(value, path, allowed: ["options", "no_answer"]) else { continue }
            var options: [Scale.Option] = []
            var codes: Set<String> = []
            var labels: [TextKey: String] = [:]
            let optionNodes = sequence(body, "options", path, parent: value, required: true)
            if optionNodes.isEmpty, body["options"] != nil { error(body["options"], "\(path).options", "у шкалы нет вариантов ответа") }
            for (index, optionNode) in optionNodes.enumerated() {
                let optionPath = "\(path).options[\(index)]"
                guard let option = mapping(optionNode, optionPath, allowed: ["code", "label", "aliases", "score", "positive", "display"]) else { continue }
                guard let code = string(option, "code", optionPath, parent: optionNode),
                      let label = string(option, "label", optionPath, parent: optionNode) else { continue }
                if !codes.insert(code).inserted {
                    error(option["code"], "\(optionPath).code", "код «\(code)» уже есть в шкале «\(name)»", hint: "коды вариантов одной шкалы не должны повторяться")
                }
                var aliases = strings(option, "aliases", optionPath)
                // The display form is accepted on import too (a form service shows it to respondents).
                let display = string(option, "display", optionPath, parent: optionNode, required: false).flatMap { $0.isEmpty ? nil : $0 }
                if let display, display != label, !aliases.contains(display) { aliases.append(display) }
                for text in [label] + aliases {
                    let key = TextKey(text)
                    if let other = labels[key], other != code {
                        error(optionNode, optionPath, "текст «\(text)» совпадает с вариантом «\(other)»",
                              hint: "при импорте ответ нельзя будет однозначно сопоставить")
                    }
                    labels[key] = code
                }
                var parsed = Scale.Option(code: code, label: label, aliases: aliases,
                                          score: double(option, "score", optionPath, parent: optionNode),
                                          positive: bool(option, "positive", optionPath))
                parsed.display = display == label ? nil : display
                options.append(parsed)
            }
            let scored = options.filter { $0.score != nil }.count
            if scored > 0, scored < options.count {
                error(value, path, "баллы указаны не у всех вариантов шкалы «\(name)»", hint: "укажите score у каждого варианта или ни у одного")
            }
            let noAnswer = strings(body, "no_answer", path)
            for text in noAnswer where labels[TextKey(text)] != nil {
                error(body["no_answer"], "\(path).no_answer", "«\(text)» уже является вариантом ответа")
            }
            scales[name] = Scale(name: name, options: options, noAnswer: noAnswer)
        }
        return scales
    }

    // MARK: - Sections and questions

    private mutating func readSections(_ map: [String: Node], _ root: Node) -> [Section] {
        var sections: [Section] = []
        for (index, node) in sequence(map, "sections", "", parent: root, required: true).enumerated() {
            let path = "sections[\(index)]"
            guard let body = mapping(node, path, allowed: ["id", "title", "description"]) else { continue }
            guard let id = string(body, "id", path, parent: node) else { continue }
            if sections.contains(where: { $0.id == id }) { error(body["id"], "\(path).id", "раздел «\(id)» уже объявлен") }
            sections.append(Section(id: id, title: string(body, "title", path, parent: node) ?? id,
                                    description: string(body, "description", path, parent: node, required: false)))
        }
        return sections
    }

    private mutating func readQuestions(_ map: [String: Node], _ root: Node, scales: [String: Scale], sections: [Section]) -> [Question] {
        var questions: [Question] = []
        var headers: [TextKey: String] = [:]
        let allowed: Set<String> = ["id", "section", "text", "grid", "type", "scale", "required", "reverse", "min", "max", "aliases",
                                     "recommendation", "responsible", "deadline", "document", "keywords", "kind"]
        for (index, node) in sequence(map, "questions", "", parent: root, required: true).enumerated() {
            let path = "questions[\(index)]"
            guard let body = mapping(node, path, allowed: allowed) else { continue }
            guard let id = string(body, "id", path, parent: node) else { continue }
            let qpath = "questions[\(index)] (\(id))"
            if !Self.isValidQuestionID(id) {
                error(body["id"], "\(qpath).id", "недопустимый идентификатор вопроса «\(id)»", hint: "латинские буквы, цифры и _")
            }
            if questions.contains(where: { $0.id == id }) {
                error(body["id"], "\(qpath).id", "вопрос «\(id)» уже объявлен", hint: "идентификаторы вопросов не должны повторяться")
            }
            let text = string(body, "text", qpath, parent: node) ?? ""
            var kind = Question.Kind.single
            if let typeText = string(body, "type", qpath, parent: node) {
                if let value = Question.Kind(rawValue: typeText) { kind = value } else {
                    error(body["type"], "\(qpath).type", "неизвестный тип вопроса «\(typeText)»",
                          hint: "допустимо: \(Question.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            var section = ""
            if let sectionID = string(body, "section", qpath, parent: node, required: false) {
                section = sectionID
                if !sections.contains(where: { $0.id == sectionID }) {
                    error(body["section"], "\(qpath).section", "неизвестный раздел «\(sectionID)»",
                          hint: "объявите его в sections или исправьте опечатку")
                }
            } else {
                error(node, "\(qpath).section", "вопрос не отнесён ни к одному разделу", hint: "укажите section: <id раздела>")
            }
            let scale = string(body, "scale", qpath, parent: node, required: false)
            if kind.isChoice {
                if let scale {
                    if scales[scale] == nil {
                        error(body["scale"], "\(qpath).scale", "неизвестная шкала «\(scale)»",
                              hint: scales.isEmpty ? "объявите шкалу в scales" : "объявленные шкалы: \(scales.keys.sorted().joined(separator: ", "))")
                    }
                } else {
                    error(node, "\(qpath).scale", "у вопроса с выбором ответа не указана шкала", hint: "добавьте scale: <имя шкалы>")
                }
            } else if scale != nil {
                warning(body["scale"], "\(qpath).scale", "шкала не используется в вопросе типа \(kind.rawValue)")
            }
            let reverse = bool(body, "reverse", qpath) ?? false
            if reverse, !(kind == .single && scale.flatMap({ scales[$0] })?.isScored == true) {
                error(body["reverse"], "\(qpath).reverse", "обратный ключ возможен только для вопроса с одним ответом на шкале с баллами")
            }
            let minimum = double(body, "min", qpath, parent: node)
            let maximum = double(body, "max", qpath, parent: node)
            if let minimum, let maximum, minimum > maximum {
                error(body["min"], "\(qpath).min", "min больше max")
            }
            var question = Question(id: id, section: section, text: text,
                                    grid: string(body, "grid", qpath, parent: node, required: false),
                                    kind: kind, scale: scale, required: bool(body, "required", qpath),
                                    reverse: reverse, min: minimum, max: maximum, aliases: strings(body, "aliases", qpath),
                                    guidance: guidance(body, qpath, parent: node), keywords: strings(body, "keywords", qpath))
            question.itemKind = readItemKind(body, qpath, parent: node)
            if question.itemKind != nil, question.kind != .single {
                error(body["kind"], "\(qpath).kind", "вид competence/attitude указывается только у вопроса с одним ответом")
            }
            for header in [question.header] + question.aliases {
                let key = TextKey(header, stripNumbering: true)
                if let other = headers[key] {
                    error(body["text"], "\(qpath).text", "такой же текст у вопроса «\(other)»",
                          hint: "при импорте столбцы нельзя будет различить: уточните формулировку или grid")
                }
                headers[key] = id
            }
            questions.append(question)
        }
        for section in sections where !questions.contains(where: { $0.section == section.id }) {
            warning(nil, "sections (\(section.id))", "в разделе «\(section.title)» нет вопросов")
        }
        return questions
    }

    // MARK: - Groupings, indicators, overall

    private mutating func readGroupings(_ map: [String: Node], questions: [Question]) -> [Grouping] {
        guard map["groupings"] != nil, let node = map["groupings"] else { return [] }
        var groupings: [Grouping] = []
        for (index, item) in sequence(map, "groupings", "", parent: node, required: false).enumerated() {
            let path = "groupings[\(index)]"
            guard let body = mapping(item, path, allowed: ["id", "title", "question", "derive"]) else { continue }
            guard let id = string(body, "id", path, parent: item), let questionID = string(body, "question", path, parent: item) else { continue }
            if groupings.contains(where: { $0.id == id }) { error(body["id"], "\(path).id", "группировка «\(id)» уже объявлена") }
            if let question = questions.first(where: { $0.id == questionID }) {
                if question.kind == .multiple || question.kind == .longText {
                    error(body["question"], "\(path).question", "по вопросу «\(questionID)» нельзя группировать",
                          hint: "нужен вопрос с одним ответом, числом или коротким текстом")
                }
            } else {
                error(body["question"], "\(path).question", "неизвестный вопрос «\(questionID)»")
            }
            var derive: Grouping.Derivation?
            if let text = string(body, "derive", path, parent: item, required: false) {
                derive = Grouping.Derivation(rawValue: text)
                if derive == nil {
                    error(body["derive"], "\(path).derive", "неизвестное преобразование «\(text)»",
                          hint: "допустимо: \(Grouping.Derivation.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            groupings.append(Grouping(id: id, title: string(body, "title", path, parent: item) ?? id, question: questionID, derive: derive))
        }
        return groupings
    }

    private mutating func readIndicators(_ map: [String: Node], questions: [Question], scales: [String: Scale]) -> [Indicator] {
        guard let node = map["indicators"] else { return [] }
        var indicators: [Indicator] = []
        let allowed: Set<String> = ["id", "title", "method", "questions", "levels", "recommendation", "audience_key",
                                     "responsible", "deadline", "document", "keywords", "direction", "of", "share_levels", "route"]
        for (index, item) in sequence(map, "indicators", "", parent: node, required: false).enumerated() {
            let path0 = "indicators[\(index)]"
            guard let body = mapping(item, path0, allowed: allowed), let id = string(body, "id", path0, parent: item) else { continue }
            let path = "indicators[\(index)] (\(id))"
            if indicators.contains(where: { $0.id == id }) { error(body["id"], "\(path).id", "показатель «\(id)» уже объявлен") }
            var method = Indicator.Method.positiveShare
            if let text = string(body, "method", path, parent: item) {
                if let value = Indicator.Method(rawValue: text) { method = value } else {
                    error(body["method"], "\(path).method", "неизвестный метод «\(text)»",
                          hint: "допустимо: \(Indicator.Method.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            var items: [Indicator.Item] = []
            var levelShare: Indicator.LevelShare?
            if method == .levelShare {
                levelShare = readLevelShare(body, path, parent: item, indicators: indicators)
                items = levelShare.flatMap { share in indicators.first { $0.id == share.of }?.items } ?? []
                if body["questions"] != nil {
                    error(body["questions"], "\(path).questions", "у показателя с методом level_share вопросы берутся из показателя of",
                          hint: "удалите questions")
                }
            }
            let itemNodes = method == .levelShare ? [] : sequence(body, "questions", path, parent: item, required: true)
            if itemNodes.isEmpty, body["questions"] != nil {
                error(body["questions"], "\(path).questions", "у показателя нет вопросов", hint: "перечислите id вопросов: [q1, q2]")
            }
            for (itemIndex, itemNode) in itemNodes.enumerated() {
                let itemPath = "\(path).questions[\(itemIndex)]"
                var questionID: String?
                var weight = 1.0
                if let scalar = itemNode.scalar {
                    questionID = scalar.string
                } else if let itemMap = mapping(itemNode, itemPath, allowed: ["id", "weight"]) {
                    questionID = string(itemMap, "id", itemPath, parent: itemNode)
                    weight = double(itemMap, "weight", itemPath, parent: itemNode) ?? 1
                    if weight <= 0 { error(itemMap["weight"], "\(itemPath).weight", "вес должен быть положительным") }
                }
                guard let questionID else { continue }
                guard let question = questions.first(where: { $0.id == questionID }) else {
                    error(itemNode, itemPath, "неизвестный вопрос «\(questionID)»")
                    continue
                }
                if question.kind != .single {
                    error(itemNode, itemPath, "в показатель входят только вопросы с одним ответом, а «\(questionID)» — \(question.kind.rawValue)")
                } else if let scaleName = question.scale, let scale = scales[scaleName], !scale.isScored {
                    error(itemNode, itemPath, "у шкалы «\(scaleName)» вопроса «\(questionID)» нет баллов", hint: "укажите score у вариантов шкалы")
                }
                if items.contains(where: { $0.question == questionID }) { error(itemNode, itemPath, "вопрос «\(questionID)» указан дважды") }
                items.append(Indicator.Item(question: questionID, weight: weight))
            }
            let levels = readLevels(body, path, parent: item)
            if let minimum = Self.minimumFigure(method: method, items: items, questions: questions, scales: scales),
               let last = levels.last, last.from > minimum + 1e-9 {
                error(body["levels"], "\(path).levels", "нижний уровень начинается с \(RussianNumber.plain(last.from)), а показатель может быть равен \(RussianNumber.plain(minimum))",
                      hint: "последний уровень должен начинаться с \(RussianNumber.plain(minimum))")
            }
            var indicator = Indicator(id: id, title: string(body, "title", path, parent: item) ?? id, method: method, items: items,
                                      levels: levels,
                                      audienceKey: string(body, "audience_key", path, parent: item, required: false),
                                      guidance: guidance(body, path, parent: item), keywords: strings(body, "keywords", path))
            indicator.levelShare = levelShare
            if let text = string(body, "direction", path, parent: item, required: false) {
                if let direction = Indicator.Direction(rawValue: text) { indicator.direction = direction } else {
                    error(body["direction"], "\(path).direction", "неизвестное направление «\(text)»",
                          hint: "допустимо: higher_is_better (чем выше, тем лучше; по умолчанию) или lower_is_better (чем ниже, тем лучше)")
                }
            }
            checkDirection(indicator, body, path)
            indicator.route = readRoute(body, path)
            indicators.append(indicator)
        }
        return indicators
    }

    /// `of` and `share_levels` of a `level_share` indicator: `of` must be declared earlier and not be
    /// a `level_share` itself; every counted level must be one of its levels.
    private mutating func readLevelShare(_ body: [String: Node], _ path: String, parent: Node, indicators: [Indicator]) -> Indicator.LevelShare? {
        guard let of = string(body, "of", path, parent: parent, required: true) else { return nil }
        guard let base = indicators.first(where: { $0.id == of }), base.method != .levelShare else {
            error(body["of"], "\(path).of", "показатель «\(of)» не объявлен выше или сам считается методом level_share",
                  hint: "укажите в of id показателя с методом sum, mean_index, mean_score или positive_share, объявленного раньше")
            return nil
        }
        let names = strings(body, "share_levels", path)
        if names.isEmpty {
            error(body["share_levels"] ?? parent, "\(path).share_levels", "не указаны уровни, долю которых считает показатель",
                  hint: "например share_levels: [низкий, дезадаптация]")
        }
        for name in names where !base.levels.contains(where: { $0.name == name }) {
            error(body["share_levels"], "\(path).share_levels", "у показателя «\(of)» нет уровня «\(name)»",
                  hint: "есть: " + base.levels.map(\.name).joined(separator: ", "))
        }
        return Indicator.LevelShare(of: of, levels: names, method: base.method, baseLevels: base.levels)
    }

    /// With lower-is-better the deficit levels are the upper ones; with higher-is-better the lower ones.
    private mutating func checkDirection(_ indicator: Indicator, _ body: [String: Node], _ path: String) {
        guard let first = indicator.levels.first, let last = indicator.levels.last, indicator.levels.count >= 2 else { return }
        if indicator.direction == .lowerIsBetter, last.deficit, !first.deficit {
            error(body["levels"], "\(path).levels", "показатель «чем ниже, тем лучше», а дефицитом отмечен нижний уровень «\(last.name)»",
                  hint: "отметьте deficit: true у верхних уровней или уберите direction: lower_is_better")
        }
        if indicator.direction == .higherIsBetter, first.deficit, !last.deficit {
            error(body["levels"], "\(path).levels", "дефицитом отмечен верхний уровень «\(first.name)»: чем выше показатель, тем хуже?",
                  hint: "укажите direction: lower_is_better")
        }
    }

    /// `recommendation`, `responsible`, `deadline`, `document` of an indicator or a question.
    mutating func guidance(_ body: [String: Node], _ path: String, parent: Node) -> Guidance {
        Guidance(recommendation: string(body, "recommendation", path, parent: parent, required: false),
                 responsible: string(body, "responsible", path, parent: parent, required: false),
                 deadline: string(body, "deadline", path, parent: parent, required: false),
                 document: string(body, "document", path, parent: parent, required: false))
    }

    mutating func readLevels(_ body: [String: Node], _ path: String, parent: Node) -> [Level] {
        var levels: [Level] = []
        for (index, node) in sequence(body, "levels", path, parent: parent, required: true).enumerated() {
            let levelPath = "\(path).levels[\(index)]"
            guard let level = mapping(node, levelPath, allowed: ["name", "from", "deficit"]),
                  let name = string(level, "name", levelPath, parent: node),
                  let from = double(level, "from", levelPath, parent: node, required: true) else { continue }
            if let previous = levels.last, from >= previous.from {
                error(level["from"], "\(levelPath).from", "пороги уровней не по убыванию: \(RussianNumber.plain(from)) после \(RussianNumber.plain(previous.from))",
                      hint: "перечисляйте уровни от высокого к низкому, каждый следующий с меньшим порогом")
            }
            levels.append(Level(name: name, from: from, deficit: bool(level, "deficit", levelPath) ?? false))
        }
        return levels
    }

    /// The lowest figure a method can produce for these questions (for checking the lowest level).
    static func minimumFigure(method: Indicator.Method, items: [Indicator.Item], questions: [Question], scales: [String: Scale]) -> Double? {
        switch method {
        case .positiveShare, .meanIndex, .levelShare: return 0
        case .meanScore, .sum:
            let ranges = items.compactMap { item in
                questions.first { $0.id == item.question }?.scale.flatMap { scales[$0] }?.scoreRange
            }
            guard ranges.count == items.count, !ranges.isEmpty else { return nil }
            return method == .sum ? ranges.reduce(0) { $0 + $1.lowerBound } : ranges.map(\.lowerBound).min()
        }
    }

    private mutating func readOverall(_ map: [String: Node], indicators: [Indicator]) -> Overall? {
        guard let node = map["overall"], let body = mapping(node, "overall", allowed: ["title", "indicators", "levels"]) else { return nil }
        let title = string(body, "title", "overall", parent: node) ?? "Общий индекс"
        var ids = strings(body, "indicators", "overall")
        for id in ids where !indicators.contains(where: { $0.id == id }) {
            error(body["indicators"], "overall.indicators", "неизвестный показатель «\(id)»")
        }
        if ids.isEmpty { ids = indicators.map(\.id) }
        let methods = Set(ids.compactMap { id in indicators.first { $0.id == id }?.method })
        if methods.count > 1 {
            error(node, "overall", "в общий индекс входят показатели, рассчитанные разными методами",
                  hint: "перечислите в overall.indicators показатели одного метода")
        }
        let levels = body["levels"] != nil ? readLevels(body, "overall", parent: node) : nil
        return Overall(title: title, indicators: ids, levels: levels)
    }
}
