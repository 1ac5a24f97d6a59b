import AnketaDocument

extension CertificateComposer {
    /// The school's non-survey indicators beside the survey's карта дефицитов (`--indicators`);
    /// nothing without them.
    func nonSurveySection() -> [Block] {
        guard let nonSurvey = input.nonSurvey else { return [] }
        return NonSurveySection(nonSurvey).blocks()
    }
}
