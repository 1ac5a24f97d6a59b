import Foundation
import Testing

/// `anketa objectivity` run on the shipped sample the way a deputy director would.
@Suite("anketa objectivity")
struct ObjectivityCLITests {
    func workspaceWithSample() throws -> Workspace {
        let workspace = try Workspace()
        let sample = packageRoot.appendingPathComponent("Samples/objectivity")
        for name in ["vpr-2026.yaml", "vpr-2026.csv", "indicators.yaml", "objective-assessment-students-2026.csv"] {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: workspace.url(name))
        }
        return workspace
    }

    @Test func sampleBecomesTheSpravka() throws {
        let workspace = try workspaceWithSample()
        let result = try workspace.run(["objectivity", "vpr-2026.yaml", "vpr-2026.csv", "-o", "out"], useDB: false)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("windows-1251 (") && result.stdout.contains("разделитель — точка с запятой"))
        #expect(result.stdout.contains("← признаки завышения: 6Б класс, Математика: понизили 46,7\u{00A0}%"))
        #expect(result.stderr.contains("vpr-2026.csv:39: строка не учтена: «Код ученика»: «Петров Иван» не похоже на код ученика"))
        #expect(result.stderr.contains("vpr-2026.csv:262: строка не учтена: повтор"))
        for name in ["spravka.html", "spravka.docx", "spravka.md", "figures.json", "groups.csv", "decisions.yaml"] {
            #expect(workspace.exists("out/\(name)"), "\(name) missing")
        }
        #expect(workspace.exists("vpr-2026.rejects.csv"))
        let first = try workspace.bytes("out/figures.json")
        // pandas 2.x: pd.crosstab(school, external).reindex(index=range(2, 6), columns=range(2, 6), fill_value=0)
        // over the sample's accepted mathematics rows (docs/reference/objectivity_reference.py).
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(first)) as? [String: Any])
        let subjects = try #require(figures["subjects"] as? [[String: Any]])
        let maths = try #require(subjects.first { $0["subject"] as? String == "Математика" })
        #expect(maths["crossTable"] as? [[Int]] == [[13, 3, 0, 0], [14, 22, 9, 1], [3, 11, 22, 17], [0, 1, 1, 33]])
        // The weighted average mark, recomputed with numpy.average and scipy.stats.spearmanr by
        // docs/reference/objectivity_reference.py (scipy 1.17.1) on the sample.
        let weighted = try #require(maths["weighted"] as? [String: Any])
        #expect(weighted["n"] as? Int == 150)
        #expect(abs((weighted["meanWeighted"] as? Double ?? 0) - 3.535839324618737) < 1e-9)
        #expect(abs((weighted["meanPlain"] as? Double ?? 0) - 3.576205387205386) < 1e-9)
        #expect((weighted["schoolAbove"] as? [String: Any])?["count"] as? Int == 38)
        #expect(abs((weighted["weightedSpearmanRho"] as? Double ?? 0) - 0.9029251258764609) < 1e-9)
        // scipy 1.17.1: stats.chisquare([10, 15, 11, 24], f_exp=60 * [0.121, 0.384, 0.352, 0.143]) for the sample's
        // 5th-grade mathematics against its invented regional distribution (docs/reference/objectivity_reference.py).
        let regional = try #require(figures["regional"] as? [[String: Any]])
        #expect(regional.count == 6)
        let fifth = try #require(regional.first { $0["subject"] as? String == "Математика" && $0["grade"] as? Int == 5 })
        #expect(fifth["counts"] as? [Int] == [10, 15, 11, 24])
        #expect(abs((fifth["chiSquare"] as? Double ?? 0) - 36.40176348272938) < 1e-9)
        #expect(abs((fifth["chiSquareP"] as? Double ?? 1) - 6.157899218567884e-08) < 1e-15)
        let html = try String(decoding: workspace.bytes("out/spravka.html"), as: UTF8.self)
        #expect(html.contains("Средневзвешенный балл"))
        #expect(html.contains("Математика (ВПР): отметки школы и ВПР, число обучающихся"))
        // Idempotent: the same files give the same figures; the edited decisions are kept.
        let again = try workspace.run(["objectivity", "vpr-2026.yaml", "vpr-2026.csv", "-o", "out"], useDB: false)
        #expect(again.status == 0)
        #expect(try workspace.bytes("out/figures.json") == first)
        #expect(again.stderr.contains("Управленческие решения взяты из out/decisions.yaml"))
    }

    @Test func badDefinitionSaysWhere() throws {
        let workspace = try workspaceWithSample()
        let yaml = try String(contentsOf: workspace.url("vpr-2026.yaml"), encoding: .utf8).replacingOccurrences(of: "max_score: 19", with: "max_score: много")
        try yaml.write(to: workspace.url("vpr-2026.yaml"), atomically: true, encoding: .utf8)
        let result = try workspace.run(["objectivity", "vpr-2026.yaml", "vpr-2026.csv"], useDB: false)
        #expect(result.status == 1)
        #expect(result.stderr.contains("vpr-2026.yaml:35:"), "\(result)")
        #expect(result.stderr.contains("scales[2].max_score: ожидалось число"))
        #expect(!workspace.exists("Results"))
    }

    @Test func teachersIndicatorsAndAttitudesFromTheSamples() throws {
        let workspace = try workspaceWithSample()
        let questionnaire = packageRoot.appendingPathComponent("Questionnaires/objective-assessment-students.yaml").path
        let result = try workspace.run(["objectivity", "vpr-2026.yaml", "vpr-2026.csv", "--indicators", "indicators.yaml",
                                        "--attitudes", "\(questionnaire)=objective-assessment-students-2026.csv", "-o", "out"], useDB: false)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("vpr-2026.csv:292: строка не учтена: «Код учителя»: «Сидорова» не похоже на код учителя"))
        #expect(result.stdout.contains("Скрыто групп по учителям (меньше 5 обучающихся или вместе с такой группой): 2"))
        #expect(result.stdout.contains("Показатели вне анкетирования (2025/2026): ниже порога — «Доля обновлённых фондов оценочных средств»"))
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(try workspace.bytes("out/figures.json"))) as? [String: Any])
        // The sample: У-07 teaches 4 students of 7А Русский язык; У-06 (26, the smaller shown) is hidden beside it.
        let hidden = try #require(figures["hiddenTeachers"] as? [[String: Any]])
        #expect(hidden.compactMap { $0["teacher"] as? String } == ["У-06", "У-07"])
        #expect((figures["teachers"] as? [[String: Any]])?.count == 5)
        #expect((figures["attitudes"] as? [[String: Any]])?.first?["respondents"] as? Int == 118)
        let html = try String(decoding: workspace.bytes("out/spravka.html"), as: UTF8.self)
        #expect(html.contains("Результаты по учителям") && html.contains("Показатели вне анкетирования")
            && html.contains("Отношение к объективности оценивания: результаты анкетирования"))
        #expect(!html.contains("Сидорова"))
    }

    @Test("attitudes collected into the store (web form or ingest) join the справка as <анкета>:<волна>, the same figures as from the file")
    func attitudesFromTheStore() throws {
        let workspace = try workspaceWithSample()
        let questionnaire = packageRoot.appendingPathComponent("Questionnaires/objective-assessment-students.yaml").path
        let ingested = try workspace.run(["ingest", questionnaire, "objective-assessment-students-2026.csv", "--wave", "2026", "--unit", "СОШ № 1"])
        #expect(ingested.status == 0, "\(ingested)")
        let fromFile = try workspace.run(["objectivity", "vpr-2026.yaml", "vpr-2026.csv",
                                          "--attitudes", "\(questionnaire)=objective-assessment-students-2026.csv", "-o", "file"], useDB: false)
        let fromStore = try workspace.run(["objectivity", "vpr-2026.yaml", "vpr-2026.csv", "--unit", "СОШ № 1",
                                           "--attitudes", "objective-assessment-students:2026", "-o", "store"])
        #expect(fromFile.status == 0 && fromStore.status == 0, "\(fromFile)\n\(fromStore)")
        let attitudes = { (folder: String) throws -> [[String: Any]] in
            let figures = try #require(try JSONSerialization.jsonObject(with: Data(try workspace.bytes("\(folder)/figures.json"))) as? [String: Any])
            return try #require(figures["attitudes"] as? [[String: Any]])
        }
        let file = try attitudes("file"), store = try attitudes("store")
        #expect(store.first?["respondents"] as? Int == 118)
        let json = { (value: [[String: Any]]) throws -> String in
            String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
        }
        let (fileJSON, storeJSON) = (try json(file), try json(store))
        #expect(file.count == 1 && fileJSON == storeJSON)

        let unknown = try workspace.run(["objectivity", "vpr-2026.yaml", "vpr-2026.csv", "--unit", "СОШ № 1",
                                         "--attitudes", "objective-assessment-students:2019", "-o", "none"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("в базе нет волны «2019» (СОШ № 1) анкеты «objective-assessment-students»"), "\(unknown)")
        #expect(!workspace.exists("none"))
    }

    @Test func badIndicatorsStopBeforeAnythingIsWritten() throws {
        let workspace = try workspaceWithSample()
        let yaml = try String(contentsOf: workspace.url("indicators.yaml"), encoding: .utf8).replacingOccurrences(of: "direction: lower", with: "direction: вниз")
        try yaml.write(to: workspace.url("indicators.yaml"), atomically: true, encoding: .utf8)
        let result = try workspace.run(["objectivity", "vpr-2026.yaml", "vpr-2026.csv", "--indicators", "indicators.yaml"], useDB: false)
        #expect(result.status == 1)
        #expect(result.stderr.contains("indicators.yaml:69:16: ошибка: indicators.absences.direction: неизвестное направление «вниз»"), "\(result)")
        #expect(!workspace.exists("Results") && !workspace.exists("vpr-2026.rejects.csv"))
    }

    @Test func surveyReportTakesTheSameIndicators() throws {
        let workspace = try workspaceWithSample()
        let root = packageRoot.path
        let result = try workspace.run(["report", "\(root)/Questionnaires/students-motivation.yaml", "\(root)/Samples/students-motivation-2026.csv",
                                        "--indicators", "indicators.yaml", "-o", "out"], useDB: false)
        #expect(result.status == 0, "\(result)")
        #expect(workspace.exists("out/non-survey.json"))
        let markdown = try String(decoding: workspace.bytes("out/spravka.md"), as: UTF8.self)
        #expect(markdown.contains("## Показатели вне анкетирования"))
        #expect(markdown.contains("Показатели вне анкетирования хуже порога за 2025/2026 учебный год: «Доля обновлённых фондов оценочных средств»"))
        let decisions = try String(decoding: workspace.bytes("out/decisions.yaml"), as: UTF8.self)
        #expect(decisions.contains("nonsurvey-deficit:oge_math"))
    }
}
