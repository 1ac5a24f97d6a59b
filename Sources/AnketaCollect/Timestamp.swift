import AnketaCore

/// Form timestamps in the shapes the services export, made canonical: `yyyy-MM-dd HH:mm:ss`.
///
/// Accepted: `12.04.2026 19:03:11` (Google Forms, Russian), `2026/04/12 7:03:11 PM GMT+3`
/// (Google Forms, English), `2026-04-12 19:03:11` or `2026-04-12T19:03:11` (Yandex Forms, ISO),
/// with or without seconds. The time is kept as the form wrote it (local time).
public enum Timestamp {
    public static func canonical(_ text: String) -> String? {
        if let fast = fixedWidth(text) { return fast }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let serial = Double(trimmed), (20_000...80_000).contains(serial) { return fromExcelSerial(serial) }
        let parts = trimmed.replacingOccurrences(of: "T", with: " ").split(separator: " ", omittingEmptySubsequences: true)
        guard let datePart = parts.first else { return nil }
        var year = 0, month = 0, day = 0
        let dateFields = datePart.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" }).compactMap { Int($0) }
        guard dateFields.count == 3 else { return nil }
        if datePart.contains(".") { (day, month, year) = (dateFields[0], dateFields[1], dateFields[2]) } else {
            (year, month, day) = (dateFields[0], dateFields[1], dateFields[2])
        }
        if year < 100 { year += 2000 }
        guard (1...12).contains(month), (1...31).contains(day), (1990...2200).contains(year) else { return nil }
        var hour = 0, minute = 0, second = 0
        if parts.count > 1 {
            let time = parts[1].split(separator: ":").map { Int($0.prefix(2)) }
            guard time.count >= 2, let h = time[0], let m = time[1] else { return nil }
            hour = h
            minute = m
            second = time.count > 2 ? (time[2] ?? 0) : 0
            if parts.count > 2 {
                let marker = parts[2].uppercased()
                if marker == "PM", hour < 12 { hour += 12 }
                if marker == "AM", hour == 12 { hour = 0 }
            }
            guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        }
        return "\(pad(year, 4))-\(pad(month))-\(pad(day)) \(pad(hour)):\(pad(minute)):\(pad(second))"
    }

    /// The two shapes almost every export uses, read over their 19 bytes without splitting strings:
    /// `12.04.2026 19:03:11` (Google Forms, Russian) and `2026-04-12 19:03:11`; nil for anything else
    /// (then the general way decides, with the same ranges).
    static func fixedWidth(_ text: String) -> String? {
        var text = text
        guard text.utf8.count == 19 else { return nil }
        return text.withUTF8 { fixedWidth(bytes: $0) }
    }

    /// ``fixedWidth(_:)`` over a cell's bytes.
    static func fixedWidth(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count == 19 else { return nil }
        do {
            func number(_ at: Int, _ width: Int) -> Int? {
                var value = 0
                for index in at..<(at + width) {
                    let digit = Int(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            let year: Int?, month: Int?, day: Int?
            if bytes[2] == UInt8(ascii: "."), bytes[5] == UInt8(ascii: ".") {
                (day, month, year) = (number(0, 2), number(3, 2), number(6, 4))
            } else if bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
                (year, month, day) = (number(0, 4), number(5, 2), number(8, 2))
            } else {
                return nil
            }
            guard bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                  let year, let month, let day, let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  (1...12).contains(month), (1...31).contains(day), (1990...2200).contains(year),
                  (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
            // `yyyy-MM-dd HH:mm:ss`: digits written in place (no arrays of parts per cell).
            return String(unsafeUninitializedCapacity: 19) { out in
                func put(_ value: Int, at position: Int, width: Int) {
                    var rest = value
                    for offset in stride(from: width - 1, through: 0, by: -1) {
                        out[position + offset] = UInt8(0x30 + rest % 10)
                        rest /= 10
                    }
                }
                put(year, at: 0, width: 4)
                out[4] = UInt8(ascii: "-")
                put(month, at: 5, width: 2)
                out[7] = UInt8(ascii: "-")
                put(day, at: 8, width: 2)
                out[10] = UInt8(ascii: " ")
                put(hour, at: 11, width: 2)
                out[13] = UInt8(ascii: ":")
                put(minute, at: 14, width: 2)
                out[16] = UInt8(ascii: ":")
                put(second, at: 17, width: 2)
                return 19
            }
        }
    }

    /// An Excel date-time serial (days since 1899-12-30, the fraction is the time) as canonical text.
    static func fromExcelSerial(_ serial: Double) -> String {
        let totalSeconds = Int((serial * 86_400).rounded())
        let days = totalSeconds / 86_400, seconds = totalSeconds % 86_400
        // 25 569 days separate Excel's epoch from 1970-01-01.
        let date = CivilDate(daysSince1970: Int64(days - 25_569))
        let (year, month, day) = (Int(date.year), Int(date.month), Int(date.day))
        return "\(pad(year, 4))-\(pad(month))-\(pad(day)) \(pad(seconds / 3600)):\(pad(seconds % 3600 / 60)):\(pad(seconds % 60))"
    }

    /// The canonical form shown as Google Forms (Russian) does: `12.04.2026 19:03:11`.
    public static func russian(_ canonical: String) -> String {
        let parts = canonical.split(separator: " ")
        let date = parts.first?.split(separator: "-") ?? []
        guard date.count == 3 else { return canonical }
        return "\(date[2]).\(date[1]).\(date[0])" + (parts.count > 1 ? " \(parts[1])" : "")
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
