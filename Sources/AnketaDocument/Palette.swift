import Foundation

/// Colours that survive black-and-white printing.
///
/// The rule, for every chart and table of a document: **darker means worse**. Level tones run
/// from a dark red deficit through amber to a light green high level (`Tone`), and answer
/// options of a Likert question from a dark red for the most negative to a pale green for the
/// most positive, with a warm grey in the middle for the neutral option. Consecutive colours of
/// a palette differ in WCAG relative luminance by at least 0.12, so a greyscale printout keeps
/// them apart and keeps their order; the hue still tells the story on screen.
///
/// ```swift
/// let colors = Palette.likert(count: 5) // ["#791111", "#C96D1D", "#B4AEA0", "#8FDEAA", "#D5EFC7"]
/// ```
public enum Palette {
    /// Colours (`#RRGGBB`) for the options of an ordered scale, from the most negative to the
    /// most positive, for `Chart.Kind.divergingStacked` series.
    ///
    /// Luminance rises monotonically from the first colour to the last (dark red → orange →
    /// warm grey → green → pale green); with an odd `count` the middle colour is the neutral
    /// grey. Counts 2…7 are tuned so that neighbours differ by ≥ 0.12 in relative luminance;
    /// larger counts repeat the 7-step palette's ends and interpolate between them (still
    /// monotonic, with smaller gaps). `count` < 1 gives an empty array.
    public static func likert(count: Int) -> [String] {
        switch count {
        case ..<1: return []
        case 1: return ["#B4AEA0"]
        case 2: return ["#961515", "#96E196"]
        case 3: return ["#791111", "#B4AEA0", "#CDF1CD"]
        case 4: return ["#791111", "#DF7A20", "#77D897", "#D5EFC7"]
        case 5: return ["#791111", "#C96D1D", "#B4AEA0", "#8FDEAA", "#D5EFC7"]
        case 6: return ["#791111", "#D94A1F", "#E38A3B", "#60D185", "#9FE39F", "#D5EFC7"]
        case 7: return ["#791111", "#CB461D", "#DF7A20", "#B4AEA0", "#77D897", "#A9E7A9", "#DCF3D0"]
        default:
            let base = likert(count: 7)
            return (0..<count).map { i in
                let position = Double(i) / Double(count - 1) * Double(base.count - 1)
                let lower = Int(position.rounded(.down))
                let upper = min(lower + 1, base.count - 1)
                return mix(base[lower], base[upper], fraction: position - Double(lower))
            }
        }
    }

    /// WCAG 2 relative luminance (0 = black, 1 = white) of a `#rrggbb` or `#rgb` colour; `nil`
    /// when the text is not such a colour.
    public static func relativeLuminance(_ css: String) -> Double? {
        guard let hex = ColorHex.normalized(css), let v = UInt32(hex, radix: 16) else { return nil }
        func channel(_ c: UInt32) -> Double {
            let x = Double(c) / 255
            return x <= 0.03928 ? x / 12.92 : Foundation.pow((x + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(v >> 16 & 0xFF) + 0.7152 * channel(v >> 8 & 0xFF) + 0.0722 * channel(v & 0xFF)
    }

    /// A colour `fraction` of the way from `a` to `b` (per sRGB channel).
    static func mix(_ a: String, _ b: String, fraction: Double) -> String {
        guard let ha = ColorHex.normalized(a), let hb = ColorHex.normalized(b),
              let va = UInt32(ha, radix: 16), let vb = UInt32(hb, radix: 16) else { return a }
        var out = "#"
        for shift in [16, 8, 0] as [UInt32] {
            let ca = Double(va >> shift & 0xFF), cb = Double(vb >> shift & 0xFF)
            let c = Int((ca + (cb - ca) * fraction).rounded())
            out += String(format: "%02X", min(max(c, 0), 255))
        }
        return out
    }
}

public extension Chart {
    /// The palette for diverging stacked bars: `Palette.likert(count:)`.
    static func likertPalette(count: Int) -> [String] { Palette.likert(count: count) }
}
