import AnketaCore
import Foundation

/// Matches answer cells against one scale over their UTF-8 bytes, without making a `String` or
/// hashing one: the scale's labels, aliases, «no answer» labels and codes are normalised once (the
/// rules of `TextKey`), and a cell is normalised the same way into a reused byte buffer — ASCII and
/// Cyrillic case folding, «ё» → «е», spaces collapsed and trimmed, quotes dropped, trailing
/// punctuation dropped — then compared with the few texts of its scale.
///
/// The fast path only ever answers with a match. A cell it cannot judge (a character outside ASCII
/// and the Russian alphabet, an apostrophe of CSV-injection protection, text that matches nothing)
/// goes the general way through ``AnswerParser``, which also words the error. A scale whose own
/// texts are not in this byte form gets no fast path at all, so both ways always agree.
///
/// A class: a reader of many rows reaches it through its column for every cell, and a struct of
/// nine arrays would be copied (nine retains) each time.
final class CellMatcher: Sendable {
    /// Normalised texts in `ScaleMatcher`'s order: labels and aliases, «no answer» labels, then codes.
    /// (Parallel arrays: the loops over a cell touch only the bytes, never copy a match.)
    private let keyBytes: [[UInt8]]
    private let keyMatches: [Scale.Match]
    private let keyAnswers: [Answer]
    /// Texts exactly as the definition writes them (most cells are one of these), each with what its
    /// normalised form selects — so a cell equal to one byte for byte needs no normalising.
    private let exactBytes: [[UInt8]]
    private let exactMatches: [Scale.Match]
    private let exactAnswers: [Answer]
    /// Texts that select something, longest first (`ScaleMatcher.candidates`), for checkbox cells,
    /// with the index of the option each selects (−1: «no answer»).
    private let candidateBytes: [[UInt8]]
    private let candidateOptions: [Int]
    private let codes: [String]
    /// Whether chosen options can be kept as bits (at most 64 options, codes all different).
    private let bitwise: Bool

    init?(_ scale: Scale, matcher: ScaleMatcher) {
        var keys: [(bytes: [UInt8], match: Scale.Match)] = []
        var seen: [[UInt8]] = []
        func add(_ text: String, _ match: Scale.Match) -> Bool {
            let key = Array(TextKey(text).value.utf8)
            guard CellMatcher.isNormal(key) else { return false }
            if key.isEmpty || seen.contains(key) { return true }
            seen.append(key)
            keys.append((key, match))
            return true
        }
        for option in scale.options {
            for text in [option.label] + option.aliases { guard add(text, .option(option)) else { return nil } }
        }
        for label in scale.noAnswer { guard add(label, .noAnswer) else { return nil } }
        // A code equal to a label is found as the label first, as `ScaleMatcher` does.
        for option in scale.options { guard add(option.code, .option(option)) else { return nil } }
        keyBytes = keys.map(\.bytes)
        keyMatches = keys.map(\.match)
        keyAnswers = keys.map { CellMatcher.answer($0.match) }
        var exact: [(bytes: [UInt8], match: Scale.Match)] = []
        var buffer: [UInt8] = []
        let texts = scale.options.flatMap { [$0.label] + $0.aliases } + scale.noAnswer + scale.options.map(\.code)
        for text in texts {
            let bytes = Array(text.utf8)
            guard !exact.contains(where: { $0.bytes == bytes }) else { continue }
            let normalised = bytes.withUnsafeBufferPointer { CellMatcher.normalize($0, into: &buffer) }
            if normalised, let match = keys.first(where: { $0.bytes == buffer })?.match { exact.append((bytes, match)) }
        }
        exactBytes = exact.map(\.bytes)
        exactMatches = exact.map(\.match)
        exactAnswers = exact.map { CellMatcher.answer($0.match) }
        var candidates: [(bytes: [UInt8], match: Scale.Match, option: Int)] = []
        for candidate in matcher.candidates {
            let bytes = Array(candidate.key.value.utf8)
            guard CellMatcher.isNormal(bytes) else { return nil }
            var option = -1
            if case .option(let chosen) = candidate.match { option = scale.options.firstIndex(of: chosen) ?? -1 }
            candidates.append((bytes, candidate.match, option))
        }
        candidateBytes = candidates.map(\.bytes)
        candidateOptions = candidates.map(\.option)
        guard !candidates.contains(where: { $0.option < 0 && $0.match != .noAnswer }) else { return nil }
        codes = scale.options.map(\.code)
        bitwise = codes.count <= 64 && Set(codes).count == codes.count
    }

    /// What a single-choice cell that selects `match` parses to.
    private static func answer(_ match: Scale.Match) -> Answer {
        switch match {
        case .option(let option): .option(option.code)
        case .noAnswer: .noAnswer
        }
    }

    /// The index of the first exact text equal to the cell, byte for byte.
    @inline(__always)
    private func exactIndex(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = cell.baseAddress else { return nil }
        for index in exactBytes.indices where exactBytes[index].count == cell.count {
            if exactBytes[index].withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, cell.count) == 0 }) { return index }
        }
        return nil
    }

    /// The index of the normalised text equal to the cell normalised into `buffer`.
    @inline(__always)
    private func keyIndex(_ cell: UnsafeBufferPointer<UInt8>, buffer: inout [UInt8]) -> Int? {
        guard CellMatcher.normalize(cell, into: &buffer), !buffer.isEmpty else { return nil }
        for index in keyBytes.indices where keyBytes[index] == buffer { return index }
        return nil
    }

    /// The answer of a single-choice cell (`.option(code)` or `.noAnswer`), or nil when the general way must decide.
    func answer(_ cell: UnsafeBufferPointer<UInt8>, buffer: inout [UInt8]) -> Answer? {
        if let index = exactIndex(cell) { return exactAnswers[index] }
        return keyIndex(cell, buffer: &buffer).map { keyAnswers[$0] }
    }

    /// Whether normalised text is made only of bytes the fast path produces (so that byte equality
    /// and `String` equality agree).
    static func isNormal(_ key: [UInt8]) -> Bool {
        var buffer: [UInt8] = []
        return key.withUnsafeBufferPointer { normalize($0, into: &buffer) } && buffer == key
    }

    /// The match of a single-choice cell, or nil when the general way must decide.
    func match(_ cell: UnsafeBufferPointer<UInt8>, buffer: inout [UInt8]) -> Scale.Match? {
        if let index = exactIndex(cell) { return exactMatches[index] }
        return keyIndex(cell, buffer: &buffer).map { keyMatches[$0] }
    }

    /// The answer of a checkbox cell (options joined with ", "; labels may contain commas), or nil
    /// when the general way must decide.
    func choices(_ cell: UnsafeBufferPointer<UInt8>, buffer: inout [UInt8]) -> Answer? {
        guard CellMatcher.normalize(cell, into: &buffer), !buffer.isEmpty else { return nil }
        var chosen: Set<String> = []
        var bits: UInt64 = 0
        var sawNoAnswer = false
        var start = 0
        let end = buffer.count
        while start < end {
            var matched = false
            for index in candidateBytes.indices where !candidateBytes[index].isEmpty && CellMatcher.hasPrefix(buffer, at: start, candidateBytes[index]) {
                let after = start + candidateBytes[index].count
                // The option must end at a separator or the end of the cell.
                guard after == end || buffer[after] == UInt8(ascii: ",") || buffer[after] == UInt8(ascii: ";") || buffer[after] == UInt8(ascii: " ") else { continue }
                let option = candidateOptions[index]
                if option < 0 {
                    sawNoAnswer = true
                } else if bitwise {
                    bits |= 1 << UInt64(option)
                } else {
                    chosen.insert(codes[option])
                }
                start = after
                while start < end, CellMatcher.isSeparator(buffer[start]) { start += 1 }
                matched = true
                break
            }
            // A code typed by hand, or a text of no option: the general way.
            if !matched { return nil }
        }
        if bitwise {
            if bits == 0 { return sawNoAnswer ? .noAnswer : .options([]) }
            return .options(codes.indices.filter { bits & (1 << UInt64($0)) != 0 }.map { codes[$0] })
        }
        if chosen.isEmpty { return sawNoAnswer ? .noAnswer : .options([]) }
        return .options(codes.filter(chosen.contains))
    }

    private static func hasPrefix(_ buffer: [UInt8], at start: Int, _ prefix: [UInt8]) -> Bool {
        guard buffer.count - start >= prefix.count else { return false }
        for index in prefix.indices where buffer[start + index] != prefix[index] { return false }
        return true
    }

    /// `TextKey` over UTF-8 bytes for ASCII, the Russian alphabet and no-break spaces; false (and
    /// the general way) for anything else or for a leading apostrophe (CSV-injection protection).
    static func normalize(_ cell: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        let count = cell.count
        out.removeAll(keepingCapacity: true)
        guard count > 0 else { return true }
        // The normalised text is never longer than the cell (every space written stands for at least
        // one byte skipped), so room is made once and the bytes are written through a pointer.
        out.append(contentsOf: repeatElement(0, count: count))
        var length = 0
        let normal = out.withUnsafeMutableBufferPointer { room -> Bool in
            guard let o = room.baseAddress else { return false }
            var pendingSpace = false
            var index = 0
            while index < count {
                let byte = cell[index]
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                    pendingSpace = length > 0
                    index += 1
                    continue
                case UInt8(ascii: "'") where length == 0 && !pendingSpace:
                    return false
                case UInt8(ascii: "\""):
                    // `TextKey` puts the pending space before it looks at a quote.
                    if pendingSpace { o[length] = 0x20; length += 1; pendingSpace = false }
                    index += 1
                    continue
                case 0x41...0x5A:
                    if pendingSpace { o[length] = 0x20; length += 1; pendingSpace = false }
                    o[length] = byte + 0x20
                    length += 1
                    index += 1
                case 0x00...0x7F:
                    if pendingSpace { o[length] = 0x20; length += 1; pendingSpace = false }
                    o[length] = byte
                    length += 1
                    index += 1
                case 0xC2:
                    guard index + 1 < count else { return false }
                    switch cell[index + 1] {
                    case 0xA0: pendingSpace = length > 0                   // no-break space
                    case 0xAB, 0xBB:                                       // « »
                        if pendingSpace { o[length] = 0x20; length += 1; pendingSpace = false }
                    default: return false
                    }
                    index += 2
                case 0xD0, 0xD1:
                    guard index + 1 < count else { return false }
                    let next = cell[index + 1]
                    if pendingSpace { o[length] = 0x20; length += 1; pendingSpace = false }
                    switch (byte, next) {
                    case (0xD0, 0x81), (0xD1, 0x91): o[length] = 0xD0; o[length + 1] = 0xB5      // Ё ё → е
                    case (0xD0, 0x90...0x9F): o[length] = 0xD0; o[length + 1] = next + 0x20      // А–П → а–п
                    case (0xD0, 0xA0...0xAF): o[length] = 0xD1; o[length + 1] = next - 0x20      // Р–Я → р–я
                    case (0xD0, 0xB0...0xBF), (0xD1, 0x80...0x8F): o[length] = byte; o[length + 1] = next
                    default: return false
                    }
                    length += 2
                    index += 2
                default:
                    return false
                }
            }
            // Trailing punctuation (and the space before it), as `TextKey` drops it.
            while length > 0, isTrailing(o[length - 1]) { length -= 1 }
            return true
        }
        out.removeLast(count - length)
        return normal
    }

    /// What ends a choice in a checkbox cell (and is skipped before the next one).
    @inline(__always)
    static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: " "), UInt8(ascii: "."): true
        default: false
        }
    }

    /// Trailing punctuation `TextKey` drops (its «…» never reaches the fast path).
    @inline(__always)
    static func isTrailing(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"),
             UInt8(ascii: "?"), UInt8(ascii: " "), UInt8(ascii: "*"): true
        default: false
        }
    }
}
