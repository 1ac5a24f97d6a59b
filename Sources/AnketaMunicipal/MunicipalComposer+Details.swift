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
    }

    // MARK: - Cross-audience map

    func audienceMapSection() -> [Block] {
        guard let map = input.audienceMap else { return [] }
        var blocks: [Block] = [.heading("Единая карта дефицитов: обучающиеся, родители, педагоги", level: 1),
                               .text("Одни и те же показатели глазами разных участников образовательных отношений — по муниципалитету и по каждой школе, отдельно для основного (ООО) и среднего (СОО) общего образования.")]
        let header = ["Организация"] + map.columns.map { "\($0.title): \($0.audience.nominativePlural.lowercased())" }
        for table in map.tables {
            let rows = table.rows.map { row -> [Cell] in
                [Cell(row.name, bold: row.code == nil)] + zip(map.columns, row.cells).map { column, cell in
                    if cell.hidden { return Cell("скрыто", tone: .muted) }
                    guard let figure = cell.figure else { return Cell("—") }
                    let levelTone: Tone? = cell.level.map { _ in cell.deficit ? .poor : (column.threshold.map { figure >= $0 + 15 } ?? false ? .good : .fair) }
                    return Cell(MunicipalWording.figure(figure, method: column.method), tone: levelTone, bold: row.code == nil)
                }
            }
            blocks.append(.table(Table(caption: "Карта дефицитов по участникам — \(table.level)", header: header, rows: rows,
                                       columnWidths: [2.4] + map.columns.map { _ in 1.3 }, numericColumns: Set(1...map.columns.count))))
        }
        var notes: [String] = []
        let scales = Set(map.columns.map(\.method)).map(MunicipalWording.scale).sorted()
        notes.append("Все значения в одной шкале: \(scales.joined(separator: "; ")). Тёмные клетки — дефицит по уровням анкеты этой группы участников.")
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

    // MARK: - Addressed recommendations

    func addressedRecommendations() -> [Block] {
        let schools = result.shown.filter { $0.indicators.contains(where: \.deficit) }
        guard !schools.isEmpty else { return [] }
        var blocks: [Block] = [.heading("Школы с дефицитами: адресные рекомендации", level: 1)]
        for school in schools {
            let items = school.indicators.filter(\.deficit).compactMap { own -> [Inline]? in
                guard let item = result.indicators.first(where: { $0.id == own.id }) else { return nil }
                var text = "«\(item.title)» — \(MunicipalWording.figure(own.figure, method: item.method))"
                if let level = own.level { text += " (\(level))" }
                if own.comparison?.direction == .below { text += ", значимо ниже остальных школ" }
                text += ". "
                let advice = Self.firstSentences(item.recommendation ?? "Разработать план мер по показателю и рассмотреть его на методическом совете.", count: 2)
                return [.text(text), .emphasis(advice)]
            }
            blocks.append(.paragraph([.strong(school.name)]))
            blocks.append(.list(items, ordered: false))
        }
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
