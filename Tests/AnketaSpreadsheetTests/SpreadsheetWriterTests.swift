import AnketaCollect
import AnketaCore
import AnketaSpreadsheet
import Foundation
import Testing

@Suite("XLSX workbooks written with libxlsxwriter")
struct SpreadsheetWriterTests {
    func temporaryFile(_ name: String = "ответы.xlsx") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    /// Every record of the workbook's first sheet, read back with the reader `anketa ingest` uses.
    func readBack(_ url: URL) throws -> [[String]] {
        var rows: [[String]] = []
        try XLSXReader(url: url).forEachRecord { rows.append($0.fields) }
        return rows
    }

    @Test("text (Cyrillic, quotes, formulas) and numbers read back as written")
    func roundTrip() throws {
        let url = try temporaryFile()
        let writer = try SpreadsheetWriter(url: url, sheetName: "Ответы")
        try writer.writeHeader(["Класс", "Комментарий", "Часы"])
        try writer.write([.text("5А"), .text("Ёлки «зелёные», спасибо!"), .number(3.5)])
        try writer.write([.text("=1+1"), .text("@SUM(A1)"), .number(12)])
        try writer.write([.text("11Б"), .empty, .number(0.125)])
        try writer.finish()

        let rows = try readBack(url)
        #expect(rows.count == 4)
        #expect(rows[0] == ["Класс", "Комментарий", "Часы"])
        #expect(rows[1] == ["5А", "Ёлки «зелёные», спасибо!", "3.5"])
        // A text cell that looks like a formula is stored as text: the reader sees the characters.
        #expect(rows[2] == ["=1+1", "@SUM(A1)", "12"])
        #expect(rows[3][0] == "11Б")
        #expect(rows[3][2] == "0.125")
        // The temporary file was moved into place: only the workbook is left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path) == ["ответы.xlsx"])
    }

    @Test("an export layout writes one row per response with labels and numbers")
    func exportLayout() throws {
        let questionnaire = try DefinitionLoader().load(yaml: """
            id: t
            version: 1
            title: Т
            audience: parents
            scales:
              yn:
                options:
                  - {code: 1, label: Да}
                  - {code: 0, label: Нет}
            sections:
              - {id: s, title: Раздел}
            questions:
              - {id: a, section: s, text: Доволен ли, type: single, scale: yn}
              - {id: b, section: s, text: Часов, type: number}
              - {id: c, section: s, text: Отметьте, type: multiple, scale: yn}
            """, file: "t.yaml")
        let url = try temporaryFile()
        let layout = ExportLayout(questionnaire: questionnaire)
        let writer = try SpreadsheetWriter(layout: layout, url: url)
        try writer.write(layout: layout, Response(answers: ["a": .option("1"), "b": .number(2.5), "c": .options(["0"])]))
        try writer.finish()
        let rows = try readBack(url)
        #expect(rows.count == 2)
        #expect(rows[0] == layout.header)
        #expect(Array(rows[1].dropFirst()) == ["Да", "2.5", "Нет", "0", "1"])
    }

    @Test("a cell longer than Excel allows is refused with where it is, and no file is left")
    func tooLong() throws {
        let url = try temporaryFile()
        let writer = try SpreadsheetWriter(url: url, sheetName: "Ответы")
        try writer.writeHeader(["Комментарий"])
        #expect(throws: SpreadsheetError.self) { try writer.write([.text(String(repeating: "я", count: 40_000))]) }
        writer.cancel()
        let error = SpreadsheetWriterTests.describe { try writer.finish() }
        #expect(error == nil)
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path).isEmpty)
        do {
            let other = try SpreadsheetWriter(url: try temporaryFile(), sheetName: "x")
            try other.write([.text(String(repeating: "я", count: 40_000))])
            Issue.record("a too-long cell was accepted")
        } catch let error as SpreadsheetError {
            #expect(error.description.contains("строка 1, столбец 1"))
            #expect(error.description.contains("32767"))
        }
    }

    static func describe(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return "\(error)" }
    }
}
