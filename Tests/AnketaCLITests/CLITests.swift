import Foundation
import Testing

/// Headers of the export of the mini questionnaire (timestamp, questions, 0/1 columns of `sources`).
private let exportHeader = [
    "Отметка времени",
    "Насколько вы удовлетворены [Питанием в школе]",
    "Насколько вы удовлетворены [Безопасностью ребёнка]",
    "Отношением педагогов к ребёнку",
    "Откуда вы узнаёте о жизни школы?",
    "Откуда вы узнаёте о жизни школы? [Сайт школы]",
    "Откуда вы узнаёте о жизни школы? [Родительский чат, мессенджеры]",
    "Откуда вы узнаёте о жизни школы? [Электронный дневник, журнал]",
    "Сколько часов в день ребёнок тратит на домашние задания?",
    "Класс ребёнка",
    "Ваши предложения",
]

/// Data records of a CSV fixture (header excluded).
private func dataRows(_ workspace: Workspace, _ name: String, delimiter: Character = ",", cp1251: Bool = false) throws -> [[String]] {
    let data = Data(try workspace.bytes(name))
    let text = cp1251 ? try #require(String(data: data, encoding: .windowsCP1251)) : String(decoding: data, as: UTF8.self)
    return Array(SimpleCSV.parse(text, delimiter: delimiter).dropFirst())
}

@Suite("anketa, end to end")
struct CLITests {
    @Test("The executable is found and answers --help")
    func help() throws {
        let workspace = try Workspace()
        let result = try workspace.run(["--help"], useDB: false)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("ingest"))
        #expect(result.stdout.contains("export"))
    }

    @Test("Example commands in the help fit an 80-column terminal: none is broken into a fragment on the next line",
          arguments: [[], ["ingest"], ["report"], ["objectivity"], ["export"], ["serve"], ["admin", "create"], ["units", "import"], ["iom"], ["validate"]])
    func helpExamplesFit(_ command: [String]) throws {
        let workspace = try Workspace()
        let result = try workspace.run(command + ["--help"], useDB: false, environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.components(separatedBy: "\n")
        for (line, next) in zip(lines, lines.dropFirst()) where line.hasPrefix("  anketa ") || line.hasPrefix("      --") {
            // The line after an example is another indented line, a blank one, or prose (capital
            // letter or a parenthesis) — not the rest of the command wrapped to column 0.
            let fragment = next.first.map { !$0.isWhitespace && !$0.isUppercase && $0 != "(" } ?? false
            #expect(!fragment, "«\(line)» continues as «\(next)» in anketa \(command.joined(separator: " ")) --help")
        }
    }

    @Test("Each export shape ingests with exit 0 and stores every row", arguments: [
        ("google-forms.csv", 5, "utf-8 (все буквы в файле — корректный UTF-8), разделитель — запятая"),
        ("excel-russian.csv", 3, "windows-1251 (байты, недопустимые в UTF-8, в файле, впервые в строке 1), разделитель — точка с запятой"),
        ("by-hand.csv", 4, "utf-8 (все буквы в файле — корректный UTF-8), разделитель — запятая"),
    ])
    func ingestShapes(_ file: String, _ rows: Int, _ detected: String) throws {
        let workspace = try Workspace()
        let result = try workspace.ingest([file], wave: "2026-весна")
        #expect(result.stdout.contains("\(file): \(detected)"), "\(result)")
        #expect(result.stdout.contains("\(file): сохранено \(rows)\u{00A0}анкет"), "\(result)")
        #expect(!result.stderr.contains("отклонена"), "\(result)")
        #expect(!workspace.exists(file.replacingOccurrences(of: ".csv", with: ".rejects.csv")))
        let exported = try workspace.export(wave: "2026-весна", to: "out.csv")
        #expect(exported.first == exportHeader)
        #expect(exported.count == rows + 1)
    }

    @Test("The exported answers are what the Google Forms file says")
    func googleContent() throws {
        let workspace = try Workspace()
        try workspace.ingest(["google-forms.csv"], wave: "w")
        let rows = Array(try workspace.export(wave: "w", to: "out.csv").dropFirst())
        try #require(rows.count == 5)
        #expect(rows[0] == ["12.04.2026 19:03:11", "Полностью удовлетворён", "Скорее удовлетворён", "Полностью удовлетворён",
                            "Сайт школы, Родительский чат, мессенджеры", "1", "1", "0", "2.5", "5А", "Больше кружков"])
        #expect(rows[1][2] == "Затрудняюсь ответить")
        #expect(rows[3][1] == "Полностью удовлетворён", "an alias is stored as its option")
        #expect(rows[3][4] == "Сайт школы, Родительский чат, мессенджеры, Электронный дневник, журнал")
        #expect(rows[3][10] == "'=СУММ(А1) — шутка\nи вторая строка", "a formula-like text is protected in the export")
        #expect(rows[4] == ["13.04.2026 08:01:00", "Скорее удовлетворён", "Скорее удовлетворён", "Затрудняюсь ответить",
                            "", "", "", "", "", "11 А", ""])
    }

    @Test("export --xlsx writes a workbook that ingests back to the same answers")
    func xlsxRoundTrip() throws {
        let workspace = try Workspace()
        try workspace.ingest(["google-forms.csv"], wave: "w")
        let result = try workspace.run(["export", "mini", "--wave", "w", "--xlsx", "-o", "out.xlsx"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("out.xlsx: выгружено 5"), "\(result)")
        #expect(try workspace.bytes("out.xlsx").starts(with: [0x50, 0x4B]))
        // The workbook is an export like the CSV: ingesting it gives the same answers.
        try workspace.ingest(["out.xlsx"], wave: "из-excel")
        let original = try workspace.export(wave: "w", to: "a.csv")
        let again = try workspace.export(wave: "из-excel", to: "b.csv")
        #expect(again == original)
        #expect(original.count == 6)
        // --excel and --xlsx together are refused.
        let both = try workspace.run(["export", "mini", "--wave", "w", "--xlsx", "--excel"])
        #expect(both.status != 0)
        #expect(both.stderr.contains("--excel и --xlsx"), "\(both)")
    }

    @Test("The Excel and hand-typed files mean the same answers as labels would")
    func excelAndHandContent() throws {
        let workspace = try Workspace()
        try workspace.ingest(["excel-russian.csv"], wave: "excel")
        let excel = Array(try workspace.export(wave: "excel", to: "excel-out.csv").dropFirst())
        try #require(excel.count == 3)
        #expect(excel[0] == ["14.04.2026 10:00:00", "Полностью удовлетворён", "Скорее удовлетворён", "Не удовлетворён",
                             "Сайт школы, Родительский чат, мессенджеры", "1", "1", "0", "1.5", "10 б", "Всё хорошо; спасибо"])
        #expect(excel[1][8] == "0.75")
        #expect(excel[2][10] == "Ёлку на Новый год")

        let hand = try workspace.ingest(["by-hand.csv"], wave: "hand")
        #expect(hand.stderr.contains("столбец 1 «№» не совпал ни с одним вопросом"), "\(hand)")
        let rows = Array(try workspace.export(wave: "hand", to: "hand-out.csv").dropFirst())
        try #require(rows.count == 4)
        #expect(rows[0] == ["", "Полностью удовлетворён", "Полностью удовлетворён", "Скорее удовлетворён",
                            "Сайт школы, Родительский чат, мессенджеры", "1", "1", "0", "2", "5А", ""])
        #expect(rows[2][2] == "Затрудняюсь ответить")
        #expect(rows[2][8] == "1.5")
        #expect(rows[3][1] == "Не удовлетворён")
    }

    @Test("Bad rows go to <name>.rejects.csv with line numbers and reasons; every row is stored or rejected")
    func rejects() throws {
        let workspace = try Workspace()
        let input = try dataRows(workspace, "bad-rows.csv")
        #expect(input.count == 7)
        let result = try workspace.ingest(["bad-rows.csv"], wave: "w")
        for line in [3, 5, 6, 8] {
            #expect(result.stderr.contains("bad-rows.csv:\(line): строка отклонена"), "line \(line)\n\(result)")
        }
        #expect(result.stderr.contains("отклонено 4\u{00A0}строки"), "\(result)")
        #expect(result.stdout.contains("сохранено 3\u{00A0}анкеты"), "\(result)")

        #expect(workspace.exists("bad-rows.rejects.csv"))
        let rejectsBytes = try workspace.bytes("bad-rows.rejects.csv")
        #expect(rejectsBytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 input: UTF-8 rejects with a BOM for Excel")
        let rejects = SimpleCSV.parse(String(decoding: rejectsBytes, as: UTF8.self))
        let inputHeader = try #require(SimpleCSV.parse(String(decoding: try workspace.bytes("bad-rows.csv"), as: UTF8.self)).first)
        #expect(rejects.first == inputHeader + ["Строка исходного файла", "Причина отклонения"])
        let bad = Array(rejects.dropFirst())
        try #require(bad.count == 4, "\(rejects)")
        #expect(bad.map { $0[$0.count - 2] } == ["3", "5", "6", "8"])
        // The rejected rows exactly as they were, then line and reason.
        for (row, line) in zip(bad, [3, 5, 6, 8]) {
            #expect(Array(row.dropLast(2)) == input[line - 2])
        }
        let reasons = bad.map { $0[$0.count - 1] }
        #expect(reasons[0].contains("вопрос «q1»") && reasons[0].contains("Полностью удовлетворн"), "\(reasons[0])")
        #expect(reasons[1].contains("вопрос «hours»") && reasons[1].contains("15"), "\(reasons[1])")
        #expect(reasons[2].contains("строка повреждена"), "\(reasons[2])")
        #expect(reasons[3].contains("вопрос «sources»"), "\(reasons[3])")

        // Every input row is either stored or rejected.
        let stored = Array(try workspace.export(wave: "w", to: "out.csv").dropFirst())
        #expect(stored.count + bad.count == input.count)
        #expect(stored.map { $0[0] } == ["15.04.2026 09:00:00", "15.04.2026 09:02:00", "15.04.2026 09:05:00"])

        // The rejects file, fixed, imports: the two extra columns are ignored.
        let fixed = String(decoding: rejectsBytes, as: UTF8.self)
            .replacingOccurrences(of: "Полностью удовлетворн,", with: "Полностью удовлетворён,")
        try Data(fixed.utf8).write(to: workspace.url("bad-rows.rejects.csv"))
        let again = try workspace.run(["ingest", "mini.yaml", "bad-rows.rejects.csv", "--wave", "w"])
        #expect(again.stdout.contains("сохранено 1\u{00A0}анкета"), "\(again)")
        #expect(!again.stderr.contains("Строка исходного файла"), "the extra columns are not reported as unmatched: \(again)")
    }

    @Test("--strict stores nothing and exits non-zero")
    func strict() throws {
        let workspace = try Workspace()
        let result = try workspace.run(["ingest", "mini.yaml", "bad-rows.csv", "--wave", "w", "--strict"])
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("--strict"), "\(result)")
        #expect(workspace.exists("bad-rows.rejects.csv"))
        let stored = try workspace.export(wave: "w", to: "out.csv")
        #expect(stored.count == 1, "only the header: \(stored)")
        // A clean file under --strict is stored.
        let clean = try workspace.run(["ingest", "mini.yaml", "google-forms.csv", "--wave", "w", "--strict"])
        #expect(clean.status == 0, "\(clean)")
        #expect(try workspace.export(wave: "w", to: "out.csv").count == 6)
    }

    @Test("Re-ingesting the same file adds nothing")
    func reingest() throws {
        let workspace = try Workspace()
        try workspace.ingest(["google-forms.csv", "excel-russian.csv"], wave: "w")
        let before = try workspace.export(wave: "w", to: "before.csv")
        #expect(before.count == 9)
        let again = try workspace.ingest(["google-forms.csv"], wave: "w")
        #expect(again.stdout.contains("google-forms.csv: сохранено 0\u{00A0}анкет, уже были в базе (пропущены): 5"), "\(again)")
        #expect(again.stdout.contains("Всего в волне «w»: 8\u{00A0}респондентов"), "\(again)")
        try workspace.export(wave: "w", to: "after.csv")
        #expect(try workspace.bytes("after.csv") == (try workspace.bytes("before.csv")))
    }

    @Test("An export ingested into another wave gives the same responses, byte for byte")
    func exportRoundTrip() throws {
        let workspace = try Workspace()
        try workspace.ingest(["google-forms.csv", "excel-russian.csv", "by-hand.csv"], wave: "original")
        let original = try workspace.export(wave: "original", to: "original.csv")
        #expect(original.count == 13)

        let copy = try workspace.ingest(["original.csv"], wave: "copy")
        #expect(copy.stdout.contains("сохранено 12\u{00A0}анкет"), "\(copy)")
        #expect(copy.stderr.isEmpty, "the export's own columns all map: \(copy)")
        try workspace.export(wave: "copy", to: "copy.csv")
        #expect(try workspace.bytes("copy.csv") == (try workspace.bytes("original.csv")))

        // Through Russian Excel's shape and back.
        try workspace.export(wave: "original", to: "excel.csv", excel: true)
        try workspace.ingest(["excel.csv"], wave: "via-excel")
        try workspace.export(wave: "via-excel", to: "via-excel.csv")
        #expect(try workspace.bytes("via-excel.csv") == (try workspace.bytes("original.csv")))
    }

    @Test("--excel writes Windows-1251 with semicolons, CRLF and decimal commas")
    func excelExport() throws {
        let workspace = try Workspace()
        try workspace.ingest(["google-forms.csv"], wave: "w")
        let rows = try workspace.export(wave: "w", to: "excel.csv", excel: true)
        let bytes = try workspace.bytes("excel.csv")
        // «Отметка времени» in Windows-1251, no BOM.
        #expect(bytes.starts(with: [0xCE, 0xF2, 0xEC, 0xE5, 0xF2, 0xEA, 0xE0, 0x20, 0xE2, 0xF0, 0xE5, 0xEC, 0xE5, 0xED, 0xE8, 0x3B]))
        #expect(String(data: Data(bytes), encoding: .utf8) == nil, "not UTF-8")
        #expect(bytes.contains(0xB8), "«ё» is one byte")
        #expect(bytes.contains(0x0D))
        // Every record ends with CR LF (the line break inside the quoted comment is the respondent's own LF).
        let crlf = zip(bytes, bytes.dropFirst()).filter { $0 == (0x0D, 0x0A) }.count
        #expect(crlf == rows.count)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        #expect(rows.first == exportHeader)
        #expect(rows[1][8] == "2,5")
        #expect(rows[1][4] == "Сайт школы, Родительский чат, мессенджеры")

        let utf8 = try workspace.export(wave: "w", to: "utf8.csv")
        #expect(try workspace.bytes("utf8.csv").starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(utf8[1][8] == "2.5")
    }

    @Test("validate: a bad definition exits 1 and prints file:line:column for every problem")
    func validate() throws {
        let workspace = try Workspace()
        let bad = try workspace.run(["validate", "bad.yaml"], useDB: false)
        #expect(bad.status == 1, "\(bad)")
        for position in ["bad.yaml:18:12: ошибка: questions[0] (q1).scale", "bad.yaml:19:9: ошибка:", "bad.yaml:28:5: ошибка: questions[2].reqired",
                         "bad.yaml:43:31: ошибка:"] {
            #expect(bad.stderr.contains(position), "\(position)\n\(bad)")
        }
        #expect(bad.stderr.contains("может быть, имелось в виду «required»?"))
        #expect(bad.stderr.contains("Найдено: 6\u{00A0}ошибок."), "\(bad)")

        let good = try workspace.run(["validate", "mini.yaml"], useDB: false)
        #expect(good.status == 0, "\(good)")
        #expect(good.stdout.contains("mini.yaml: в порядке"))
        #expect(good.stderr.isEmpty)
    }

    @Test("A missing file gives a clear error, exit 1 and no backtrace", arguments: [
        ["ingest", "mini.yaml", "нет-такого.csv", "--wave", "w"],
        ["ingest", "нет-такой.yaml", "google-forms.csv", "--wave", "w"],
        ["validate", "нет-такой.yaml"],
    ])
    func missingFile(_ arguments: [String]) throws {
        let workspace = try Workspace()
        let result = try workspace.run(arguments, useDB: arguments[0] != "validate")
        #expect(result.status == 1, "\(result)")
        for crash in ["Fatal error", "Stack dump", "backtrace", "Illegal instruction", "Segmentation"] {
            #expect(!result.stderr.contains(crash), "\(result)")
        }
        // One line saying what is wrong (a hint may follow on its own indented line).
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("  подсказка:") && !$0.hasPrefix("Найдено:") && !$0.contains("исправьте и запустите снова") }
        #expect(lines.count == 1, "\(result)")
        #expect(lines.first?.contains("ошибка") == true, "\(result)")
        let named = arguments.first { $0.hasPrefix("нет") } ?? ""
        #expect(result.stderr.contains(named), "\(result)")
    }

    @Test("An unknown wave is a clear error naming it")
    func unknownWave() throws {
        let workspace = try Workspace()
        try workspace.ingest(["by-hand.csv"], wave: "w")
        let result = try workspace.run(["export", "mini", "--wave", "нет-волны"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("ошибка: в базе нет волны «нет-волны» анкеты «mini»"), "\(result)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("report writes every format from the store, and from a file without a store")
    func report() throws {
        let workspace = try Workspace()
        try workspace.ingest(["google-forms.csv", "by-hand.csv"], wave: "w")
        let fromStore = try workspace.run(["report", "mini", "--wave", "w", "--min-group", "2", "-o", "out"])
        #expect(fromStore.status == 0, "\(fromStore)")
        for name in ["spravka.html", "spravka.docx", "spravka.md", "figures.json", "indicators.csv", "questions.csv"] {
            #expect(workspace.exists("out/\(name)"), "\(name) missing")
        }
        #expect(String(decoding: try workspace.bytes("out/spravka.html"), as: UTF8.self).contains("Аналитическая справка"))
        let fromFile = try workspace.run(["report", "mini.yaml", "google-forms.csv", "--min-group", "2", "-o", "file-out"], useDB: false)
        #expect(fromFile.status == 0, "\(fromFile)")
        #expect(workspace.exists("file-out/figures.json"))
    }

    @Test("report --by with a grouping the questionnaire lacks names the ones it has")
    func reportUnknownGrouping() throws {
        let workspace = try Workspace()
        try workspace.ingest(["by-hand.csv"], wave: "w")
        let result = try workspace.run(["report", "mini", "--wave", "w", "--by", "nosuch"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("ошибка: в анкете «mini» нет группировки «nosuch»"), "\(result)")
    }

    @Test("Bad arguments exit with 1, as the README promises, not argument-parser's 64", arguments: [
        ["report", "mini.yaml", "google-forms.csv", "--min-group", "0"],
        ["serve", "--min-group", "0"],
        ["report", "mini.yaml", "google-forms.csv", "--no-such-option"],
        ["ingest", "mini.yaml"],
    ])
    func badArgumentsExitOne(_ arguments: [String]) throws {
        let workspace = try Workspace()
        let result = try workspace.run(arguments, useDB: false)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("ошибка: "), "\(result)")
        for crash in ["Fatal error", "Stack dump", "backtrace"] { #expect(!result.stderr.contains(crash), "\(result)") }
    }

    @Test("A Yandex Forms workbook (.xlsx) ingests like a CSV")
    func xlsx() throws {
        let workspace = try Workspace()
        let result = try workspace.ingest(["yandex-shared-strings.xlsx"], wave: "y")
        #expect(result.stdout.contains("Excel (XLSX), лист «Ответы формы»"), "\(result)")
        #expect(result.stdout.contains("сохранено 2\u{00A0}анкеты"), "\(result)")
        #expect(result.stderr.contains("столбец 1 «ID» не совпал ни с одним вопросом"), "\(result)")
    }
}
