import AnketaCollect
import AnketaCore
import AnketaResults
import Foundation
import Testing

/// A temporary folder removed at the end of each test.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-results-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ text: String, encoding: TextEncoding = .utf8) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(encoding.encode(text)).write(to: file)
        return file
    }
}

@Suite("Results import")
struct ResultsImportTests {
    let definition: ResultsDefinition

    init() throws {
        definition = try ResultsDefinitionLoader().load(yaml: sampleDefinitionYAML, file: "test.yaml")
    }

    @Test func windows1251WithSemicolonsConvertsScoresAndRejectsBadRows() throws {
        let folder = try TemporaryFolder()
        let text = [
            "Код;Класс;Предмет;Балл;Отметка ВПР;Четверть",
            "С-001;5а;Математика;12;;5",              // 2: score 12 → 4 (grade-free scale)
            "С-002;6А;математика;13;4;4",             // 3: grade 6 scale: 13 → 4, matches the given mark
            "Иванов Иван;5А;Математика;12;;4",        // 4: a name
            "С-003;6А;Математика;13;5;4",             // 5: mark 5 contradicts score 13 (→ 4)
            "С-004;5А;Математика;21;;4",              // 6: above the maximum
            "С-005;5А;Математика;8;;н/а",             // 7: no school mark
            "С-001;5А;Математика;12;;5",              // 8: duplicate of line 2
            "С-006;5А;Физика;12;;4",                  // 9: no scale for Физика
            "С-007;5А;Физика;;3;4",                   // 10: a given mark needs no scale
            ";;;;;",                                  // 11: blank
            "С-008;13Б;Математика;10;;4",             // 12: not a class
        ].joined(separator: "\r\n") + "\r\n"
        let url = try folder.write("результаты.csv", text, encoding: .windows1251)
        let imported = try ResultsImport(url: url, definition: definition, displayPath: "результаты.csv")
        // The summary names the encoding with the reason it was chosen.
        #expect(imported.summary.hasPrefix("windows-1251 (") && imported.summary.hasSuffix("разделитель — точка с запятой"))
        #expect(imported.rows.map(\.line) == [2, 3, 10])
        #expect(imported.rows[0].externalMark == 4 && imported.rows[0].schoolMark == 5 && imported.rows[0].className == "5А")
        #expect(imported.rows[1].subject == "Математика" && imported.rows[1].externalMark == 4 && imported.rows[1].grade == 6)
        #expect(imported.rows[2].externalMark == 3 && imported.rows[2].score == nil && imported.rows[2].procedure == .vpr)
        let reasons = Dictionary(uniqueKeysWithValues: imported.rejected.map { ($0.line, $0.reasons.joined(separator: "; ")) })
        #expect(reasons.keys.sorted() == [4, 5, 6, 7, 8, 9, 12])
        #expect(reasons[4]?.contains("не похоже на код ученика") == true)
        #expect(reasons[5]?.contains("отметка 5 не соответствует первичному баллу 13 по шкале перевода (4)") == true)
        #expect(reasons[6]?.contains("балл 21 вне шкалы 0–20") == true)
        #expect(reasons[7]?.contains("«н/а» — не отметка от 2 до 5") == true)
        #expect(reasons[8]?.contains("повтор: результат ученика С-001 по предмету «Математика» (ВПР) уже есть в строке 2") == true)
        #expect(reasons[9]?.contains("нет шкалы перевода баллов для «Физика», ВПР, 5 класс, 2026 год") == true)
        #expect(reasons[12]?.contains("«13Б» — не класс") == true)

        // The rejects file sits beside the input, written like it (Windows-1251, «;»), with line and reason.
        let rejects = try #require(imported.rejectsFile)
        #expect(rejects.lastPathComponent == "результаты.rejects.csv")
        let reader = try CSVReader(url: rejects)
        var records: [CSVRecord] = []
        try reader.forEachRecord { records.append($0) }
        #expect(reader.encoding == .windows1251 && reader.delimiter == UInt8(ascii: ";"))
        #expect(records.count == 8)
        #expect(records[0].fields.suffix(2) == [RejectsFile.lineHeader, RejectsFile.reasonHeader])
        #expect(records[1].fields[0] == "Иванов Иван" && records[1].fields[6] == "4")
    }

    @Test func rejectsFileReadsBackAndIsRemovedWhenClean() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("r.csv", "Код,Класс,Предмет,Балл,Отметка ВПР,Четверть\nС-1,5А,Математика,30,,4\nС-2,5А,Математика,10,,4\n")
        let first = try ResultsImport(url: url, definition: definition)
        #expect(first.rows.count == 1 && first.rejected.count == 1)
        let rejects = try #require(first.rejectsFile)
        // The fixed rejects file is itself importable: its two extra columns are ignored.
        let fixedRejects = try String(contentsOf: rejects, encoding: .utf8).replacingOccurrences(of: ",30,", with: ",18,")
        try fixedRejects.write(to: rejects, atomically: true, encoding: .utf8)
        let again = try ResultsImport(url: rejects, definition: definition, writeRejects: false)
        #expect(again.rows.count == 1 && again.rows[0].externalMark == 5 && again.rejected.isEmpty)
        // Fixing the input removes the stale rejects file; reading twice gives the same rows.
        try "Код,Класс,Предмет,Балл,Отметка ВПР,Четверть\nС-1,5А,Математика,18,,4\nС-2,5А,Математика,10,,4\n".write(to: url, atomically: true, encoding: .utf8)
        let clean = try ResultsImport(url: url, definition: definition)
        let cleanAgain = try ResultsImport(url: url, definition: definition)
        #expect(clean.rejected.isEmpty && clean.rejectsFile == nil)
        #expect(!FileManager.default.fileExists(atPath: rejects.path))
        #expect(clean.rows == cleanAgain.rows)
    }

    @Test func missingColumnsAreNamedWithTheHeader() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("r.csv", "Код,Класс,Балл,Четверть\nС-1,5А,10,4\n")
        let error = try #require(throws: DiagnosticsError.self) { try ResultsImport(url: url, definition: definition, displayPath: "r.csv") }
        #expect(error.diagnostics.count == 2)  // «Предмет» and «Отметка ВПР»
        #expect(error.description.contains("r.csv:1: ошибка: subject: нет столбца «Предмет»"))
        #expect(error.description.contains("заголовки файла: «Код», «Класс», «Балл», «Четверть»"))
    }

    @Test func brokenRowIsRejectedNotMisread() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("r.csv", "Код,Класс,Предмет,Балл,Отметка ВПР,Четверть\nС-1,5А,Математика,10,,4,лишнее\n")
        let imported = try ResultsImport(url: url, definition: definition, writeRejects: false)
        #expect(imported.rows.isEmpty)
        #expect(imported.rejected.first?.reasons.first?.contains("строка повреждена") == true)
    }

    @Test func emptyFile() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("r.csv", "")
        #expect(throws: CollectError.self) { try ResultsImport(url: url, definition: definition) }
    }
}
