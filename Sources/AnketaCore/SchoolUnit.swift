/// An organisation of a municipal monitoring (a school, lyceum, education centre…): one row of the
/// units registry. Every wave of a municipal survey belongs to one unit, named by its `code`.
///
/// ```swift
/// let unit = SchoolUnit(code: "sosh5", shortName: "СОШ № 5", fullName: "МБОУ «СОШ № 5»", kind: .secondarySchool,
///                       levels: [.primary, .basic, .secondary], contingent: [.students: 540], aliases: ["школа 5"])
/// ```
public struct SchoolUnit: Sendable, Equatable, Codable {
    /// A short stable identifier (letters, digits, «-», «_»): the wave's unit in the store.
    public var code: String
    public var shortName: String
    public var fullName: String
    public var kind: UnitKind
    /// Education levels taught (НОО, ООО, СОО).
    public var levels: [SchoolLevel]
    /// How many people of each audience could answer (for охват).
    public var contingent: [Audience: Int]
    /// Other ways the organisation's name is typed in exports («школа 5», «МБОУ СОШ 5»).
    public var aliases: [String]

    public init(code: String, shortName: String, fullName: String, kind: UnitKind, levels: [SchoolLevel] = [],
                contingent: [Audience: Int] = [:], aliases: [String] = []) {
        self.code = code
        self.shortName = shortName
        self.fullName = fullName
        self.kind = kind
        self.levels = levels
        self.contingent = contingent
        self.aliases = aliases
    }

    /// Whether a code is usable: 1–40 letters, digits, «-» or «_».
    public static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 40 && code.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// An organisation profile for the unit's own справка: its names and contingent.
    public var profile: OrganizationProfile {
        var profile = OrganizationProfile(fullName: fullName, shortName: shortName)
        profile.contingent = contingent
        return profile
    }
}
