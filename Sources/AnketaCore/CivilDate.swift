/// A day of the proleptic Gregorian calendar from a count of days since 1970-01-01, with integer
/// arithmetic only (H. Hinnant, «chrono-Compatible Low-Level Date Algorithms»): for the timestamps
/// read from spreadsheets and the web server's clock, where a `DateFormatter` per value cost more than
/// the rest of the work.
public struct CivilDate: Sendable, Equatable {
    public var year: Int64
    public var month: Int64
    public var day: Int64

    public init(daysSince1970 days: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }
}
