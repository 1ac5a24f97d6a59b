import AnketaCore
import AnketaResults
import Foundation
import Testing

@Suite("Non-survey indicators")
struct NonSurveyIndicatorsTests {
    static let yaml = """
        organization: Школа № 7
        indicators:
          - id: quality
            title: Качество знаний
            direction: higher
            threshold: 50
            values: {2023/2024: 52.4, 2024/2025: 50.3, 2025/2026: 47.1}
            region: {2025/2026: 49.2}
          - id: oge
            title: Средний балл ОГЭ
            unit: score
            direction: higher
            threshold: region
            values: {2024/2025: 15.1, 2025/2026: 15.3}
            region: {2024/2025: 15.4, 2025/2026: 15.3}
          - id: absences
            title: Пропуски
            unit: number
            direction: lower
            threshold: 4
            values: {2025/2026: 4.5}
            decision: {action: Разобрать пропуски с классными руководителями, responsible: социальный педагог}
        """

    @Test func readsYearsThresholdsAndDeficits() throws {
        let set = try NonSurveyIndicatorsLoader().load(yaml: Self.yaml, file: "i.yaml")
        #expect(set.year == "2025/2026")                     // the latest year with a figure
        #expect(set.years == ["2023/2024", "2024/2025", "2025/2026"])
        #expect(set.organization == "Школа № 7")
        let quality = set.indicators[0], oge = set.indicators[1], absences = set.indicators[2]
        #expect(quality.isDeficit(in: "2025/2026") && !quality.isDeficit(in: "2024/2025"))   // 47,1 < 50; 50,3 ≥ 50
        #expect(abs(quality.gap(in: "2025/2026") - 2.9) < 1e-12)
        #expect(!oge.isDeficit(in: "2025/2026"))             // equal to the region is not below it
        #expect(oge.isDeficit(in: "2024/2025") && oge.thresholdValue(in: "2024/2025") == 15.4)
        #expect(absences.isDeficit(in: "2025/2026") && !absences.higherIsBetter)            // 4,5 > 4 when lower is better
        #expect(absences.action == "Разобрать пропуски с классными руководителями" && absences.deadline == nil)
        // Farthest past the threshold relative to it first: absences 0,5/4 = 12,5 % before quality 2,9/50 = 5,8 %.
        #expect(set.deficits.map(\.id) == ["absences", "quality"])
    }

    @Test func everyProblemIsReportedWithItsPlace() throws {
        let bad = Self.yaml
            .replacingOccurrences(of: "direction: lower", with: "direction: down")
            .replacingOccurrences(of: "2024/2025: 50.3", with: "2024/2025: 150")
            .replacingOccurrences(of: "region: {2024/2025: 15.4, 2025/2026: 15.3}", with: "region: {2024/2025: 15.4}")
            .replacingOccurrences(of: "id: absences", with: "id: quality")
            .replacingOccurrences(of: "{2023/2024: 52.4", with: "{2023-2024: 52.4")
        let error = try #require(throws: DiagnosticsError.self) { try NonSurveyIndicatorsLoader().load(yaml: bad, file: "i.yaml") }
        let text = error.description
        #expect(text.contains("i.yaml:7:14: ошибка: indicators.quality.values: «2023-2024» — не учебный год"), "\(text)")
        #expect(text.contains("i.yaml:7:42: ошибка: indicators.quality.values.2024/2025: процент должен быть от 0 до 100"), "\(text)")
        #expect(text.contains("i.yaml:19:16: ошибка: indicators.quality.direction: неизвестное направление «down»"), "\(text)")
        #expect(text.contains("i.yaml:16: ошибка: indicators: показатель «quality» уже описан в строке 3"), "\(text)")
        #expect(text.contains("indicators.oge.region: порог — региональное значение, а его за 2025/2026 нет"), "\(text)")
    }

    @Test func calendarYearsAndAChosenYear() throws {
        let set = try NonSurveyIndicatorsLoader().load(yaml: """
            year: 2025
            indicators:
              - {id: ege, title: Средний балл ЕГЭ, unit: score, direction: higher, threshold: region, values: {2025: 70.1, 2026: 72}, region: {2025: 70.4, 2026: 70.4}}
            """, file: "i.yaml")
        #expect(set.year == "2025" && set.years == ["2025", "2026"])
        #expect(set.deficits.map(\.id) == ["ege"])                // 70,1 < 70,4 in the chosen year, not in 2026
        let error = try #require(throws: DiagnosticsError.self) {
            try NonSurveyIndicatorsLoader().load(yaml: "year: 2024/2025\nindicators:\n  - {id: a, title: А, direction: higher, values: {2026: 1}}\nextra: 1\n", file: "i.yaml")
        }
        #expect(error.description.contains("i.yaml:1:7: ошибка: year: «2024/2025» — нет такого года среди значений показателей"), "\(error)")
        #expect(error.description.contains("i.yaml:4:1: ошибка: extra: неизвестный ключ «extra»"), "\(error)")
    }

    @Test func theShippedSampleLoads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples/objectivity/indicators.yaml")
        let set = try NonSurveyIndicatorsLoader().load(contentsOf: url)
        #expect(set.year == "2025/2026" && set.indicators.count == 7)
        #expect(Set(set.deficits.map(\.id)) == ["quality", "oge_math", "retention", "fos"])
    }
}
