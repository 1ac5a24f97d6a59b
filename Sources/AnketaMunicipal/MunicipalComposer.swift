import AnketaCore
import AnketaDocument
import AnketaReports

/// Composes the municipal справка: the same document conventions and renderers as a school's.
///
/// Body: основание, цель, участники and охват; методика (which municipal figure is which); охват by
/// school; the municipal figures; the карта дефицитов of the municipality (school × indicator);
/// schools against the rest of the municipality (Holm-corrected); the ranking as forest plots;
/// ООО against СОО; the district's development topics (teachers); the cross-audience map; schools
/// with deficits and addressed recommendations; выводы; signature. Test statistics go to the appendix.
public struct MunicipalComposer: Sendable {
    public let input: MunicipalReportInput

    public init(_ input: MunicipalReportInput) {
        self.input = input
    }

    var result: MunicipalResult { input.result }
    var questionnaire: Questionnaire { input.questionnaire }

    public func compose() -> Document {
        var blocks: [Block] = []
        blocks += introduction()
        blocks += coverage()
        blocks += municipalFigures()
        blocks += dynamicsSection()
        blocks += heatMap()
        blocks += comparisons()
        blocks += ranking()
        blocks += levelsSection()
        blocks += topicsSection()
        blocks += audienceMapSection()
        blocks += addressedRecommendations()
        blocks += conclusions()
        blocks += signature()
        blocks += appendix()
        var subtitle = ["по итогам муниципального мониторинга: анкетирование \(MunicipalWording.audienceGenitive(questionnaire.audience)) «\(questionnaire.title)»"]
        if let year = input.year { subtitle.append(year.title) }
        subtitle.append([input.profile?.place, input.date].compactMap { $0 }.joined(separator: ", "))
        var document = Document(title: "Аналитическая справка", subtitle: subtitle, blocks: blocks, style: DocumentStyle(profile: input.profile))
        if let name = input.profile?.fullName, !name.isEmpty { document.preamble = [name] }
        return document
    }

    // MARK: - Helpers

    func indicator(_ id: String) -> Indicator? { questionnaire.indicators.first { $0.id == id } }

    func tone(level: String?, deficit: Bool, indicator id: String) -> Tone? {
        guard let level else { return nil }
        if deficit { return .poor }
        return indicator(id)?.levels.first?.name == level ? .good : .fair
    }

    /// «59,2 %» and the level under it; `compact` (the wide heat map) leaves out «(дефицит)»: the
    /// darkest tone and the note say it.
    func cellText(_ figure: Double?, level: String?, deficit: Bool, method: Indicator.Method, compact: Bool = false) -> String {
        guard let figure else { return "—" }
        let word = level.map { deficit && !compact ? "\($0) (дефицит)" : $0 } ?? ""
        return word.isEmpty ? MunicipalWording.figure(figure, method: method) : "\(MunicipalWording.figure(figure, method: method))\n\(word)"
    }

    /// Column headers for a school × indicator table: the titles, or — when more than four would
    /// not fit across A4 without breaking words («Органи-зация», «обучаю-щимися») — numbers, with
    /// the key to put above the table.
    func indicatorColumns(_ items: [MunicipalIndicator]) -> (headers: [String], key: Block?) {
        guard items.count > 4 else { return (items.map(\.title), nil) }
        let key = items.enumerated().map { "\($0.offset + 1) — «\($0.element.title)»" }.joined(separator: "; ")
        return (items.indices.map { String($0 + 1) }, .note([.text("Показатели: \(key).")]))
    }

    /// Whether a school compares significantly better or worse than the rest: higher for most
    /// indicators, lower for `direction: lower_is_better` ones.
    func verdict(_ comparison: RestComparison?, indicator id: String) -> Verdict? {
        let lowerIsBetter = indicator(id)?.direction == .lowerIsBetter
        switch comparison?.direction {
        case .above?: return lowerIsBetter ? .worse : .better
        case .below?: return lowerIsBetter ? .better : .worse
        default: return nil
        }
    }

    enum Verdict { case better, worse }

    /// «▲» for significantly better than the rest, «▼» for worse (with a leading space), or "".
    func mark(_ comparison: RestComparison?, indicator id: String) -> String {
        switch verdict(comparison, indicator: id) {
        case .better?: " ▲"
        case .worse?: " ▼"
        case nil: ""
        }
    }

    /// The legend of ▲ / ▼, naming the indicators where lower is better.
    var markLegend: String {
        let reversed = result.indicators.filter { indicator($0.id)?.direction == .lowerIsBetter }.map { "«\($0.title)»" }
        var text = "▲ / ▼ — значимо лучше / хуже остальных школ муниципалитета (с поправкой Холма), подробности — в приложении."
        if !reversed.isEmpty {
            text += " Для \(reversed.count == 1 ? "показателя" : "показателей") \(reversed.joined(separator: ", ")) лучше меньшее значение: ▲ — значимо ниже остальных, ▼ — значимо выше."
        }
        return text
    }

    var hiddenNote: Block? {
        let hidden = result.schools.filter(\.hidden)
        guard !hidden.isEmpty else { return nil }
        return .note([.text("«скрыто» — в школе ответили меньше \(RussianPlural.personGenitiveMin(result.minGroupSize)): чтобы сохранить анонимность, её результаты не приводятся и не входят в муниципальные значения (\(RussianNumber.fixed(Double(hidden.count), digits: 0)) \(MunicipalWording.schoolGenitive.form(hidden.count))). Поэтому по муниципальным значениям и результатам остальных школ их вычислить нельзя.")])
    }

    static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".!?…".contains(last) ? text : text + "."
    }
}

extension RussianPlural {
    /// Genitive after «меньше»: «меньше 5 человек».
    static func personGenitiveMin(_ count: Int) -> String {
        "\(count) " + RussianPlural("человека", "человек", "человек").form(count)
    }
}
