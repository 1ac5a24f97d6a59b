import AnketaDocument
import AnketaObjectivity
import AnketaObjectivityReport
import AnketaResults
import Testing
import AnketaTestSupport

@Suite("Marks cross-table and scatter")
struct MarkScatterTests {
    @Test func crossTableCountsEachPairOfMarks() {
        // (external, school) pairs; counted by hand: school 4 → ВПР 3 ×2, 4 → 4, 5 → 4, 3 → 5, 2 → 2.
        let table = MarkCrossTable(rows("5А", [(3, 4), (3, 4), (4, 4), (4, 5), (5, 3), (2, 2)]))
        #expect(table.counts == [[1, 0, 0, 0], [0, 0, 0, 1], [0, 2, 1, 0], [0, 0, 1, 0]])
        #expect(table.count(school: 4, external: 3) == 2)
        #expect(table.count(school: 6, external: 3) == 0)
        #expect(table.total == 6)
    }

    @Test func crossTableAgreesWithTheShares() throws {
        var generator = SeededRandom(seed: 14)
        for _ in 0..<200 {
            let n = Int.random(in: 1...40, using: &generator)
            let pairs = (0..<n).map { _ in (Int.random(in: 2...5, using: &generator), Int.random(in: 2...5, using: &generator)) }
            let group = try #require(ObjectivityGroup(scope: .init(), rows: rows("7А", pairs), thresholds: .init()))
            let t = group.crossTable
            let below = MarkCrossTable.marks.flatMap { s in MarkCrossTable.marks.filter { $0 < s }.map { t.count(school: s, external: $0) } }
            let diagonal = MarkCrossTable.marks.map { t.count(school: $0, external: $0) }
            #expect(t.total == n)
            #expect(below.reduce(0, +) == group.lowered.count)
            #expect(diagonal.reduce(0, +) == group.confirmed.count)
        }
    }

    @Test func spravkaDrawsOneBubbleChartPerSubjectColouredByShift() throws {
        let definition = ResultsDefinition(id: "t", title: "ВПР", schoolMarkName: "отметка за год", procedure: .vpr,
                                           columns: .init(student: "К", className: "Кл", subject: "П", mark: "О", schoolMark: "Ч"))
        let data = rows("6Б", inflatedClass) + rows("6Б", [(4, 4), (2, 3)], subject: "Русский язык")
        let input = ObjectivityReportInput(definition: definition, analysis: ObjectivityAnalysis(rows: data, thresholds: definition.thresholds),
                                           rows: data, rejected: 0, source: "vpr.csv", date: "02.12.2026")
        let charts = ObjectivityComposer(input).compose().blocks.compactMap { block -> Chart? in
            if case .chart(let chart) = block, case .bubble = chart.kind { chart } else { nil }
        }
        #expect(charts.count == 2)
        let maths = try #require(charts.first)
        #expect(maths.title == "Математика (ВПР): отметки школы и ВПР, число обучающихся")
        #expect(maths.kind == .bubble(xTitle: "Отметка школы", yTitle: "Отметка ВПР", yCategories: ["2", "3", "4", "5"]))
        // inflatedClass: school 4 → ВПР 3 ×14 (понизили), 4 → 4 ×13, 4 → 5 ×3 (повысили).
        #expect(maths.bubbles == [Chart.Bubble(x: 2, y: 1, count: 14, series: 0), Chart.Bubble(x: 2, y: 2, count: 13, series: 1),
                                  Chart.Bubble(x: 2, y: 3, count: 3, series: 2)])
        #expect(maths.series.map(\.name) == ["Понизили", "Подтвердили", "Повысили"])
    }
}

