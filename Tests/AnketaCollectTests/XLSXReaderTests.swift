import AnketaCollect
import AnketaCore
import Foundation
import Testing

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
}
