/// The organisation a справка is filed by: its names, who signs, on what grounds, the contingent for
/// охват, who holds which role, and how the document is typeset.
///
/// Written by the school in YAML (see `docs/organization-profile.md`) and loaded with
/// ``OrganizationLoader``; `Samples/organization.yaml` is a complete example.
public struct OrganizationProfile: Sendable, Equatable {
    /// Who signs the справка.
    public struct Signatory: Sendable, Equatable {
        public var position: String
        public var name: String

        public init(position: String, name: String) {
            self.position = position
            self.name = name
        }
    }

    /// What a profile says about one questionnaire (overrides the organisation-wide values).
    public struct Survey: Sendable, Equatable {
        public var basis: String?
        public var purpose: String?
        public var contingent: Int?
        public var signatory: Signatory?
        /// Where this survey's справка is considered, if not where the organisation's usually are.
        public var review: String?

        public init(basis: String? = nil, purpose: String? = nil, contingent: Int? = nil, signatory: Signatory? = nil, review: String? = nil) {
            self.basis = basis
            self.purpose = purpose
            self.contingent = contingent
            self.signatory = signatory
            self.review = review
        }
    }

    /// Typesetting of the DOCX and the printed HTML.
    public struct Style: Sendable, Equatable {
        public var font: String
        /// Body text, points.
        public var bodySize: Double
        /// Tables, points.
        public var tableSize: Double

        public init(font: String = "Times New Roman", bodySize: Double = 14, tableSize: Double = 12) {
            self.font = font
            self.bodySize = bodySize
            self.tableSize = tableSize
        }
    }

    /// Full name as in the charter: «Муниципальное бюджетное общеобразовательное учреждение …».
    public var fullName: String
    /// Short name: «МБОУ СОШ № 1».
    public var shortName: String?
    public var municipality: String?
    /// Place of compilation, under the title: «г. Зареченск».
    public var place: String?
    /// The IANA time zone the console shows and takes run times in (`organization.time_zone`);
    /// nil: Europe/Moscow, unless `serve --time-zone` says otherwise.
    public var timeZone: String?
    public var signatory: Signatory?
    /// Where the справка is considered: «на заседании педагогического совета».
    public var review: String
    /// Основание: the приказ or the пункт of the ВСОКО plan.
    public var basis: String?
    /// How many people of each audience could answer (for охват).
    public var contingent: [Audience: Int]
    /// Role → person, e.g. «заместитель директора по АХЧ» → «П. С. Орлов», for the decisions table.
    public var staff: [String: String]
    /// Per questionnaire id.
    public var surveys: [String: Survey]
    public var style: Style

    public init(fullName: String, shortName: String? = nil, municipality: String? = nil, place: String? = nil,
                signatory: Signatory? = nil, review: String = OrganizationProfile.defaultReview, basis: String? = nil,
                contingent: [Audience: Int] = [:], staff: [String: String] = [:], surveys: [String: Survey] = [:],
                style: Style = Style()) {
        self.fullName = fullName
        self.shortName = shortName
        self.municipality = municipality
        self.place = place
        self.signatory = signatory
        self.review = review
        self.basis = basis
        self.contingent = contingent
        self.staff = staff
        self.surveys = surveys
        self.style = style
    }

    public static let defaultReview = "на заседании педагогического совета"

    /// The основание of a questionnaire's survey: its own, else the organisation's.
    public func basis(for questionnaireID: String) -> String? {
        surveys[questionnaireID]?.basis ?? basis
    }

    /// How many could answer: the survey's own figure, else the audience's contingent.
    public func contingent(for questionnaireID: String, audience: Audience) -> Int? {
        surveys[questionnaireID]?.contingent ?? contingent[audience]
    }

    /// «на заседании педагогического совета», or the survey's own.
    public func review(for questionnaireID: String) -> String {
        surveys[questionnaireID]?.review ?? review
    }

    public func signatory(for questionnaireID: String) -> Signatory? {
        surveys[questionnaireID]?.signatory ?? signatory
    }

    /// The person holding a role, matched ignoring case, «ё»/«е» and spacing.
    public func person(holding role: String) -> String? {
        let key = TextKey(role)
        return staff.first { TextKey($0.key) == key }?.value
    }
}
