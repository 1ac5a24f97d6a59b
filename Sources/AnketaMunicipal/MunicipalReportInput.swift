import AnketaCore

/// Everything the municipal справка is made from.
public struct MunicipalReportInput: Sendable {
    public var questionnaire: Questionnaire
    public var result: MunicipalResult
    /// Every audience of the same period (this one included), for the cross-audience карта дефицитов.
    public var audiences: [MunicipalAudience]
    public var units: [SchoolUnit]
    /// The municipal centre's profile: its name above the title, the signatory, основание.
    public var profile: OrganizationProfile?
    /// `dd.MM.yyyy`.
    public var date: String
    public var academicYear: AcademicYear?
    /// Change from the previous municipal wave (`--compare`), when there is one.
    public var dynamics: MunicipalDynamics?

    public init(questionnaire: Questionnaire, result: MunicipalResult, audiences: [MunicipalAudience] = [], units: [SchoolUnit],
                profile: OrganizationProfile? = nil, date: String, academicYear: AcademicYear? = nil) {
        self.questionnaire = questionnaire
        self.result = result
        self.audiences = audiences
        self.units = units
        self.profile = profile
        self.date = date
        self.academicYear = academicYear
    }

    public var year: AcademicYear? {
        academicYear ?? result.period?.first.flatMap(AcademicYear.init(containing:))
    }

    public var audienceMap: AudienceMap? {
        audiences.count >= 2 ? AudienceMap(audiences: audiences, units: units) : nil
    }
}
