/// Estimates how wide text is when set in Times New Roman, without a font at hand.
///
/// The advance widths are those of Times New Roman (Liberation Serif is metric-compatible; the
/// figures were read from its `hmtx` table), in ems. Bold is about 8 % wider. Other serif fonts
/// come out close enough for laying out table columns and chart labels; the estimate errs on the
/// wide side for characters it does not know.
///
/// ```swift
/// TextMeasure.width("Респондентов", size: 12, bold: true) // ≈ 75 pt
/// ```
public enum TextMeasure {
    /// Width of `text` in points at `size` points.
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += em(scalar) }
        return ems * size * (bold ? 1.08 : 1)
    }

    /// Punctuation that may stand inside a hyphenated word.
    private static let wordPunctuation: Set<Character> = ["«", "»", ",", ".", ";", ":", "-", "–", "—", "(", ")"]

    /// Width of the widest word of `text` (words are split at ordinary spaces and after hyphens,
    /// never at non-breaking spaces), in points.
    ///
    /// With `hyphenated`, a word of more than eight letters counts as its longer half plus a
    /// hyphen: hyphenation breaks it near the middle at worst (Russian rules keep at least two
    /// letters on each side, so this is an upper bound for words of one or two syllable breaks).
    public static func longestWordWidth(_ text: String, size: Double, bold: Bool = false, hyphenated: Bool = false) -> Double {
        words(text).map { word in
            guard hyphenated, word.count > 8, word.allSatisfy({ $0.isLetter || wordPunctuation.contains($0) }) else {
                return width(word, size: size, bold: bold)
            }
            let half = (word.count + 1) / 2
            return max(width(String(word.prefix(half)), size: size, bold: bold), width(String(word.suffix(word.count - half)), size: size, bold: bold))
                + width("-", size: size, bold: bold)
        }.max() ?? 0
    }

    /// The pieces a line may break between: split at spaces, newlines and tabs; a hyphen, dash or
    /// soft hyphen (U+00AD, where a header may be hyphenated) stays with the piece before it.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for ch in text {
            if ch == " " || ch == "\n" || ch == "\t" {
                if !current.isEmpty { result.append(current); current = "" }
            } else {
                current.append(ch)
                if ch == "-" || ch == "–" || ch == "—" || ch == "\u{00AD}" {
                    result.append(current)
                    current = ""
                }
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static let cyrillicLower: [Double] = [
        // а      б      в      г      д      е      ж      з      и      й      к      л      м      н      о      п
        0.444, 0.509, 0.472, 0.410, 0.509, 0.444, 0.691, 0.395, 0.535, 0.535, 0.486, 0.499, 0.633, 0.535, 0.500, 0.535,
        // р      с      т      у      ф      х      ц      ч      ш      щ      ъ      ы      ь      э      ю      я
        0.500, 0.444, 0.437, 0.500, 0.648, 0.500, 0.535, 0.503, 0.770, 0.770, 0.517, 0.672, 0.456, 0.429, 0.747, 0.460,
    ]

    private static let cyrillicUpper: [Double] = [
        // А      Б      В      Г      Д      Е      Ж      З      И      Й      К      Л      М      Н      О      П
        0.722, 0.574, 0.667, 0.578, 0.682, 0.611, 0.896, 0.501, 0.722, 0.722, 0.667, 0.678, 0.889, 0.722, 0.722, 0.722,
        // Р      С      Т      У      Ф      Х      Ц      Ч      Ш      Щ      Ъ      Ы      Ь      Э      Ю      Я
        0.556, 0.667, 0.611, 0.708, 0.790, 0.722, 0.722, 0.650, 1.009, 1.009, 0.706, 0.872, 0.574, 0.660, 1.028, 0.667,
    ]

    private static func em(_ s: Unicode.Scalar) -> Double {
        let v = s.value
        switch v {
        case 0x0430...0x044F: return cyrillicLower[Int(v - 0x0430)]
        case 0x0410...0x042F: return cyrillicUpper[Int(v - 0x0410)]
        case 0x0451: return 0.444 // ё
        case 0x0401: return 0.611 // Ё
        case 0x30...0x39: return 0.5
        case 0x20, 0xA0, 0x2E, 0x2C: return 0.25 // space, NBSP, period, comma
        case 0x2009, 0x202F: return 0.17 // thin spaces
        case 0x3A, 0x3B, 0x21, 0x2F, 0x7C: return 0.278
        case 0x28, 0x29, 0x5B, 0x5D, 0x2D, 0x27: return 0.333
        case 0x25: return 0.833 // %
        case 0x2B, 0x2212, 0x3D, 0x3C, 0x3E, 0xB1: return 0.564
        case 0x2013: return 0.5 // –
        case 0x2014: return 1.0 // —
        case 0xAB, 0xBB, 0x22, 0x201C, 0x201D, 0x201E: return 0.5
        case 0x2116: return 0.954 // №
        case 0x2026: return 1.0 // …
        case 0x61...0x7A: return lowerLatin(v)
        case 0x41...0x5A: return upperLatin(v)
        default: return 0.6
        }
    }

    private static func lowerLatin(_ v: UInt32) -> Double {
        switch Character(Unicode.Scalar(v)!) {
        case "i", "j", "l", "t": return 0.278
        case "f", "r": return 0.333
        case "m": return 0.778
        case "w": return 0.722
        default: return 0.5
        }
    }

    private static func upperLatin(_ v: UInt32) -> Double {
        switch Character(Unicode.Scalar(v)!) {
        case "I": return 0.333
        case "J": return 0.389
        case "M": return 0.889
        case "W": return 0.944
        default: return 0.68
        }
    }
}
