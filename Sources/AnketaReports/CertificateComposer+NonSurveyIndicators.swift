import AnketaDocument

extension CertificateComposer {
    /// The school's non-survey indicators beside the survey's карта дефицитов (`--indicators`);
    /// nothing without them.
    func nonSurveySection() -> [Block] {
        guard let nonSurvey = input.nonSurvey else { return [] }
        return NonSurveySection(nonSurvey).blocks()
    }

    /// One item of «Выводы» naming the non-survey indicators past their thresholds (their detail
    /// and decisions are in the section and the decisions table).
    func nonSurveyConclusionItems() -> [[Inline]] {
        guard let nonSurvey = input.nonSurvey else { return [] }
        let deficits = nonSurvey.deficits
        guard !deficits.isEmpty else {
            return [[.text("Показатели вне анкетирования за \(nonSurvey.year) учебный год достигают порогов.")]]
        }
        return [[.text("Показатели вне анкетирования хуже порога за \(nonSurvey.year) учебный год: " + deficits.map { "«\($0.title)»" }.joined(separator: ", ") + ".")]]
    }
}
