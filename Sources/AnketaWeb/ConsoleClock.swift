import AnketaStore
import Foundation

/// Times in the organisation's time zone: the wall-clock strings runs are stored with
/// (`yyyy-MM-dd HH:mm:ss`), «now» in that zone, and how people read them («01.04.2026 08:00 МСК»).
struct ConsoleClock: Sendable {
    let timeZone: TimeZone

    /// Now as a stored wall-clock string.
    func now(_ date: Date = Date()) -> String {
        AnketaStore.localNow(date, timeZone: timeZone)
    }

    /// «МСК» for Moscow time, «МСК+2» for Yekaterinburg, «МСК−1» for Kaliningrad: how Russian
    /// schedules name time zones (Russia spans МСК−1 to МСК+9). Other zones get their UTC offset.
    var label: String {
        let seconds = timeZone.secondsFromGMT()
        let hours = seconds / 3600 - 3, minutes = abs(seconds % 3600) / 60
        let suffix = minutes == 0 ? "" : ":\(minutes < 10 ? "0" : "")\(minutes)"
        if hours == 0 && minutes == 0 { return "МСК" }
        if (-1...9).contains(hours) { return "МСК\(hours > 0 ? "+" : "−")\(abs(hours))\(suffix)" }
        if seconds == 0 { return "UTC" }
        let utc = seconds / 3600
        return "UTC\(seconds > 0 ? "+" : "−")\(abs(utc))\(suffix)"
    }

    /// `2026-04-01 08:00:00` → «01.04.2026 08:00 МСК».
    func human(_ canonical: String) -> String {
        "\(Dates.human(canonical)) \(label)"
    }

    /// «01.04.2026 08:00 — 15.04.2026 20:00 МСК».
    func period(_ opens: String, _ closes: String) -> String {
        "\(Dates.human(opens)) — \(Dates.human(closes)) \(label)"
    }

    /// `canonical` moved by whole days (for «продлить на неделю»).
    func adding(days: Int, to canonical: String) -> String? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        guard let date = formatter.date(from: canonical) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(byAdding: .day, value: days, to: date).map(formatter.string)
    }
}
