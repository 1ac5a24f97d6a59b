@testable import AnketaCollect
import AnketaCore
import AnketaTestSupport
import Foundation
import Testing

/// The reader for imports (``ResponseReader/readForStore(header:warning:_:)``) must give the rows
/// `read` gives, with fingerprints equal bit for bit — a store filled by an older version (which
/// fingerprinted decoded, trimmed `String`s) must find its duplicates when the file comes again.
@Suite("Reading for the store: byte fingerprints")
struct StoreReaderTests {
    @Test("The byte trim treats exactly the scalars String.trimmed trims as white space (every scalar of the BMP and beyond)")
    func whiteSpace() {
        for value in Array(0..<0xD800) + Array(0xE000..<0x10000) + [0x1_F600, 0x10_FFFF] {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            #expect(String(Character(scalar)).trimmed.isEmpty == Fingerprint.isSpace(UInt32(value)), "U+\(String(value, radix: 16))")
        }
    }

    static let pool: [Unicode.Scalar] = [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2007}", "\u{200A}", "\u{200B}",
        "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "\u{180E}", "\u{1C}", "\u{1F}", "\u{0}", "\u{7F}",
        "a", "Я", "ё", "\u{0301}", "\u{1F600}", "\u{10FFFF}", ",", "\"", "«", "»", "й", "\u{2060}",
    ]

    static func randomCell(_ random: inout SeededRandom) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<random.int(below: 8) { scalars.append(pool[random.int(below: pool.count)]) }
        return String(scalars)
    }

    @Test("Fingerprints over bytes equal those over Strings for random rows of odd cells", arguments: [1, 2, 3] as [UInt64])
    func randomCells(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        for _ in 0..<2000 {
            let fields = (0..<random.int(below: 6)).map { _ in Self.randomCell(&random) }
            let bytes = fields.map { Array($0.utf8) }
            let fast = Self.fingerprint(bytes)
            #expect(fast == Fingerprint(fields), "\(fields.map { Array($0.unicodeScalars.map(\.value)) })")
        }
    }

    @Test("A cell that is not valid UTF-8 gives no byte fingerprint (the row is read the usual way)")
    func invalidUTF8() {
        #expect(Self.fingerprint([Array("да".utf8), [0xC4, 0xE0]]) == nil)
        #expect(Self.fingerprint([[0xE2, 0x80]]) == nil, "a sequence cut short")
        #expect(Self.fingerprint([Array("да".utf8), []]) == Fingerprint(["да", ""]))
    }

    static func fingerprint(_ cells: [[UInt8]]) -> Fingerprint? {
        let copies = cells.map { cell -> UnsafeMutableBufferPointer<UInt8> in
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(cell.count, 1))
            _ = buffer.initialize(from: cell)
            return buffer
        }
        defer { copies.forEach { $0.deallocate() } }
        return Fingerprint(cells: cells.count) { UnsafeBufferPointer(rebasing: UnsafeBufferPointer(copies[$0])[0..<cells[$0].count]) }
    }

    /// Reads a file with fingerprints, either way, as comparable outcomes.
    static func reading(_ url: URL, _ questionnaire: Questionnaire, forStore: Bool) -> PositionalReaderTests.Reading {
        counted(url, questionnaire, forStore: forStore).reading
    }

    /// The reading, and how many rows went over bytes.
    static func counted(_ url: URL, _ questionnaire: Questionnaire, forStore: Bool) -> (reading: PositionalReaderTests.Reading, overBytes: Int) {
        var reading = PositionalReaderTests.Reading()
        var overBytes = 0
        do {
            let reader = try ResponseReader(url: url, questionnaire: questionnaire, displayPath: url.lastPathComponent)
            let warn: (Diagnostic) -> Void = { reading.warnings.append($0.description) }
            if forStore {
                try reader.readForStore(warning: warn) { outcome in
                    switch outcome {
                    case .answers(let row, let fingerprint):
                        overBytes += 1
                        var answers: [String: Answer] = [:]
                        for (index, answer) in row.answers.enumerated() {
                            if let answer { answers[questionnaire.questions[index].id] = answer }
                        }
                        let response = Response(submittedAt: row.submittedAt, answers: answers)
                        reading.outcomes.append(.accepted(AcceptedRow(line: row.line, response: response, fingerprint: fingerprint)))
                    case .other(let other):
                        reading.outcomes.append(other)
                    }
                }
            } else {
                try reader.read(warning: warn) { reading.outcomes.append($0) }
            }
        } catch {
            reading.error = "\(error)"
        }
        return (reading, overBytes)
    }

    @Test("Every CSV fixture and bad-input file reads the same both ways, fingerprints included")
    func fixtures() throws {
        let questionnaire = try miniQuestionnaire()
        for url in try PositionalReaderTests.csvFixtures {
            #expect(Self.reading(url, questionnaire, forStore: true) == Self.reading(url, questionnaire, forStore: false), "\(url.lastPathComponent)")
        }
    }

    @Test("Random exports (with repeated rows and padded cells) read the same both ways, fingerprints included",
          arguments: [1, 2, 3, 4] as [UInt64])
    func randomFiles(seed: UInt64) throws {
        let questionnaire = try miniQuestionnaire()
        var random = SeededRandom(seed: seed)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = RandomAnswerFile.csv(questionnaire, rows: 300, random: &random)
        // Some rows again, some with their cells padded by white space of several kinds (the same fingerprint).
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        for _ in 0..<40 {
            let line = lines[1 + random.int(below: lines.count - 2)]
            bytes += line + [0x0A]
            let padding: [[UInt8]] = [[0x20], Array("\u{A0}".utf8), Array("\u{3000}".utf8), Array("\u{2009}".utf8)]
            bytes += padding[random.int(below: padding.count)] + line + [0x0A]
        }
        let url = try write(bytes, named: "random-\(seed).csv", in: folder)
        let usual = Self.reading(url, questionnaire, forStore: false)
        let (store, overBytes) = Self.counted(url, questionnaire, forStore: true)
        #expect(store == usual)
        let accepted = usual.outcomes.filter { if case .accepted = $0 { true } else { false } }.count
        #expect(accepted > 100)
        #expect(overBytes > accepted / 2, "most accepted rows go over their bytes")
    }
}
