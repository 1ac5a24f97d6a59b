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
        // Most texts have nothing to escape or remove: said over their bytes, without a character loop.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 } && isClean(bytes)
        }
        if plain == true { return text }
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
        if text.utf8.withContiguousStorageIfAvailable(isClean) == true { return text }
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

    /// Whether UTF-8 text has nothing `sanitized` removes or changes: no control character but
    /// tab and LF (no CR), no DEL, no C1 control (C2 80–9F), no U+FFFE or U+FFFF (EF BF BE/BF).
    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09, byte != 0x0A { return false }
            } else if byte == 0x7F {
                return false
            } else if byte == 0xC2, index + 1 < count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F {
                return false
            } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                return false
            }
            index += 1
        }
        return true
    }

    /// Whether `bindingUnits` may change the text: some space follows a character that could be a
    /// number or a comparison sign. Said over the bytes: a space after an ASCII letter or
    /// punctuation (not a digit, `<`, `>`) or after a Cyrillic letter (U+0400–U+0481,
    /// U+048A–U+04FF, not the combining marks between) changes nothing; anything else may.
    static func mayBind(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 1..<max(bytes.count, 1) where bytes[index] == 0x20 {
            let before = bytes[index - 1]
            if before < 0x80 {
                if (0x30...0x39).contains(before) || before == 0x3C || before == 0x3E { return true }
                continue
            }
            // The last character's scalar: a two-byte Cyrillic letter, or anything else.
            guard index >= 2, before < 0xC0 else { return true }
            let lead = bytes[index - 2]
            guard (0xD0...0xD3).contains(lead) else { return true }
            let scalar = (UInt32(lead & 0x1F) << 6) | UInt32(before & 0x3F)
            if (0x483...0x489).contains(scalar) { return true }
        }
        return false
    }

    /// Units that a number must never be separated from at a line end.
    static let boundUnits = ["п. п.", "п.п.", "%", "‰", "чел.", "гг.", "г.", "руб.", "тыс.", "млн", "баллов", "балла",
                             "балл", "мин.", "мин", "ч.", "лет", "года", "год", "раз"]
    /// `boundUnits` as characters, split once (the renderers call `bindingUnits` for every cell).
    private static let boundUnitCharacters: [(unit: String, characters: [Character])] = boundUnits.map { ($0, Array($0)) }
    /// The signs that stay with the number after them.
    private static let comparisonSigns: Set<Character> = ["<", ">", "≤", "≥", "≈", "±"]

    /// Glues numbers to their units with a non-breaking space, so «+5,9 п. п.», «82,4 %» and
    /// «2025 г.» never break across lines: the ordinary space between a digit and a following
    /// unit (`boundUnits`; the space inside «п. п.» too) and the space between a standalone
    /// comparison sign and its number («< 0,001») become U+00A0. Other text, «№ 5»
    /// included (names such as «Школа № 1» stay as written), is unchanged.
    ///
    /// The DOCX and HTML renderers apply it to all text; Markdown keeps text as written. The
    /// composer may call it for text it builds elsewhere.
    ///
    /// ```swift
    /// DocumentText.bindingUnits("рост на +5,9 п. п. за год") // "рост на +5,9\u{A0}п.\u{A0}п. за год"
    /// ```
    public static func bindingUnits(_ text: String) -> String {
        // The bytes first: most cells have no space (a space inside a longer character would only
        // send the text through the loop below, which leaves it unchanged).
        guard text.utf8.contains(0x20), text.utf8.withContiguousStorageIfAvailable(mayBind) ?? true, text.contains(" ") else { return text }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if ch == " ", i > 0 {
                let previous = chars[i - 1]
                // A comparison sign stays with its number: «p < 0,001».
                if comparisonSigns.contains(previous), i + 1 < chars.count, chars[i + 1].isNumber,
                   i == 1 || chars[i - 2] == " " || chars[i - 2] == "(" {
                    out.append("\u{00A0}"); i += 1; continue
                }
                if previous.isNumber, let unit = unit(in: chars, at: i + 1) {
                    out.append("\u{00A0}")
                    out += unit.replacingOccurrences(of: " ", with: "\u{00A0}")
                    i += 1 + unit.count
                    continue
                }
            }
            out.append(ch)
            i += 1
        }
        return out
    }

    /// The unit starting at `index`, when it ends at a word boundary.
    private static func unit(in chars: [Character], at index: Int) -> String? {
        for (unit, u) in boundUnitCharacters {
            guard index + u.count <= chars.count, chars[index..<index + u.count].elementsEqual(u) else { continue }
            let end = index + u.count
            if end == chars.count || !(chars[end].isLetter || chars[end].isNumber) { return unit }
        }
        return nil
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
    /// Light background for table cells (`#rrggbb`); black text stays readable on it (contrast
    /// ≥ 7:1). Ordered by lightness for greyscale print: poor < muted < fair < good.
    var cellBackground: String {
        switch self {
        case .good: return "#E5F2DC"
        case .fair: return "#FAD15A"
        case .poor: return "#DD9494"
        case .muted: return "#BFBFBF"
        }
    }

    /// Stronger colour for chart bars (`#rrggbb`), ordered by lightness for greyscale print:
    /// a deficit is the darkest bar, a high level a light one (darker means worse).
    var chartColor: String {
        switch self {
        case .good: return "#A8D5A2"
        case .fair: return "#E69F00"
        case .poor: return "#8E1B1B"
        case .muted: return "#E3E3E3"
        }
    }

    /// What the tone means, for chart legends. By meaning, not by height: where lower is better
    /// the good level is the lowest one, and a deficit may be the highest.
    var legendLabel: String {
        switch self {
        case .good: return "благополучный уровень"
        case .fair: return "средний уровень"
        case .poor: return "дефицит"
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
        guard let l = Palette.relativeLuminance(hex) else { return true }
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
        let n = series.count
        // A plain stacked bar is a diverging one with everything right of zero.
        if case .stacked = kind { return DivergingSplit(negative: [], neutral: nil, positive: Array(0..<n)) }
        guard case .divergingStacked(let neutral) = kind else { return nil }
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

extension Chart {
    /// The legend of a forest plot: the point tones used, the interval, and the reference line.
    static func forestLegend(_ chart: Chart, reference: Double?) -> [(color: String, name: String)] {
        var seen: [Tone] = []
        for case let tone? in chart.tones where !seen.contains(tone) { seen.append(tone) }
        var items = Tone.allCases.filter(seen.contains).map { ($0.chartColor, $0.legendLabel) }
        items.append(("#bfbfbf", "95-процентный доверительный интервал"))
        if let reference {
            items.append(("#222222", "муниципальное значение — " + DocumentNumberFormat.value(reference, unit: chart.unit,
                                                                                                fractionDigits: DocumentNumberFormat.fractionDigits(for: chart.allValues))))
        }
        return items
    }
}
