/// A Russian school year (учебный год), 1 September to 31 August: «2025/2026 учебный год».
///
/// ```swift
/// AcademicYear(containing: "2026-04-06 08:30:52")?.title   // "2025/2026 учебный год"
/// ```
public struct AcademicYear: Sendable, Equatable, Comparable {
    /// The calendar year in which the school year begins.
    public var startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// The school year of a `yyyy-MM-dd…` date; `nil` when the text is not such a date.
    public init?(containing date: String) {
        let parts = date.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), year > 1900 else { return nil }
        startYear = month >= 9 ? year : year - 1
    }

    /// «2025/2026».
    public var label: String { "\(startYear)/\(startYear + 1)" }

    /// «2025/2026 учебный год».
    public var title: String { "\(label) учебный год" }

    /// «2025/2026 учебного года».
    public var genitive: String { "\(label) учебного года" }

    public static func < (lhs: AcademicYear, rhs: AcademicYear) -> Bool { lhs.startYear < rhs.startYear }
}
