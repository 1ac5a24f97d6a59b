// Helpers shared by the renderers: number formatting, text sanitising, tone colours and
// chart geometry that every format must agree on.

import Foundation

/// Numbers as a Russian reader expects them: decimal comma ("82,4"), a minus sign "−",
/// digit groups separated by a non-breaking space from 10 000 on ("12 500"), and a
/// non-breaking space between a number and its unit ("82,4 %").
public enum DocumentNumberFormat {
    /// The non-breaking space placed between a number and its unit.
    public static let unitSeparator: Character = "\u{00A0}"

    /// Formats `value` with exactly `fractionDigits` digits after a decimal comma.
    /// Non-finite values become "—".
    public static func decimal(_ value: Double, fractionDigits: Int = 1) -> String {
        guard value.isFinite else { return "—" }
        let digits = max(0, min(fractionDigits, 6))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else {
            // Far beyond anything a survey produces; keep it readable rather than exact.
            return (value < 0 ? "−" : "") + String(Int64(abs(value).rounded()))
        }
        let n = UInt64(scaled)
        var pow10: UInt64 = 1
        for _ in 0..<digits { pow10 *= 10 }
        let intPart = n / pow10
        let fracPart = n % pow10
        var result = group(String(intPart))
        if digits > 0 {
            var frac = String(fracPart)
            while frac.count < digits { frac = "0" + frac }
            result += "," + frac
        }
        if value < 0 && n != 0 { result = "−" + result }
        return result
    }

    /// A value with its unit ("82,4 %"); `nil` (a suppressed value) becomes "—".
    public static func value(_ value: Double?, unit: String, fractionDigits: Int = 1) -> String {
        guard let value, value.isFinite else { return "—" }
        let number = decimal(value, fractionDigits: fractionDigits)
        let unit = unit.trimmingWhitespace()
        return unit.isEmpty ? number : number + String(unitSeparator) + unit
    }

    /// How many fraction digits a set of values needs: 0 when all are whole numbers, else 1.
    public static func fractionDigits(for values: [Double?]) -> Int {
        for case let v? in values where v.isFinite {
            if abs(v - v.rounded()) > 1e-9 { return 1 }
        }
        return 0
    }

    private static func group(_ digits: String) -> String {
        guard digits.count >= 5 else { return digits }
        var out: [Character] = []
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append("\u{00A0}") }
            out.append(ch)
        }
        return String(out.reversed())
    }
}

/// Text hygiene shared by all formats.
public enum DocumentText {
    /// Escapes `&`, `<`, `>`, `"` and `'` for markup (HTML or XML), after dropping characters XML 1.0
    /// forbids; `apostrophe` is the entity for `'` (`&#39;` in HTML, `&apos;` in XML).
    public static func escapeMarkup(_ text: String, apostrophe: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in sanitized(text) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            default: out.append(ch)
            }
        }
        return out
    }

    /// Removes characters that XML 1.0 forbids (control characters other than tab, newline
    /// and carriage return, U+FFFE/U+FFFF) and C1 control characters. Carriage returns are
    /// folded into newlines.
    public static func sanitized(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for s in text.unicodeScalars {
            let v = s.value
            if v == 0x0D {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if v == 0x0A && previousWasCR { previousWasCR = false; continue }
            previousWasCR = false
            if v == 0x09 || v == 0x0A { scalars.append(s); continue }
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
            scalars.append(s)
        }
        return String(scalars)
    }

    /// Sanitised text on one line: newlines and tabs become single spaces.
    public static func singleLine(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        for ch in sanitized(text) {
            if ch == "\n" || ch == "\t" || ch == " " {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(ch)
                lastWasSpace = false
            }
        }
        return out.trimmingWhitespace()
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

public extension Tone {
    /// Light background for table cells (`#rrggbb`); black text stays readable on it.
    var cellBackground: String {
        switch self {
        case .good: return "#D9EAD3"
        case .fair: return "#FFF2CC"
        case .poor: return "#F4CCCC"
        case .muted: return "#E7E6E6"
        }
    }

    /// Stronger colour for chart bars (`#rrggbb`).
    var chartColor: String {
        switch self {
        case .good: return "#6AA84F"
        case .fair: return "#F1C232"
        case .poor: return "#E06666"
        case .muted: return "#B7B7B7"
        }
    }

    /// What the tone means, for chart legends.
    var legendLabel: String {
        switch self {
        case .good: return "высокий уровень"
        case .fair: return "средний уровень"
        case .poor: return "низкий уровень"
        case .muted: return "нет данных"
        }
    }
}

/// Colour helpers: series colours come from the model and are checked before use.
enum ColorHex {
    /// Default palette for series whose colour is missing or malformed.
    static let palette = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"]

    /// `#rrggbb` or `#rgb` → "RRGGBB"; anything else → nil.
    static func normalized(_ css: String) -> String? {
        var s = Substring(css.trimmingWhitespace())
        if s.first == "#" { s.removeFirst() }
        let hex = Set("0123456789abcdefABCDEF")
        guard s.allSatisfy({ hex.contains($0) }) else { return nil }
        if s.count == 6 { return s.uppercased() }
        if s.count == 3 { return s.map { "\($0)\($0)" }.joined().uppercased() }
        return nil
    }

    static func seriesColor(_ css: String, index: Int) -> String {
        normalized(css) ?? palette[index % palette.count]
    }

    /// True when black text reads better than white on this colour.
    static func prefersDarkText(_ hex: String) -> Bool {
        guard hex.count == 6, let v = UInt32(hex, radix: 16) else { return true }
        func channel(_ c: UInt32) -> Double {
            let x = Double(c) / 255
            return x <= 0.03928 ? x / 12.92 : Foundation.pow((x + 0.055) / 1.055, 2.4)
        }
        let l = 0.2126 * channel(v >> 16 & 0xFF) + 0.7152 * channel(v >> 8 & 0xFF) + 0.0722 * channel(v & 0xFF)
        // Contrast with black (l+0.05)/0.05 against white 1.05/(l+0.05).
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05)
    }
}

/// How a diverging (Likert) chart is split around its zero line.
public struct DivergingSplit: Sendable, Equatable {
    /// Series drawn left of zero, from the most negative (far left) to the mildest.
    public var negative: [Int]
    /// The series centred on the zero line, if any.
    public var neutral: Int?
    /// Series drawn right of zero, from the mildest to the most positive.
    public var positive: [Int]
}

public extension Chart {
    /// For `.divergingStacked`: which series go left, centre and right. Without a neutral
    /// series the first half (rounded down) goes left and the rest right. `nil` for other kinds.
    var divergingSplit: DivergingSplit? {
        guard case .divergingStacked(let neutral) = kind else { return nil }
        let n = series.count
        if let neutral, neutral >= 0, neutral < n {
            return DivergingSplit(negative: Array(0..<neutral), neutral: neutral,
                                  positive: Array((neutral + 1)..<n))
        }
        let half = n / 2
        return DivergingSplit(negative: Array(0..<half), neutral: nil, positive: Array(half..<n))
    }

    /// The value of series `s` at category `c`, or nil when missing, suppressed or not finite.
    func value(series s: Int, category c: Int) -> Double? {
        guard s < series.count, c < series[s].values.count, let v = series[s].values[c], v.isFinite else {
            return nil
        }
        return v
    }

    /// For diverging charts: how far each category reaches left and right of zero.
    func divergingExtents(category c: Int) -> (left: Double, right: Double) {
        guard let split = divergingSplit else { return (0, 0) }
        let neg = split.negative.reduce(0) { $0 + max(0, value(series: $1, category: c) ?? 0) }
        let pos = split.positive.reduce(0) { $0 + max(0, value(series: $1, category: c) ?? 0) }
        let mid = split.neutral.map { max(0, value(series: $0, category: c) ?? 0) / 2 } ?? 0
        return (neg + mid, pos + mid)
    }

    /// Every value of the chart, for choosing fraction digits.
    var allValues: [Double?] { series.flatMap(\.values) }
}

/// Axis arithmetic: a "nice" step and maximum for a value axis starting at zero.
enum AxisScale {
    static func niceStep(forRange range: Double, targetTicks: Int = 5) -> Double {
        guard range > 0, range.isFinite else { return 1 }
        let raw = range / Double(targetTicks)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where m * magnitude >= raw {
            return m * magnitude
        }
        return 10 * magnitude
    }

    /// (maximum, step) covering `dataMax`, honouring an explicit maximum when it is large enough.
    static func scale(dataMax: Double, explicitMax: Double?) -> (max: Double, step: Double) {
        if let explicitMax, explicitMax.isFinite, explicitMax > 0, explicitMax >= dataMax {
            return (explicitMax, niceStep(forRange: explicitMax))
        }
        let top = dataMax > 0 && dataMax.isFinite ? dataMax : 1
        let step = niceStep(forRange: top)
        var m = step
        while m < top - 1e-9 { m += step }
        return (m, step)
    }
}
