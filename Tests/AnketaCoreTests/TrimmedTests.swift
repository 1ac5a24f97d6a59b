import AnketaCore
import Foundation
import Testing

@Suite("String.trimmed and isBlank")
struct TrimmedTests {
    @Test("Both ends are trimmed, whichever side has white space", arguments: [
        ("текст", "текст"),
        ("  текст", "текст"),
        ("текст  ", "текст"),          // the inverted guard kept this one
        ("текст\n", "текст"),
        ("текст\r\n", "текст"),
        ("текст\u{00A0}", "текст"),
        ("\tтекст\t", "текст"),
        ("a b", "a b"),
        ("   ", ""),
        ("", ""),
        ("x", "x"),
        (" x", "x"),
        ("x ", "x"),
    ])
    func table(_ text: String, _ expected: String) {
        #expect(text.trimmed == expected)
    }

    /// Property: for any mix of letters and white space, `trimmed` equals Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` (seeded generator, 2,000 strings).
    @Test("Agrees with Foundation on random strings")
    func agreesWithFoundation() {
        var generator = SplitMix64(seed: 0x9E37_79B9)
        let alphabet: [Character] = [" ", "\t", "\n", "\r\n", "\u{00A0}", "\u{2003}", "а", "ё", "Z", "1", ".", "\u{00AD}"]
        for _ in 0..<2000 {
            let length = Int(generator.next() % 9)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(text.trimmed == expected, "«\(text.debugDescription)»")
            #expect(text.isBlank == expected.isEmpty)
        }
    }
}

/// A small seeded generator (SplitMix64), so a failure reproduces.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
