import AnketaCore
import AnketaDocument
import AnketaObjectivity
import AnketaObjectivityReport
import AnketaResults
import Foundation
import Testing

@Suite("Objectivity справка")
struct ObjectivityReportTests {
    let definition = ResultsDefinition(id: "t", title: "ВПР", organization: "Школа № 7", academicYear: "2025/2026",
                                       schoolMarkName: "отметка за III четверть", procedure: .vpr,
                                       columns: .init(student: "К", className: "Кл", subject: "П", mark: "О", schoolMark: "Ч"))

    func input(_ data: [ResultRow]) -> ObjectivityReportInput {
        ObjectivityReportInput(definition: definition, analysis: ObjectivityAnalysis(rows: data, thresholds: definition.thresholds),
                               rows: data, rejected: 2, source: "vpr.csv", date: "02.12.2026")
    }

    var sample: [ResultRow] {
        rows("5А", [(4, 4), (5, 5), (3, 3), (4, 5), (5, 4), (3, 3), (4, 4), (2, 3)]) + rows("6Б", inflatedClass)
    }

    @Test func documentSaysWhatAndWhere() {
        let composer = ObjectivityComposer(input(sample))
        let document = composer.compose()
        #expect(document.title == "Аналитическая справка об объективности оценивания")
        #expect(document.subtitle.contains("по результатам ВПР и отметкам школы (отметка за III четверть)"))
        #expect(document.subtitle.contains("2025/2026 учебный год"))
        let headings = document.blocks.compactMap { block -> String? in if case .heading(let text, _) = block { text } else { nil } }
        #expect(headings.contains("Выводы") && headings.contains("Управленческие решения") && headings.contains("Математика (ВПР)"))
        let charts = document.blocks.compactMap { block -> Chart? in if case .chart(let chart) = block { chart } else { nil } }
        #expect(charts.count == 2)                       // the diverging bars and the scatter of marks
        #expect(charts.first?.kind == .divergingStacked(neutralSeries: 1))
        #expect(charts.first?.categories == ["5А", "6Б"])
        #expect(charts.first?.series.map(\.name) == ["Понизили", "Подтвердили", "Повысили"])
        let markdown = MarkdownRenderer().render(document)
        #expect(markdown.contains("6Б класс, Математика (ВПР): ВПР понизили отметки у 46,7\u{00A0}% обучающихся (95 % ДИ 30,2–63,9\u{00A0}%, 14 из 30) при пороге 25\u{00A0}%"))
        #expect(markdown.contains("Строк файла «vpr.csv» с ошибками, не вошедших в расчёт: 2"))
        #expect(!markdown.contains("5А класс, Математика"))
    }

    @Test func decisionsNameTheClassAndTheMeasures() throws {
        let decisions = ObjectivityComposer(input(sample)).decisions.decisions
        #expect(decisions.count == 4)
        #expect(decisions[0].problem == "Признаки завышения отметок по предмету «Математика»: 6Б класс — ВПР понизили 46,7\u{00A0}% отметок")
        #expect(decisions[0].action.contains("ШМО") && decisions[0].document == "протокол заседания ШМО")
        #expect(decisions[1].action.contains("взаимопроверку") && decisions[1].action.contains("внешней экспертизой"))
        // Mathematics as a whole: ρ below 0,5 (6Б's school marks are all 4) → a seminar on criteria.
        #expect(decisions[2].problem.hasPrefix("Слабая согласованность отметок школы и ВПР, «Математика»"))
        #expect(decisions[2].action.contains("семинар"))
        #expect(decisions.last?.deadline == "по итогам следующей четверти")
    }

    @Test func noFlagsIsSaidPlainly() {
        let markdown = MarkdownRenderer().render(ObjectivityComposer(input(rows("5А", [(4, 4), (5, 5), (3, 3), (4, 5), (5, 4), (3, 3)]))).compose())
        #expect(markdown.contains("Классов с признаками завышения отметок не выявлено"))
    }

    @Test func writerKeepsEditedDecisionsAndFullPrecision() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-objectivity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try ObjectivityReportWriter(input(sample)).write(to: folder)
        #expect(Set(written.map(\.lastPathComponent)) == ["spravka.html", "spravka.docx", "spravka.md", "figures.json", "decisions.yaml", "groups.csv"])
        let figures = try JSONDecoder().decode(ObjectivityFigures.self, from: Data(contentsOf: folder.appendingPathComponent("figures.json")))
        let inflated = try #require(figures.classes.first { $0.className == "6Б" })
        #expect(inflated.lowered.share == 14.0 / 30)
        #expect(inflated.flags == ["lowered", "mismatch"])
        #expect(figures.rejected == 2 && figures.rows == 38)
        // An edited decisions file survives the next run.
        let decisions = folder.appendingPathComponent("decisions.yaml")
        try "# правлено\n".write(to: decisions, atomically: true, encoding: .utf8)
        try ObjectivityReportWriter(input(sample)).write(to: folder)
        #expect(try String(contentsOf: decisions, encoding: .utf8) == "# правлено\n")
        let csv = try String(contentsOf: folder.appendingPathComponent("groups.csv"), encoding: .utf8)
        #expect(csv.contains("class,ВПР,Математика,6Б,,30,14,0.4666666666666667,"))
    }
}
