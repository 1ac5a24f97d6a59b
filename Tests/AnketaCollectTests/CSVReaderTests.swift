import AnketaCollect
import AnketaCore
import Foundation
import Testing

@Suite("Text encodings")
struct TextEncodingTests {
    static let russian = "Съешь же ещё этих мягких французских булок, да выпей чаю. ЁЛКА ёжик № 5 — «ок»"

    @Test("UTF-8 without a BOM is detected")
    func utf8() {
        #expect(TextEncoding.detect(Array(Self.russian.utf8), complete: true) == .utf8)
        #expect(TextEncoding.detect(Array("plain ASCII, 1;2".utf8), complete: true) == .utf8)
        #expect(TextEncoding.detect([], complete: true) == .utf8)
    }

    @Test("UTF-8 with a BOM is detected")
    func utf8BOM() {
        #expect(TextEncoding.detect([0xEF, 0xBB, 0xBF] + Array("Класс".utf8), complete: true) == .utf8)
    }

    @Test("Windows-1251 bytes are detected")
    func windows1251() {
        let bytes = TextEncoding.windows1251.encode(Self.russian)
        #expect(TextEncoding.detect(bytes, complete: true) == .windows1251)
        // «Ёлка» in cp1251: A8 EB EA E0 — not valid UTF-8.
        #expect(TextEncoding.detect([0xA8, 0xEB, 0xEA, 0xE0], complete: false) == .windows1251)
    }

    @Test("A UTF-8 character cut at the end does not count against UTF-8, in a sample or a whole file")
    func cutSample() {
        let bytes = Array("Класс".utf8)
        let cut = Array(bytes.dropLast())
        #expect(TextEncoding.detect(cut, complete: false) == .utf8)
        let whole = TextEncoding.guess(cut, complete: true)
        #expect(whole.encoding == .utf8)
        #expect(whole.reason.contains("обрезан"))
    }

    @Test("The majority decides: one stray byte or one Windows-1251 cell does not make a UTF-8 file Windows-1251")
    func majority() {
        let utf8Rows = Array(String(repeating: "Полностью удовлетворён,5А\n", count: 3).utf8)
        let stray = [0xFF] + Array(",5А\n".utf8) + utf8Rows
        #expect(TextEncoding.guess(stray, complete: true).encoding == .utf8)
        let oneRow = utf8Rows + TextEncoding.windows1251.encode("Мало кружков\n")
        let guess = TextEncoding.guess(oneRow, complete: true)
        #expect(guess.encoding == .utf8)
        #expect(guess.reason.contains("впервые в строке 4"), "\(guess.reason)")
        // And the reverse: mostly Windows-1251 stays Windows-1251.
        let cp = TextEncoding.windows1251.encode(String(repeating: "Полностью удовлетворён;5А\r\n", count: 3)) + Array("ё".utf8)
        #expect(TextEncoding.guess(cp, complete: true).encoding == .windows1251)
    }

    @Test("Overlong forms and surrogates are not UTF-8")
    func strictUTF8() {
        #expect(TextEncoding.detect([0xC0, 0xAF], complete: true) == .windows1251)      // overlong «/»
        #expect(TextEncoding.detect([0xED, 0xA0, 0x80], complete: true) == .windows1251) // a surrogate
        #expect(TextEncoding.detect([0xF4, 0x90, 0x80, 0x80], complete: true) == .windows1251) // past U+10FFFF
        #expect(TextEncoding.detect(Array("😀".utf8), complete: true) == .utf8)
    }

    @Test("Windows-1251 encodes and decodes Russian text, «ё» included, byte for byte")
    func roundTrip() {
        let bytes = TextEncoding.windows1251.encode(Self.russian)
        #expect(bytes.count == Self.russian.unicodeScalars.count, "one byte per character")
        let decoded = bytes.withUnsafeBytes { TextEncoding.windows1251.decode($0) }
        #expect(decoded == Self.russian)
        #expect(TextEncoding.windows1251.encode("ёЁ") == [0xB8, 0xA8])
        #expect(TextEncoding.windows1251.encode("АЯая") == [0xC0, 0xDF, 0xE0, 0xFF])
        #expect(TextEncoding.windows1251.encode("№") == [0xB9])
    }

    @Test("Every assigned Windows-1251 byte survives decode → encode")
    func allBytes() {
        let bytes = (0...255).map(UInt8.init).filter { $0 != 0x98 }
        let text = bytes.withUnsafeBytes { TextEncoding.windows1251.decode($0) }
        #expect(TextEncoding.windows1251.encode(text) == bytes)
    }

    @Test("Characters Windows-1251 cannot hold become «?»")
    func unencodable() {
        #expect(TextEncoding.windows1251.encode("a😀b中") == Array("a?b?".utf8))
    }

    @Test("Invalid UTF-8 decodes to the replacement character")
    func invalidUTF8() {
        let decoded = [UInt8]([0x41, 0xFF, 0x42]).withUnsafeBytes { TextEncoding.utf8.decode($0) }
        #expect(decoded == "A\u{FFFD}B")
    }
}

@Suite("CSV reading")
struct CSVReaderTests {
    /// Reads every record of a file.
    static func records(_ url: URL, format: CSVFormat = CSVFormat(), chunkSize: Int = 64 * 1024) throws -> [CSVRecord] {
        let reader = try CSVReader(url: url, format: format, chunkSize: chunkSize)
        var records: [CSVRecord] = []
        try reader.forEachRecord { records.append($0) }
        return records
    }

    static let spectrum = ["comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "newlines", "newlines_crlf",
                           "quotes_and_newlines", "simple_crlf", "utf8"]

    @Test("csv-spectrum files read as their JSON says", arguments: spectrum, [3, 5, 64 * 1024])
    func spectrumFile(_ name: String, chunkSize: Int) throws {
        let csv = try fixture(name, "csv", in: "Fixtures/csv-spectrum")
        let json = try fixture(name, "json", in: "Fixtures/csv-spectrum")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [[String: String]])
        let records = try Self.records(csv, chunkSize: chunkSize)
        let header = try #require(records.first).fields
        let rows = records.dropFirst().map { record in
            Dictionary(uniqueKeysWithValues: zip(header, record.fields))
        }
        #expect(rows == expected)
        #expect(records.dropFirst().allSatisfy { $0.fields.count == header.count })
    }

    @Test("Records after quoted multi-line fields start on their physical line", arguments: [
        ("newlines", [1, 2, 3, 5]),
        ("newlines_crlf", [1, 2, 3, 5]),
        ("quotes_and_newlines", [1, 2, 5]),
        ("escaped_quotes", [1, 2, 3]),
        ("simple_crlf", [1, 2]),
    ])
    func spectrumLines(_ name: String, _ lines: [Int]) throws {
        for chunkSize in [1 + 3, 64 * 1024] {
            let records = try Self.records(try fixture(name, "csv", in: "Fixtures/csv-spectrum"), chunkSize: chunkSize)
            #expect(records.map(\.line) == lines, "chunk size \(chunkSize)")
        }
    }

    @Test("Blank lines are skipped but counted, LF and CRLF", arguments: ["blank-lines", "blank-lines-crlf"])
    func blankLines(_ name: String) throws {
        let url = try fixture(name, "csv")
        for chunkSize in [4, 64 * 1024] {
            let records = try Self.records(url, chunkSize: chunkSize)
            #expect(records.map(\.line) == [1, 3, 6, 9], "chunk size \(chunkSize)")
            #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", name.hasSuffix("crlf") ? "x\r\ny" : "x\ny"], ["4", "5"]])
        }
        let reader = try CSVReader(url: url)
        #expect(reader.usesCRLF == name.hasSuffix("crlf"))
    }

    @Test("Comma is detected")
    func commaDelimiter() throws {
        let reader = try CSVReader(url: try fixture("comma_in_quotes", "csv", in: "Fixtures/csv-spectrum"))
        #expect(reader.delimiter == UInt8(ascii: ","))
        #expect(reader.encoding == .utf8)
        #expect(!reader.hasBOM)
        #expect(!reader.usesCRLF)
    }

    @Test("Semicolon is detected even when unquoted text holds commas")
    func semicolonDelimiter() throws {
        let url = try fixture("semicolon-commas", "csv")
        #expect(try CSVReader(url: url).delimiter == UInt8(ascii: ";"))
        let records = try Self.records(url)
        #expect(records.map(\.fields) == [
            ["Класс", "Ваше мнение, пожалуйста", "Комментарий"],
            ["5А", "Да, конечно", "Всё хорошо, спасибо"],
            ["6Б", "Нет", "Ничего, нормально, бывает"],
        ])
    }

    @Test("Tab is detected")
    func tabDelimiter() throws {
        let url = try fixture("tabs", "tsv")
        #expect(try CSVReader(url: url).delimiter == UInt8(ascii: "\t"))
        #expect(try Self.records(url).map(\.fields) == [["Класс", "Ответ, если есть", "Комментарий"], ["5А", "Да", "Ну, так"], ["6Б", "Нет", ""]])
    }

    @Test("A given format overrides detection")
    func explicitFormat() throws {
        let url = try fixture("semicolon-commas", "csv")
        let reader = try CSVReader(url: url, format: CSVFormat(encoding: .windows1251, delimiter: UInt8(ascii: ",")))
        #expect(reader.delimiter == UInt8(ascii: ","))
        #expect(reader.encoding == .windows1251)
        var first: CSVRecord?
        try reader.forEachRecord { if first == nil { first = $0 } }
        #expect(first?.fields.count == 2)
    }

    @Test("A UTF-8 BOM is detected and not part of the first field")
    func bom() throws {
        let url = try fixture("bom", "csv")
        let reader = try CSVReader(url: url)
        #expect(reader.hasBOM)
        #expect(reader.encoding == .utf8)
        let records = try Self.records(url)
        #expect(records.map(\.fields) == [["Класс", "Ответ"], ["5А", "Ёлка"]])
        #expect(try Self.records(url, chunkSize: 3).map(\.fields) == records.map(\.fields))
    }

    @Test("Russian Excel files: Windows-1251, semicolon, CRLF")
    func excel() throws {
        let url = try fixture("excel-1251", "csv")
        let reader = try CSVReader(url: url)
        #expect(reader.encoding == .windows1251)
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(reader.usesCRLF)
        #expect(!reader.hasBOM)
        let records = try Self.records(url)
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(records.first?.fields[2] == "2. Безопасностью ребёнка")
        #expect(records[1].fields[7] == "Всё хорошо; спасибо")
        #expect(records[1].fields[5] == "1,5")
    }

    @Test("UTF-16 files are refused with a clear error")
    func utf16() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write([0xFF, 0xFE, 0x41, 0x00], named: "u16.csv", in: folder)
        let error = try #require(throws: CollectError.self) { try CSVReader(url: url) }
        #expect(error.description.contains("UTF-16"))
    }

    @Test("A named pipe is read once, to its end (was: a hang or an empty file)")
    func namedPipe() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try fixture("responses", "csv")
        let fifo = folder.appendingPathComponent("answers.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "cat \"$0\" > \"$1\"", source.path, fifo.path]
        try writer.run()
        defer { writer.waitUntilExit() }
        let fromPipe = try Self.records(fifo)
        #expect(fromPipe == (try Self.records(source)))
        #expect(fromPipe.count > 2)
    }

    @Test("A regular file can be read twice; the sample is not read again from the file")
    func readTwice() throws {
        let reader = try CSVReader(url: try fixture("responses", "csv"), chunkSize: 7)
        var first: [CSVRecord] = [], second: [CSVRecord] = []
        try reader.forEachRecord { first.append($0) }
        try reader.forEachRecord { second.append($0) }
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    @Test("CR-only line endings: the delimiter is found and lines are counted")
    func crOnly() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write(Array("a;b;c\r1;2,5;3\r4;5;6\r".utf8), named: "mac.csv", in: folder)
        let reader = try CSVReader(url: url)
        #expect(reader.delimiter == UInt8(ascii: ";"))
        let records = try Self.records(url)
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(records[1].fields == ["1", "2,5", "3"])
    }

    @Test("A cell past the size limit (an unclosed quote) is an error with the line, not a memory blow-up")
    func hugeField() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = "a,b\n1,2\n3,\"" + String(repeating: "x", count: CSVReader.maximumFieldBytes + 10)
        let url = try write(Array(body.utf8), named: "quote.csv", in: folder)
        let error = try #require(throws: CollectError.self) { try Self.records(url) }
        #expect(error.description.hasPrefix("\(url.relativePath):3: ошибка: ячейка длиннее 1 МиБ"), "\(error)")
    }

    @Test("Cell-level fallback warns with line and column")
    func fallbackWarning() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Array("a,b\nПривет,мир\nещё,\"две\nстроки\"\n".utf8) + [0x31, 0x2C] + TextEncoding.windows1251.encode("Ёлка\n")
        let url = try write(bytes, named: "mixed.csv", in: folder)
        let reader = try CSVReader(url: url)
        var warnings: [Diagnostic] = []
        var records: [CSVRecord] = []
        try reader.forEachRecord(warning: { warnings.append($0) }) { records.append($0) }
        #expect(records.last?.fields == ["1", "Ёлка"])
        #expect(records.last?.line == 5)
        #expect(warnings.count == 1)
        #expect(warnings.first?.location.line == 5)
        #expect(warnings.first?.location.column == 2)
        #expect(warnings.first?.description.contains("столбец 2: байты не из UTF-8 — прочитано как Windows-1251") == true)
    }

    @Test("A missing file is a cannotRead error")
    func missing() throws {
        let error = try #require(throws: CollectError.self) { try CSVReader(url: URL(fileURLWithPath: "/nonexistent/a.csv")) }
        #expect(error == .cannotRead("/nonexistent/a.csv"))
    }
}
