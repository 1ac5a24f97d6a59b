import AnketaCollect
import AnketaCore
import Foundation
import Testing
import ZIPFoundation

/// Yandex Forms exports answers as an Excel workbook. Fixtures: `yandex.xlsx` (written by openpyxl:
/// inline strings, real dates) and `yandex-shared-strings.xlsx` (written by hand as Excel does:
/// shared strings with rich-text runs and a phonetic hint, omitted empty cells, a sheet that is not
/// `sheet1.xml`, dates as serial numbers).
@Suite("XLSX workbooks (Yandex Forms)")
struct XLSXReaderTests {
    static func read(_ name: String) throws -> (ColumnMap, [ResponseReader.Outcome], any RecordSource) {
        let reader = try ResponseReader(url: try fixture(name, "xlsx"), questionnaire: try miniQuestionnaire())
        var outcomes: [ResponseReader.Outcome] = []
        let columns = try reader.read { outcomes.append($0) }
        return (columns, outcomes, reader.source)
    }

    static func accepted(_ outcomes: [ResponseReader.Outcome]) -> [AcceptedRow] {
        outcomes.compactMap { if case .accepted(let row) = $0 { row } else { nil } }
    }

    @Test("Shared strings, rich text, omitted empty cells and serial dates")
    func sharedStrings() throws {
        let (columns, outcomes, source) = try Self.read("yandex-shared-strings")
        #expect(source.summary == "Excel (XLSX), лист «Ответы формы»")
        #expect(columns.roles[1] == .timestamp)
        #expect(columns.unmatchedHeaders.map(\.header) == ["ID"])
        let rows = Self.accepted(outcomes)
        #expect(rows.count == 2)
        #expect(rows.map(\.line) == [2, 3])
        let first = try #require(rows.first).response
        #expect(first.submittedAt == "2026-04-12 19:03:11")   // serial 46124.79387731481, by hand
        #expect(first["q1"] == .option("4"))
        #expect(first["q2"] == .option("3"))                  // «Скорее » + «удовлетворена», phonetic hint ignored
        #expect(first["sources"] == .options(["site", "chat"]))
        #expect(first["hours"] == .number(2.5))
        let second = rows[1].response
        #expect(second.submittedAt == "2026-04-13 08:00:00")
        #expect(second["q1"] == .noAnswer)
        #expect(second["q3"] == nil)                          // an omitted cell is a blank answer
        #expect(second["class"] == .text("10 Б"))
    }

    @Test("Inline strings and a rejected row with its spreadsheet row number")
    func inlineStrings() throws {
        let (_, outcomes, source) = try Self.read("yandex")
        #expect(source.rejectsFormat == RejectsFile.Format())
        #expect(Self.accepted(outcomes).count == 2)
        let rejected = outcomes.compactMap { if case .rejected(let row) = $0 { row } else { nil } }
        #expect(rejected.map(\.line) == [4])
        #expect(rejected.first?.reasons.first?.contains("Скорее удовлитворен") == true)
    }

    @Test("A file that is not a workbook is refused with its name")
    func notAWorkbook() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write(Array("не zip".utf8), named: "answers.xlsx", in: folder)
        #expect(throws: CollectError.self) { try ResponseReader(url: url, questionnaire: try miniQuestionnaire()) }
    }

    /// Writes a one-sheet workbook of `rows` data rows with inline strings.
    static func workbook(rows: Int, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("big.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        var sheet = #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        sheet += #"<row r="1"><c r="A1" t="inlineStr"><is><t>class</t></is></c><c r="B1" t="inlineStr"><is><t>hours</t></is></c></row>"#
        for n in 2...(rows + 1) {
            sheet += #"<row r="\#(n)"><c r="A\#(n)" t="inlineStr"><is><t>\#(n % 11 + 1)А</t></is></c><c r="B\#(n)"><v>\#(n % 12)</v></c></row>"#
        }
        sheet += "</sheetData></worksheet>"
        try add("xl/worksheets/sheet1.xml", sheet)
        return url
    }

    @Test("A large sheet streams row by row, every row counted once, numbers as written")
    func streams() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.workbook(rows: 20_000, in: folder)
        let reader = try XLSXReader(url: url)
        var count = 0, sum = 0, lastLine = 0
        try reader.forEachRecord(warning: { _ in }) { record in
            count += 1
            lastLine = record.line
            if record.line > 1 { sum += Int(record.fields[1]) ?? 0 }
        }
        #expect(count == 20_001)
        #expect(lastLine == 20_001)
        let expected = (2...20_001).reduce(0) { $0 + $1 % 12 }
        #expect(sum == expected)
    }

    @Test("An error thrown for a row stops the reading there")
    func stopsOnError() throws {
        struct Stop: Error {}
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try XLSXReader(url: try Self.workbook(rows: 100, in: folder))
        var seen = 0
        #expect(throws: Stop.self) {
            try reader.forEachRecord(warning: { _ in }) { _ in
                seen += 1
                if seen == 10 { throw Stop() }
            }
        }
        #expect(seen == 10)
    }

    @Test("Cell references: letters then digits, at most three letters", arguments: [
        ("A1", 0), ("Z9", 25), ("AA10", 26), ("XFD1", 16_383),
    ])
    func columns(_ reference: String, _ index: Int) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("c.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        let data = Data(#"<worksheet><sheetData><row r="1"><c r="\#(reference)" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#.utf8)
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(data.count)) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        var fields: [String] = []
        try XLSXReader(url: url).forEachRecord(warning: { _ in }) { fields = $0.fields }
        #expect(fields.count == index + 1)
        #expect(fields.last == "x")
    }
}
