import AnketaCore
import AnketaObjectivity
import AnketaReports

extension ObjectivityComposer {
    /// Выводы from the sections added after the first справка: teacher groups with flags, the mean
    /// score against the region, the attitudes' deficits and the non-survey indicators past their
    /// thresholds — one sentence each, the detail stays in the sections.
    func moreConclusionItems() -> [String] {
        var items: [String] = []
        let person = definition.teacherKind == .person
        let flagged = analysis.teachers.filter { $0.flags.contains(.lowered) }
        if !flagged.isEmpty {
            let names = flagged.map { "\($0.scope.teacher ?? "") (\($0.scope.subject ?? ""), понизили \(W.percent($0.lowered.share)))" }
            items.append("Доля «понизили» выше порога \(W.threshold(definition.thresholds.lowered)) у \(person ? (flagged.count == 1 ? "учителя" : "учителей") : (flagged.count == 1 ? "группы учителей" : "групп учителей")) " + names.joined(separator: ", ") + ".")
        }
        let lower = analysis.regionalMeans.filter { ($0.test?.pValue ?? 1) < 0.05 && $0.difference < 0 }
        let higher = analysis.regionalMeans.filter { ($0.test?.pValue ?? 1) < 0.05 && $0.difference > 0 }
        if !analysis.regionalMeans.isEmpty {
            func names(_ list: [RegionalMeanComparison]) -> String { list.map { "\($0.subject), \($0.grade) кл." }.joined(separator: "; ") }
            if lower.isEmpty, higher.isEmpty {
                items.append("Средний первичный балл ни в одной параллели статистически значимо не отличается от регионального.")
            } else {
                if !lower.isEmpty { items.append("Средний первичный балл статистически значимо ниже регионального: \(names(lower)).") }
                if !higher.isEmpty { items.append("Средний первичный балл статистически значимо выше регионального: \(names(higher)).") }
            }
        }
        let weak = input.attitudes.filter { !$0.suppressed }.flatMap { result in
            result.indicators.filter(\.deficit).map { "«\($0.title)» (\(result.audience.nominativePlural.lowercased()))" }
        }
        if !weak.isEmpty { items.append("По результатам анкетирования на уровне дефицита: " + weak.joined(separator: ", ") + ".") }
        if let nonSurvey = input.nonSurvey {
            let deficits = nonSurvey.deficits
            items.append(deficits.isEmpty
                ? "Все показатели вне анкетирования за \(nonSurvey.year) учебный год достигают порогов."
                : "Показатели вне анкетирования хуже порога за \(nonSurvey.year) учебный год: " + deficits.map { "«\($0.title)»" }.joined(separator: ", ") + ".")
        }
        return items
    }
}
