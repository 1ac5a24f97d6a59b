import AnketaAnalysis
import AnketaCore
import AnketaReports
import AnketaTestSupport
import Foundation
import Testing

@Suite("Report outputs: escaping, precision, suppression, wording, files")
struct ReportOutputTests {
    static let script = "<script>alert(1)</script>"
    static let formula = "=HYPERLINK(\"http://x\")"
    static let markdown = "**bold** | pipe"

    // MARK: - (a) Hostile open answers

    /// Respondents' own words as open answers and as group keys (a free-text grouping), in every format.
    static func hostileOutputs() throws -> ReportFixture.Outputs {
        let rows = ReportFixture.waveA
        let comments = [0: script, 1: formula, 2: markdown]
        // Two clubs of 6: both shown in the breakdown table and as deficit-map columns.
        let clubs = Dictionary(uniqueKeysWithValues: rows.indices.map { ($0, $0 < 6 ? formula : markdown) })
        let result = try ReportFixture.analyze(rows, comments: comments, clubs: clubs, clubGrouping: true)
        return try ReportFixture.write(try ReportFixture.input(result, clubGrouping: true, mapGrouping: "club"))
    }

    @Test("Hostile answers are escaped in the HTML")
    func hostileHTML() throws {
        let html = try Self.hostileOutputs().html
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;)"))
        #expect(!html.contains(Self.formula))
        #expect(html.contains("**bold** | pipe"))
    }

    @Test("Hostile answers are escaped in the Markdown, and a `|` cannot add a table column")
    func hostileMarkdown() throws {
        let md = try Self.hostileOutputs().markdown
        #expect(!md.contains("<script>"))
        #expect(md.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(md.contains("\\*\\*bold\\*\\* \\| pipe"))
        #expect(!md.contains("**bold**"))
        // The `=` answer as a list item must not turn the line above into a setext heading.
        #expect(!md.components(separatedBy: "\n").contains { $0.hasPrefix("=") || $0.hasPrefix("- =") })
        // Every row of every table has as many cells as its header.
        let lines = md.components(separatedBy: "\n")
        var index = 0
        var tables = 0
        while index < lines.count {
            guard lines[index].hasPrefix("|") else { index += 1; continue }
            let width = ReportFixture.markdownCells(lines[index]).count
            tables += 1
            while index < lines.count, lines[index].hasPrefix("|") {
                #expect(ReportFixture.markdownCells(lines[index]).count == width, "\(lines[index])")
                index += 1
            }
        }
        #expect(tables > 0)
        // The breakdown by club (two groups, so groups are the columns) shows each hostile key as one escaped header cell.
        let breakdown = try #require(ReportFixture.markdownTable(md, header: ["Показатель", "Все респонденты", "\\*\\*bold\\*\\* \\| pipe", "=HYPERLINK(\"http://x\")"]))
        #expect(breakdown.map { $0[0] } == ["**Чел.**", "Доля", "Индекс"])
        #expect(breakdown.allSatisfy { $0.count == 4 })
    }

    @Test("Hostile answers are escaped inside the DOCX's word/document.xml")
    func hostileDOCX() throws {
        let outputs = try Self.hostileOutputs()
        let xml = try outputs.documentXML()
        #expect(!xml.contains("<script"))
        #expect(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(xml.contains("=HYPERLINK(&quot;http://x&quot;)"))
        #expect(xml.contains("**bold** | pipe"))
        // The package itself is a zip, not the raw text.
        #expect(outputs.files["spravka.docx"]?.starts(with: Array("PK".utf8)) == true)
    }

    @Test("A group key starting with `=` gets an apostrophe in every CSV table")
    func hostileCSV() throws {
        let outputs = try Self.hostileOutputs()
        let breakdown = outputs.text("breakdown-club.csv")
        #expect(breakdown.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(breakdown.contains("\"**bold** | pipe\"") || breakdown.contains("**bold** | pipe,"))
        let groups = Set(outputs.csv("breakdown-club.csv").dropFirst().map { $0[0] })
        #expect(groups == ["'=HYPERLINK(\"http://x\")", "**bold** | pipe"])
        let columns = Set(outputs.csv("deficit-map.csv").dropFirst().map { $0[1] })
        #expect(columns == ["Все", "'=HYPERLINK(\"http://x\")", "**bold** | pipe"])
        for (name, _) in outputs.files where name.hasSuffix(".csv") {
            for row in outputs.csv(name) {
                for cell in row {
                    #expect(!(cell.first.map { "=+@".contains($0) } ?? false), "\(name): \(cell)")
                }
            }
        }
    }

    @Test("figures.json keeps hostile answers as plain strings")
    func hostileJSON() throws {
        let outputs = try Self.hostileOutputs()
        let figures = try JSONDecoder().decode(ReportFigures.self, from: outputs.jsonData)
        let comment = try #require(figures.result.questions.first { $0.id == "comment" })
        #expect(comment.texts == [Self.script, Self.formula, Self.markdown])
    }

    // MARK: - (b) Precision

    @Test("figures.json decodes to the same figures, at full precision; the справка rounds with a decimal comma")
    func precision() throws {
        let input = try ReportFixture.input(try ReportFixture.analyze(ReportFixture.waveA),
                                            previous: try ReportFixture.analyze(ReportFixture.waveB, wave: "2025-весна"))
        let outputs = try ReportFixture.write(input)
        let decoded = try JSONDecoder().decode(ReportFigures.self, from: outputs.jsonData)
        #expect(decoded == ReportFigures(input))

        // 22 positive of 34 valid answers = 64.70588235294117 % (by hand, as in AnalyzerTests): verbatim, not rounded.
        let json = outputs.json
        #expect(json.contains("\"figure\" : 64.70588235294117"))
        let indicators = ReportFixture.records(outputs.csv("indicators.csv"))
        #expect(indicators.first { $0["indicator"] == "share" }?["figure"] == "64.70588235294117")
        // The index is numpy's mean of respondents' indices, 61.11111111111109 (AnalyzerTests), up to the
        // order of summation; JSON and CSV carry the same shortest round-trip digits of our value.
        let index = try #require(decoded.result.indicators.first { $0.id == "index" }?.figure)
        #expect(abs(index - 61.11111111111109) < 1e-9)
        #expect(json.contains("\"figure\" : \(index)"))
        #expect(indicators.first { $0["indicator"] == "index" }?["figure"] == "\(index)")
        #expect("\(index)".count >= 17)
        // q1 positive share 8/12 and its Wilson interval (statsmodels proportion_confint, AnalyzerTests).
        let questions = ReportFixture.records(outputs.csv("questions.csv"))
        let q1 = try #require(questions.first { $0["question"] == "q1" })
        #expect(q1["positive_percent"] == "66.66666666666666")
        #expect(q1["positive_ci_low"]?.hasPrefix("39.0622088872") == true)

        for text in [outputs.html, outputs.markdown, try outputs.documentXML()] {
            #expect(text.contains("64,7\u{00A0}%"))
            #expect(text.contains("61,1"))
            #expect(!text.contains("64.7") && !text.contains("64,70"))
        }
    }

    @Test("Optional figures are absent keys in figures.json, not null")
    func absentKeys() throws {
        let input = try ReportFixture.input(try ReportFixture.analyze(ReportFixture.waveA))
        let json = try ReportFixture.write(input).json
        #expect(!json.contains("null"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["schemaVersion", "result", "deficitMap", "otherAudiences"])
        #expect(object["schemaVersion"] as? Int == 1)
    }

    // MARK: - (c) Suppression

    @Test("Suppressed groups show no count and no figure in HTML, Markdown, DOCX, JSON or CSV")
    func suppressionInEveryOutput() throws {
        // НОО has 1 respondent and СОО 5; with 5 as the minimum both are hidden (AnalyzerTests).
        let result = try ReportFixture.analyze(ReportFixture.waveA, minGroupSize: 5)
        let outputs = try ReportFixture.write(try ReportFixture.input(result))
        let hidden = ["НОО", "СОО"]
        // What the hidden groups would show without suppression.
        let open = try ReportFixture.analyze(ReportFixture.waveA, minGroupSize: 1)
        let openGroups = try #require(open.breakdowns.first { $0.grouping == "level" }).groups.filter { hidden.contains($0.key) }
        #expect(openGroups.map(\.respondents) == [1, 5])
        let hiddenFigures = openGroups.flatMap { $0.indicators.compactMap(\.figure) }
        #expect(hiddenFigures.count == 4)

        // JSON: no respondents, overall, figure, level or scores for the hidden groups.
        let object = try #require(try JSONSerialization.jsonObject(with: outputs.jsonData) as? [String: Any])
        let resultObject = try #require(object["result"] as? [String: Any])
        let breakdowns = try #require(resultObject["breakdowns"] as? [[String: Any]])
        let groups = try #require(breakdowns.first?["groups"] as? [[String: Any]])
        for group in groups where hidden.contains(group["key"] as? String ?? "") {
            #expect(Set(group.keys) == ["key", "suppressed", "indicators"])
            #expect(group["suppressed"] as? Bool == true)
            for indicator in try #require(group["indicators"] as? [[String: Any]]) {
                #expect(Set(indicator.keys) == ["id", "deficit"])
            }
        }
        #expect(groups.filter { $0["suppressed"] as? Bool == false }.map { $0["respondents"] as? Int } == [6])
        let map = try #require(object["deficitMap"] as? [String: Any])
        #expect(map["columns"] as? [String] == ["Все", "НОО", "ООО", "СОО"])
        for row in try #require(map["rows"] as? [[String: Any]]) {
            let cells = try #require(row["cells"] as? [[String: Any]])
            for column in [1, 3] {
                #expect(Set(cells[column].keys) == ["deficit", "suppressed"])
            }
        }
        // The grouping question's raw answers (every class as typed) would give the group sizes away.
        let figures = try JSONDecoder().decode(ReportFigures.self, from: outputs.jsonData)
        #expect(figures.result.questions.first { $0.id == "cls" }?.texts == nil)
        #expect(!outputs.json.contains("3А"))
        for figure in hiddenFigures {
            #expect(!outputs.json.contains("\(figure)"), "JSON shows \(figure)")
        }

        // CSV: empty respondents and figure cells.
        let breakdownRows = ReportFixture.records(outputs.csv("breakdown-level.csv"))
        #expect(breakdownRows.count == 6)
        for row in breakdownRows where hidden.contains(row["group"] ?? "") {
            #expect(row["respondents"] == "" && row["figure"] == "" && row["level"] == "" && row["suppressed"] == "1")
        }
        let mapRows = ReportFixture.records(outputs.csv("deficit-map.csv"))
        for row in mapRows where hidden.contains(row["column"] ?? "") {
            #expect(row["figure"] == "" && row["level"] == "" && row["suppressed"] == "1")
        }
        for (name, data) in outputs.files where name.hasSuffix(".csv") {
            let text = String(decoding: data, as: UTF8.self)
            for figure in hiddenFigures { #expect(!text.contains("\(figure)"), "\(name) shows \(figure)") }
        }

        // HTML, Markdown, DOCX: «скрыто» in the hidden columns, the rounded figures nowhere.
        let mapTable = try #require(ReportFixture.markdownTable(outputs.markdown, header: ["Показатель", "Все респонденты", "НОО", "ООО", "СОО"]))
        #expect(mapTable.count == 3)
        for row in mapTable {
            #expect(row[2] == "скрыто" && row[4] == "скрыто")
            #expect(row[3] != "скрыто" && row[3] != "—")
        }
        // НОО: 3 of 3 answers positive and index 100; СОО: 5 of 14 answers positive (by hand).
        let rounded = ["100,0\u{00A0}%", "35,7\u{00A0}%"]
        #expect(abs(hiddenFigures[2] - 500.0 / 14) < 1e-9)
        for text in [outputs.html, outputs.markdown, try outputs.documentXML()] {
            #expect(text.contains("скрыто"))
            for figure in rounded { #expect(!text.contains(figure), "shows \(figure)") }
        }
    }

    @Test("A breakdown table shows suppressed groups as «скрыто», never «менее N»")
    func suppressedRowsOfABreakdownTable() throws {
        // 22 respondents in four clubs: Хор (2) is under 5, so the next smallest, Театр (6), is hidden too.
        let rows = ReportFixture.waveA + ReportFixture.waveB
        let clubs = Dictionary(uniqueKeysWithValues: rows.indices.map { index in
            (index, index < 6 ? "Шахматы" : index < 12 ? "Театр" : index < 20 ? "Робототехника" : "Хор")
        })
        let result = try ReportFixture.analyze(rows, clubs: clubs, clubGrouping: true)
        let breakdown = try #require(result.breakdowns.first { $0.grouping == "club" })
        #expect(breakdown.groups.filter(\.suppressed).map(\.key).sorted() == ["Театр", "Хор"])
        let outputs = try ReportFixture.write(try ReportFixture.input(result, clubGrouping: true, mapGrouping: "club"))
        // Four groups: the groups are the columns, indicators the rows.
        // The map's grouping: the карта дефицитов carries the groups' sizes and figures.
        let table = try #require(ReportFixture.markdownTable(outputs.markdown, header: ["Показатель", "Все респонденты", "Робототехника", "Театр", "Хор", "Шахматы"]))
        #expect(table.map { $0[0] } == ["**Чел.**", "Доля", "Индекс"], "\(table)")
        for row in table {
            #expect(row[3] == "скрыто" && row[4] == "скрыто", "\(row)")
        }
        #expect(table.first?[5] == "6")
        #expect(table.first?[2] == "8")
        #expect(table.first?[1] == "22")
        for text in [outputs.html, outputs.markdown, try outputs.documentXML()] {
            #expect(!text.contains("менее 5"))
        }
        let csv = ReportFixture.records(outputs.csv("breakdown-club.csv"))
        #expect(csv.filter { $0["suppressed"] == "1" }.allSatisfy { $0["respondents"] == "" && $0["figure"] == "" })
        #expect(csv.filter { $0["group"] == "Робототехника" }.allSatisfy { $0["respondents"] == "8" })
    }

    @Test("The overall index row of the карта дефицитов has every group's index, and «скрыто» for hidden groups")
    func overallRowHasTheGroups() throws {
        let rows = ReportFixture.waveA + ReportFixture.waveB
        let clubs = Dictionary(uniqueKeysWithValues: rows.indices.map { index in
            (index, index < 6 ? "Шахматы" : index < 12 ? "Театр" : index < 20 ? "Робототехника" : "Хор")
        })
        let result = try MiniSurvey.analyze(rows, clubs: clubs, clubGrouping: true, overall: true)
        let input = ReportInput(questionnaire: try MiniSurvey.questionnaire(clubGrouping: true, overall: true), result: result,
                                mapGrouping: "club", date: "01.04.2026")
        let outputs = try ReportFixture.write(input)
        let table = try #require(ReportFixture.markdownTable(outputs.markdown, header: ["Показатель", "Все респонденты", "Робототехника", "Театр", "Хор", "Шахматы"]))
        let share = try #require(table.first { $0[0] == "Доля" })
        let overall = try #require(table.first { $0[0] == "**Общий индекс**" }, "\(table)")
        // The index is the share alone here, so each visible group's cell repeats the share's figure.
        #expect(overall[2] == share[2] && overall[5] == share[5], "\(overall) vs \(share)")
        #expect(overall[2].contains(",") || overall[2].contains("%"))
        #expect(overall[3] == "скрыто" && overall[4] == "скрыто")
    }

    // MARK: - (d) Russian plural forms

    static let parents = (one: "родитель (законный представитель)", few: "родителя (законных представителя)",
                          many: "родителей (законных представителей)")

    @Test("The справка counts participants with the right plural form",
          arguments: [(1, parents.one), (2, parents.few), (3, parents.few), (4, parents.few), (5, parents.many),
                      (11, parents.many), (12, parents.many), (14, parents.many), (21, parents.one), (22, parents.few),
                      (25, parents.many), (101, parents.one), (111, parents.many), (112, parents.many), (122, parents.few)])
    func participants(count: Int, form: String) throws {
        let rows = (0..<count).map { ReportFixture.waveA[$0 % ReportFixture.waveA.count] }
        let result = try ReportFixture.analyze(rows)
        let previous = try ReportFixture.analyze(ReportFixture.waveB, wave: "2025-весна")
        let outputs = try ReportFixture.write(try ReportFixture.input(result, previous: previous))
        let phrase = "\(count)\u{00A0}\(form)"
        for text in [outputs.html, outputs.markdown, try outputs.documentXML()] {
            #expect(text.contains(">" + phrase) || text.contains(" " + phrase))
            Self.checkPlurals(text)
        }
    }

    /// Every «number + noun» of the known nouns agrees (one: 1, 21, 101…; few: 2–4, 22…; many: 0, 5–20, 25…).
    static func checkPlurals(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let nouns: [(one: String, few: String, many: String)] = [
            ("респондент", "респондента", "респондентов"), ("ответ", "ответа", "ответов"),
            ("вопрос", "вопроса", "вопросов"), ("родитель", "родителя", "родителей"), ("разделе", "разделах", "разделах"),
        ]
        let words = text.components(separatedBy: CharacterSet.whitespaces.union(.newlines).union(CharacterSet(charactersIn: "(),.;:<>")))
        var checked = 0
        for (index, word) in words.enumerated() where index + 1 < words.count {
            guard let number = Int(word), let noun = nouns.first(where: { [$0.one, $0.few, $0.many].contains(words[index + 1]) }) else { continue }
            let n = number % 100
            let expected = (11...14).contains(n) ? noun.many : n % 10 == 1 ? noun.one : (2...4).contains(n % 10) ? noun.few : noun.many
            #expect(words[index + 1] == expected, "«\(number) \(words[index + 1])»", sourceLocation: sourceLocation)
            checked += 1
        }
        #expect(checked >= 3, sourceLocation: sourceLocation)
    }

    // MARK: - (e) Files

    static let expectedFiles: Set<String> = [
        "spravka.html", "spravka.docx", "spravka.md", "figures.json", "indicators.csv", "questions.csv", "options.csv",
        "breakdown-level.csv", "tests-level.csv", "question-tests-level.csv", "deficit-map.csv", "dynamics.csv",
        "findings.json", "decisions.yaml",
    ]

    static func contents(of folder: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    }

    @Test("ReportWriter writes every file, replaces earlier ones and leaves no temporary file behind")
    func writesAndOverwrites() throws {
        let folder = try ReportFixture.temporaryFolder().appendingPathComponent("справка 2026")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: folder.appendingPathComponent("figures.json"))
        try Data("old".utf8).write(to: folder.appendingPathComponent("indicators.csv"))

        let previous = try ReportFixture.analyze(ReportFixture.waveB, wave: "2025-весна")
        let first = try ReportFixture.input(try ReportFixture.analyze(ReportFixture.waveA), previous: previous, organization: "Школа № 1")
        let written = try ReportWriter(first).write(to: folder)
        #expect(Set(written.map(\.lastPathComponent)) == Self.expectedFiles)
        #expect(written.count == Self.expectedFiles.count)
        #expect(try Self.contents(of: folder) == Self.expectedFiles)
        let json = try Data(contentsOf: folder.appendingPathComponent("figures.json"))
        #expect(try JSONDecoder().decode(ReportFigures.self, from: json) == ReportFigures(first))
        let indicators = try Data(contentsOf: folder.appendingPathComponent("indicators.csv"))
        #expect(indicators.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: indicators, as: UTF8.self).contains("\r\n"))

        // Again, with other figures: every file is replaced, nothing else appears.
        let second = try ReportFixture.input(try ReportFixture.analyze(ReportFixture.waveB, wave: "2026-осень"), previous: previous)
        try ReportWriter(second).write(to: folder)
        #expect(try Self.contents(of: folder) == Self.expectedFiles)
        let again = try JSONDecoder().decode(ReportFigures.self, from: try Data(contentsOf: folder.appendingPathComponent("figures.json")))
        #expect(again == ReportFigures(second))
        #expect(again.organization == nil && again.result.wave == "2026-осень")
        let html = try String(contentsOf: folder.appendingPathComponent("spravka.html"), encoding: .utf8)
        #expect(html.contains("2026-осень") && !html.contains("Школа № 1"))
        let markdown = try String(contentsOf: folder.appendingPathComponent("spravka.md"), encoding: .utf8)
        #expect(markdown.contains("2026\\-осень") || markdown.contains("2026-осень"))

        // Without a comparison, the earlier dynamics.csv goes; a file of another name stays.
        try Data("notes".utf8).write(to: folder.appendingPathComponent("заметки.txt"))
        try ReportWriter(try ReportFixture.input(try ReportFixture.analyze(ReportFixture.waveA))).write(to: folder)
        #expect(try Self.contents(of: folder) == Self.expectedFiles.subtracting(["dynamics.csv"]).union(["заметки.txt"]))
    }

    @Test("ReportWriter reports a folder it cannot create")
    func unwritableFolder() throws {
        let base = try ReportFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        let input = try ReportFixture.input(try ReportFixture.analyze(ReportFixture.waveA))
        #expect(throws: (any Error).self) { try ReportWriter(input).write(to: file.appendingPathComponent("report")) }
        #expect(try Self.contents(of: base) == ["file"])
    }

    @Test("Withheld answer counts of a grouping question are empty in the CSV tables and flagged in figures.json")
    func withheldAnswerCounts() throws {
        // Only 3 teachers give their experience, all «до 3 лет»: the number who answered would be that group's size.
        let questionnaire = try DisclosureCases.questionnaire()
        let responses = (0..<43).map { index in
            Response(answers: index < 3 ? ["exp": .option("a"), "q1": .option("3")] : ["q1": .option("2")])
        }
        let result = DisclosureCases.analyze(DisclosureCases.Case(seed: 0, responses: responses, options: AnalysisOptions(groupings: ["exp"])),
                                             questionnaire: questionnaire)
        let outputs = try ReportFixture.write(ReportInput(questionnaire: questionnaire, result: result, date: "01.04.2026"))
        let exp = try #require(ReportFixture.records(outputs.csv("questions.csv")).first { $0["question"] == "exp" })
        #expect(exp["valid"] == "" && exp["no_answer"] == "" && exp["blank"] == "" && exp["respondents"] == "43")
        let q1 = try #require(ReportFixture.records(outputs.csv("questions.csv")).first { $0["question"] == "q1" })
        #expect(q1["valid"] == "43" && q1["blank"] == "0")
        let options = ReportFixture.records(outputs.csv("options.csv")).filter { $0["question"] == "exp" }
        #expect(options.count == 4 && options.allSatisfy { $0["percent"] == "" })
        #expect(options.first { $0["code"] == "a" }?["suppressed"] == "1")
        let figures = try JSONDecoder().decode(ReportFigures.self, from: outputs.jsonData)
        let summary = try #require(figures.result.questions.first { $0.id == "exp" })
        #expect(summary.answerCountsSuppressed && summary.valid == 0 && summary.blank == 0)
        #expect(figures.result.breakdowns.first?.groups.first { $0.key == "до 3 лет" }?.suppressed == true)
        #expect(try DisclosureChecker.problems(figuresJSON: outputs.jsonData, questionnaire: questionnaire, responses: responses).isEmpty)
    }
}
