import AnketaCore
import AnketaDocument
import AnketaReports

extension MunicipalComposer {
    // MARK: - ООО and СОО

    func levelsSection() -> [Block] {
        guard let levels = result.levels else { return [] }
        let groups = levels.groups.filter { $0.key == SchoolLevel.basic.rawValue || $0.key == SchoolLevel.secondary.rawValue }
        guard groups.count == 2 else { return [] }
        let rows = result.indicators.map { item -> [Cell] in
            var cells = [Cell(item.title)]
            for group in groups {
                if group.suppressed { cells.append(Cell("скрыто", tone: .muted)); continue }
                let own = group.indicators.first { $0.id == item.id }
                cells.append(Cell(cellText(own?.figure, level: own?.level, deficit: own?.deficit ?? false, method: item.method),
                                  tone: tone(level: own?.level, deficit: own?.deficit ?? false, indicator: item.id)))
            }
            let test = levels.tests.first { $0.indicator == item.id }
            let verdict = test.map { $0.pHolm < 0.05 ? "различие значимо (p = \(MunicipalWording.pValue($0.pHolm)))" : "незначимо (p = \(MunicipalWording.pValue($0.pHolm)))" } ?? "—"
            cells.append(Cell(verdict))
            return cells
        }
        let sizes: [Cell] = [Cell("Респондентов", bold: true)] + groups.map { Cell($0.suppressed ? "скрыто" : ($0.respondents.map(String.init) ?? "—")) } + [Cell("")]
        return [.heading("Основное и среднее общее образование (ООО и СОО)", level: 1),
                .table(Table(caption: "Показатели муниципалитета по уровням образования (по всем респондентам)",
                             header: ["Показатель"] + groups.map(\.key) + ["Сравнение"], rows: [sizes] + rows,
                             columnWidths: [3.4, 1.6, 1.6, 2.4], numericColumns: [1, 2])),
                .note([.text("Уровень образования определён по классу, указанному респондентом. Сравнение — критерий Манна — Уитни по баллам респондентов с поправкой Холма на число показателей.")])]
    }

    // MARK: - Development topics (teachers)

    func topicsSection() -> [Block] {
        guard questionnaire.audience == .teachers, !result.topics.isEmpty else { return [] }
        let rows = result.topics.prefix(12).map { topic -> [Cell] in
            let places = topic.schools.prefix(8).map { "\($0.name) — \($0.teachers)" }.joined(separator: "; ")
                + (topic.schools.count > 8 ? "; ещё \(topic.schools.count - 8) \(MunicipalWording.schoolGenitive.form(topic.schools.count - 8))" : "")
            return [Cell(topic.text), Cell("\(topic.teachers) (\(RussianNumber.percent(topic.percent)))"),
                    Cell(topic.schools.isEmpty ? "—" : "\(topic.schools.count): \(places)")]
        }
        return [.heading("Потребность педагогов района в повышении квалификации", level: 1),
                .text("Темы, по которым не менее 30 % педагогов муниципалитета отметили затруднения (ответы «владею частично» и «не владею»), — основа муниципального плана повышения квалификации. Для каждой темы указано, в каких школах затруднения отметили не менее 30 % педагогов, и сколько их там."),
                .table(Table(caption: "Темы повышения квалификации: сколько педагогов и где",
                             header: ["Компетенция", "Педагогов с затруднениями", "Школы (педагогов с затруднениями)"],
                             rows: rows, columnWidths: [3.6, 1.5, 4], numericColumns: [1])),
                .note([.text("Число педагогов — по ответам на вопрос; школы, где ответили меньше \(RussianPlural.personGenitiveMin(result.minGroupSize)), не учитываются.")])]
            + subjectTopics()
    }

    /// The same topics by subject area, as one matrix: topics × subject areas (numbered, the key
    /// above), in each cell the teachers of that area with the difficulty and their share of the
    /// area's teachers who answered; the schools where a subject's own group needs the topic are
    /// named under the table.
    func subjectTopics() -> [Block] {
        let topics = Array(result.topics.prefix(12))
        guard topics.contains(where: { !$0.subjects.isEmpty || $0.subjectsWithheld }) else { return [] }
        func short(_ subject: String?) -> String {
            guard let subject else { return "другие предметные области" }
            return subject.components(separatedBy: " (").first ?? subject
        }
        // Columns: every area shown for some topic, the largest first; «другие» last.
        var sizes: [String: Int] = [:]
        var others = false
        for topic in topics {
            for row in topic.subjects {
                if let subject = row.subject { sizes[subject] = max(sizes[subject] ?? 0, row.valid) } else { others = true }
            }
        }
        let columns: [String?] = sizes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key) + (others ? [nil] : [])
        guard !columns.isEmpty else { return [] }
        var rows: [[Cell]] = []
        var places: [[Inline]] = []
        for topic in topics {
            if topic.subjectsWithheld {
                rows.append([Cell(topic.text)] + columns.map { _ in Cell("скрыто", tone: .muted) })
                continue
            }
            rows.append([Cell(topic.text)] + columns.map { column in
                guard let row = topic.subjects.first(where: { $0.subject == column }) else { return Cell("—") }
                let tone: Tone? = row.percent >= 50 ? .poor : row.percent >= 30 ? .fair : nil
                return Cell("\(row.teachers)\n\(RussianNumber.fixed(row.percent, digits: 0))", tone: tone)
            })
            let named = topic.subjects.filter { !$0.schools.isEmpty }.map { "\(short($0.subject).lowercased()) — \($0.schools.joined(separator: ", "))" }
            if !named.isEmpty { places.append([.text("«\(topic.text)»: "), .strong(named.joined(separator: "; "))]) }
        }
        let key = columns.enumerated().map { "\($0.offset + 1) — \(short($0.element))" }.joined(separator: "; ")
        var blocks: [Block] = [
            .text("По предметным областям. В клетке — сколько педагогов области отметили затруднение и какая это доля ответивших педагогов области (%); тёмные клетки — 50 % и больше, средние — от 30 до 50 %."),
            .note([.text("Предметные области: \(key).")]),
            .table(Table(caption: "Темы повышения квалификации по предметным областям",
                         header: ["Компетенция"] + columns.indices.map { String($0 + 1) }, rows: rows,
                         columnWidths: [5] + columns.map { _ in 0.8 }, numericColumns: Set(1...columns.count))),
        ]
        if !places.isEmpty {
            blocks.append(.paragraph([.strong("Школы, где затруднение отметили не менее 30 % педагогов предметной области:")]))
            blocks.append(.list(places, ordered: false))
        }
        let merged = Set(topics.flatMap(\.subjectsMerged)).sorted()
        var note = "Школа названа, если в ней не меньше \(RussianPlural.personGenitiveMin(result.minGroupSize)) педагогов этой области; число педагогов школы по предмету не приводится, чтобы его нельзя было вычесть из итогов. Педагоги, не указавшие предметную область, в таблицу не входят."
        if !merged.isEmpty {
            note += " В «другие предметные области» объединены: \(merged.map { short($0) }.joined(separator: "; ")) — в них меньше \(RussianPlural.personGenitiveMin(result.minGroupSize)) педагогов муниципалитета или их отдельный показ позволил бы вычислить ответы малой группы педагогов одной школы; «—» — область по этой теме объединена с другими."
        }
        if topics.contains(where: \.subjectsWithheld) {
            note += " «скрыто» — по этой теме разбивка по предметам выделила бы малую группу педагогов."
        }
        blocks.append(.note([.text(note)]))
        return blocks
    }

    // MARK: - Cross-audience map

    func audienceMapSection() -> [Block] {
        guard let map = input.audienceMap else { return [] }
        var audiences: [Audience] = []
        for column in map.columns where !audiences.contains(column.audience) { audiences.append(column.audience) }
        let names = audiences.map { $0.nominativePlural.lowercased() }.joined(separator: ", ")
        var blocks: [Block] = [.heading("Единая карта дефицитов: \(names)", level: 1),
                               .text("Одни и те же показатели глазами разных участников образовательных отношений — по муниципалитету и по каждой школе, отдельно для основного (ООО) и среднего (СОО) общего образования.")]
        // Short headers (key number and audience); at most two keys (six columns) per table, so
        // every table fits an A4 page; the keys are listed above.
        var keys: [String] = []
        for column in map.columns where !keys.contains(column.key) { keys.append(column.key) }
        let percent = map.columns.allSatisfy { $0.method.isPercent }
        blocks.append(.paragraph([.strong("Показатели: ")] + [.text(keys.enumerated().map { index, key in
            "\(index + 1) — «\(map.columns.first { $0.key == key }?.title ?? key)»"
        }.joined(separator: "; ") + ". Обуч. — обучающиеся, род. — родители, пед. — педагоги." + (percent ? " Значения — доля положительных ответов, %." : ""))]))
        for table in map.tables {
            for part in stride(from: 0, to: keys.count, by: 2) {
                let chosen = Array(keys[part..<min(part + 2, keys.count)])
                let columns = map.columns.indices.filter { chosen.contains(map.columns[$0].key) }
                let header = ["Организация"] + columns.map { index in
                    "\((keys.firstIndex(of: map.columns[index].key) ?? 0) + 1)\n" + Self.audienceShort(map.columns[index].audience)
                }
                let rows = table.rows.map { row -> [Cell] in
                    [Cell(row.name, bold: row.code == nil)] + columns.map { index in
                        let column = map.columns[index], cell = row.cells[index]
                        if cell.hidden { return Cell("скрыто", tone: .muted) }
                        guard let figure = cell.figure else { return Cell("—") }
                        let levelTone: Tone? = cell.level.map { _ in cell.deficit ? .poor : (column.threshold.map { figure >= $0 + 15 } ?? false ? .good : .fair) }
                        let text = percent ? RussianNumber.fixed(figure, digits: 1) : MunicipalWording.figure(figure, method: column.method)
                        return Cell(text, tone: levelTone, bold: row.code == nil)
                    }
                }
                let numbers = chosen.map { String((keys.firstIndex(of: $0) ?? 0) + 1) }.joined(separator: " и ")
                blocks.append(.table(Table(caption: "Карта дефицитов по участникам — \(table.level), показатели \(numbers)", header: header, rows: rows,
                                           columnWidths: [2.6] + columns.map { _ in 1 }, numericColumns: Set(1...columns.count))))
            }
        }
        var notes: [String] = []
        let scales = Set(map.columns.map(\.method)).map(MunicipalWording.scale).sorted()
        notes.append("Все значения в одной шкале: \(scales.joined(separator: "; ")). Тёмные клетки — дефицит по уровням анкеты этой группы участников; «скрыто» — ответили меньше \(RussianPlural.personGenitiveMin(result.minGroupSize)) (в школе или на этом уровне образования в школе).")
        if map.columns.contains(where: \.wholeSchool) {
            let whole = Set(map.columns.filter(\.wholeSchool).map { $0.audience.genitivePlural })
            notes.append("Для \(whole.sorted().joined(separator: ", ")) уровень образования в анкете не указывается: в обеих таблицах — значение по всей школе.")
        }
        for exclusion in map.excluded {
            notes.append("«\(exclusion.title)» у \(exclusion.audience.genitivePlural) измеряется иначе (\(MunicipalWording.scale(exclusion.method))), чем у остальных (\(MunicipalWording.scale(exclusion.commonMethod))): на одной шкале их сравнивать нельзя, поэтому в карту этот показатель \(exclusion.audience.genitivePlural) не включён — см. справку по их анкете.")
        }
        blocks.append(.note([.text(notes.joined(separator: " "))]))
        return blocks
    }

    static func audienceShort(_ audience: Audience) -> String {
        switch audience {
        case .students: "обуч."
        case .parents: "род."
        case .teachers: "пед."
        case .administration: "адм."
        }
    }

    // MARK: - Addressed recommendations

    /// One table: each school with its deficit indicators and the numbers of the measures for
    /// them; the measures themselves once, below (the same advice thirty times is not read).
    func addressedRecommendations() -> [Block] {
        let schools = result.shown.filter { $0.indicators.contains(where: \.deficit) }
        guard !schools.isEmpty else { return [] }
        let measured = result.indicators.filter { item in schools.contains { $0.indicators.contains { $0.id == item.id && $0.deficit } } }
        let rows = schools.map { school -> [Cell] in
            let deficits = school.indicators.filter(\.deficit)
            let lines = deficits.compactMap { own -> String? in
                guard let item = result.indicators.first(where: { $0.id == own.id }) else { return nil }
                return "«\(item.title)» — \(MunicipalWording.figure(own.figure, method: item.method))" + (verdict(own.comparison, indicator: own.id) == .worse ? " ▼" : "")
            }
            let numbers = deficits.compactMap { own in measured.firstIndex { $0.id == own.id }.map { String($0 + 1) } }
            let priority = deficits.contains { verdict($0.comparison, indicator: $0.id) == .worse } || deficits.count == result.indicators.count
            return [Cell(school.name, bold: priority), Cell(lines.joined(separator: "\n")), Cell(numbers.joined(separator: ", "), tone: priority ? .poor : nil)]
        }
        var blocks: [Block] = [.heading("Школы с дефицитами: адресные рекомендации", level: 1),
                               .text("В таблице — школы, где хотя бы один показатель на уровне дефицита, и номера мер, которые им рекомендованы (меры перечислены под таблицей). Выделены школы, где дефицит по всем показателям или показатель значимо хуже, чем в остальных школах (▼): им нужно методическое сопровождение муниципального уровня — закрепление куратора, посещение уроков, отчёт на методическом совете через полгода."),
                               .table(Table(caption: "Дефициты школ и рекомендуемые меры", header: ["Школа", "Показатели на уровне дефицита", "Меры №"],
                                            rows: rows, columnWidths: [2, 5.2, 1], numericColumns: [2]))]
        var measures: [[Inline]] = []
        for item in measured {
            let count = schools.filter { $0.indicators.contains { $0.id == item.id && $0.deficit } }.count
            measures.append([.strong("«\(item.title)» (\(count) \(RussianPlural("школа", "школы", "школ").form(count))): "),
                             .text(Self.firstSentences(item.recommendation ?? "Разработать план мер по показателю и рассмотреть его на методическом совете.", count: 3))])
        }
        blocks.append(.paragraph([.strong("Рекомендуемые меры:")]))
        blocks.append(.list(measures, ordered: true))
        return blocks
    }

    /// The first `count` sentences of a recommendation.
    static func firstSentences(_ text: String, count: Int) -> String {
        var result = ""
        var sentences = 0
        for character in text {
            result.append(character)
            if ".!?".contains(character) {
                sentences += 1
                if sentences == count { break }
            }
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Conclusions and signature

    func conclusions() -> [Block] {
        guard result.respondents > 0 else { return [] }
        var items: [[Inline]] = []
        let deficits = result.indicators.filter(\.deficit)
        if deficits.isEmpty {
            items.append([.text("На муниципальном уровне (по всем респондентам) дефицитов нет.")])
        } else {
            items.append([.text("Дефицит на муниципальном уровне: " + deficits.map { "«\($0.title)» (\(MunicipalWording.figure($0.pooled, method: $0.method)))" }.joined(separator: ", ") + " — нужны меры муниципального уровня (семинары, курсы, сетевые проекты).")])
        }
        for item in result.indicators where item.deficitSchools > 0 && !item.deficit {
            items.append([.text("«\(item.title)»: в целом по муниципалитету дефицита нет, но он есть в \(item.deficitSchools) \(RussianPlural("школе", "школах", "школах").form(item.deficitSchools)) из \(item.schools) — нужна адресная поддержка этих школ.")])
        }
        let below = result.shown.filter { $0.indicators.contains { $0.comparison?.direction == .below } }
        if !below.isEmpty {
            items.append([.text("Значимо ниже остальных школ хотя бы по одному показателю: \(below.map(\.name).joined(separator: ", ")).")])
        }
        return [.heading("Выводы", level: 1), .list(items, ordered: true)]
    }

    func signature() -> [Block] {
        var profile = input.profile ?? OrganizationProfile(fullName: "")
        if input.profile?.signatory == nil {
            profile.signatory = OrganizationProfile.Signatory(position: "Методист муниципального методического центра", name: "И. О. Фамилия")
        }
        if input.profile == nil { profile.review = "на заседании муниципального методического совета" }
        return SignatureBlock.blocks(profile: profile, questionnaireID: questionnaire.id, date: input.date)
    }
}
