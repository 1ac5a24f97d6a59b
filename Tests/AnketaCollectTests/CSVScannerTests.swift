@testable import AnketaCollect
import AnketaCore
import AnketaTestSupport
import Foundation
import Testing

/// `CSVScanner` (the raw records of a report from a file) must split any bytes into the same
/// fields, records and line numbers as libcsv (the usual reader), whatever the chunk boundaries.
@Suite("CSV scanner")
struct CSVScannerTests {
    /// Every record both ways: libcsv (`forEachRecord`) and the scanner (`forEachRawRecord`, decoded).
    static func records(_ url: URL, chunkSize: Int, raw: Bool) throws -> [CSVRecord] {
        let reader = try CSVReader(url: url, format: CSVFormat(encoding: .utf8, delimiter: UInt8(ascii: ",")), chunkSize: chunkSize)
        var records: [CSVRecord] = []
        if raw {
            try reader.forEachRawRecord { records.append($0.record()) }
        } else {
            try reader.forEachRecord { records.append($0) }
        }
        return records
    }

    @Test("random bytes of CSV's special characters split as libcsv splits them, at any chunk size",
          arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomBytes(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Quotes, delimiters, both line breaks, spaces and tabs around and inside cells, letters and a Cyrillic letter.
        let pieces: [[UInt8]] = [[0x22], [0x22, 0x22], [0x2C], [0x0D], [0x0A], [0x0D, 0x0A], [0x20], [0x09], [0x61], [0x62, 0x63], Array("я".utf8), [0x3B]]
        for file in 0..<20 {
            var bytes: [UInt8] = Array("a,b,c\n".utf8)
            for _ in 0..<(20 + random.int(below: 400)) { bytes += pieces[random.int(below: pieces.count)] }
            let url = try write(bytes, named: "random-\(seed)-\(file).csv", in: folder)
            for chunkSize in [1, 2, 3, 7, 64, 1 << 16] {
                let expected = try Self.records(url, chunkSize: chunkSize, raw: false)
                let scanned = try Self.records(url, chunkSize: chunkSize, raw: true)
                #expect(scanned == expected, "seed \(seed), file \(file), chunks of \(chunkSize): \(bytes)")
            }
        }
    }

    @Test("quoted cells: escaped quotes, text after the closing quote, spaces around, an unclosed quote at the end")
    func quotedCells() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "a,b,c\n\"x \"\"y\"\"\" , z ,\"\"\n \"q\" w\"e\",\"r\"  \"t\",  u  \r\n\"a,b\r\nc\",d,\"open\nend"
        let url = try write(Array(text.utf8), named: "quoted.csv", in: folder)
        let expected = try Self.records(url, chunkSize: 3, raw: false)
        #expect(expected.count == 4)
        #expect(expected[1].fields == ["x \"y\"", "z", ""])
        #expect(expected.last?.problem != nil)
        for chunkSize in [1, 2, 5, 1 << 16] {
            #expect(try Self.records(url, chunkSize: chunkSize, raw: true) == expected)
        }
    }
}
