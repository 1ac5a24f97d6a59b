import AnketaCore
import AnketaTestSupport

/// Random responses for the codec's and the migration's property tests: every kind of answer, odd
/// Unicode (combining marks, «ё», emoji, zero-width and right-to-left characters, line breaks),
/// empty texts, multiple choices of 0–5 codes in a random order, doubles from tiny to huge.
struct RandomResponses {
    var random: SeededRandom
    /// Whether texts may hold a NUL (the codec keeps it; the v7 schema's `question_id`/`kind` could not).
    var allowsNUL = false
    /// Only numbers schema v7 could store: no -0 (SQLite's REAL affinity stored it as the integer
    /// 0) and nothing beyond ±10¹⁸ (v7 spelled each number out in digits, which traps beyond Int).
    var v7Numbers = false

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    static let scalars: [Unicode.Scalar] = [
        "a", "Z", "0", " ", ",", "\"", "'", ";", "\t", "\n", "\r", "\\",
        "д", "Ё", "ё", "е", "й", "\u{0301}", "\u{00A0}", "\u{200B}", "\u{FEFF}", "\u{202E}", "\u{05D0}", "\u{0627}",
        "\u{4E2D}", "\u{1F600}", "\u{1F468}", "\u{200D}", "\u{10FFFF}", "\u{7F}", "\u{85}", "\u{3000}", "«", "»", "—",
    ]

    mutating func text(maxLength: Int = 12) -> String {
        var text = ""
        for _ in 0..<random.int(below: maxLength + 1) {
            if allowsNUL, random.int(below: 40) == 0 { text.unicodeScalars.append("\u{0}"); continue }
            text.unicodeScalars.append(Self.scalars[random.int(below: Self.scalars.count)])
        }
        return text
    }

    mutating func number() -> Double {
        let number = anyNumber()
        guard v7Numbers else { return number }
        if number == 0 { return 0 }
        return abs(number) < 1e18 ? number : number.truncatingRemainder(dividingBy: 1e18)
    }

    mutating func anyNumber() -> Double {
        switch random.int(below: 8) {
        case 0: return -0.0
        case 1: return Double.greatestFiniteMagnitude * (random.int(below: 2) == 0 ? 1 : -1)
        case 2: return Double.leastNonzeroMagnitude
        case 3: return Double(random.int(below: 11))
        case 4: return Double(bitPattern: random.next() & ~(0x7FF0_0000_0000_0000)) // subnormal or zero
        case 5: return .pi
        default:
            // Any finite double: a random bit pattern with NaN and infinity exponents avoided.
            let bits = random.next()
            let exponent = (bits >> 52) & 0x7FF
            return Double(bitPattern: exponent == 0x7FF ? bits & ~(UInt64(1) << 62) : bits)
        }
    }

    mutating func answer() -> Answer {
        switch random.int(below: 5) {
        case 0: return .noAnswer
        case 1: return .option(code())
        case 2:
            var codes: [String] = []
            for _ in 0..<random.int(below: 6) {
                let code = code()
                if !codes.contains(code) { codes.append(code) }
            }
            return .options(codes)
        case 3: return .number(number())
        default: return .text(text(maxLength: random.int(below: 4) == 0 ? 200 : 12))
        }
    }

    /// A non-empty code (the v7 rows' primary key held a multiple choice's codes, so no two alike).
    mutating func code() -> String {
        random.int(below: 3) == 0 ? "c\(random.int(below: 30))" : "к" + text(maxLength: 6)
    }

    mutating func response(questions: Int = 40) -> Response {
        var response = Response(submittedAt: random.int(below: 4) == 0 ? nil : "2026-0\(1 + random.int(below: 9))-1\(random.int(below: 10)) 10:00:00")
        for index in 0..<random.int(below: questions + 1) where random.int(below: 3) > 0 {
            let id = random.int(below: 5) == 0 ? "q\(index)-" + text(maxLength: 4) : "q\(index)"
            response[id] = answer()
        }
        return response
    }
}
