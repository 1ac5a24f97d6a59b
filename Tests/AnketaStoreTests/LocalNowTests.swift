import AnketaStore
import AnketaTestSupport
import Foundation
import Testing

@Suite("Local wall-clock strings")
struct LocalNowTests {
    /// The reference: what the store wrote before, with a `DateFormatter` per call.
    static func formatted(_ date: Date, _ timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    @Test("localNow equals DateFormatter's yyyy-MM-dd HH:mm:ss for random moments in Russian and other zones (property)")
    func matchesDateFormatter() {
        var random = SeededRandom(seed: 20261202)
        let zones = ["Europe/Moscow", "Europe/Kaliningrad", "Asia/Yekaterinburg", "Asia/Kamchatka", "UTC", "America/St_Johns", "Asia/Kolkata"]
            .compactMap(TimeZone.init(identifier:))
        #expect(zones.count == 7)
        for _ in 0..<3_000 {
            // 1950 … 2100, with fractions of a second; a few exactly at midnight and year boundaries.
            var seconds = Double(random.int(below: 4_733_510_400)) - 631_152_000 + Double(random.int(below: 1_000)) / 1_000
            if random.int(below: 10) == 0 { seconds = (seconds / 86_400).rounded(.down) * 86_400 }
            let date = Date(timeIntervalSince1970: seconds)
            let zone = zones[random.int(below: zones.count)]
            #expect(AnketaStore.localNow(date, timeZone: zone) == Self.formatted(date, zone), "\(seconds) in \(zone.identifier)")
        }
    }

    @Test("known moments")
    func knownMoments() throws {
        let moscow = try #require(TimeZone(identifier: "Europe/Moscow"))
        // 2026-04-01 05:00:00 UTC is 08:00 in Moscow (UTC+3); 2024-02-29 is a leap day.
        #expect(AnketaStore.localNow(Date(timeIntervalSince1970: 1_775_019_600), timeZone: moscow) == "2026-04-01 08:00:00")
        #expect(AnketaStore.localNow(Date(timeIntervalSince1970: 1_709_234_999.9), timeZone: TimeZone(identifier: "UTC")!) == "2024-02-29 19:29:59")
        #expect(AnketaStore.localNow(Date(timeIntervalSince1970: -1), timeZone: TimeZone(identifier: "UTC")!) == "1969-12-31 23:59:59")
    }
}
