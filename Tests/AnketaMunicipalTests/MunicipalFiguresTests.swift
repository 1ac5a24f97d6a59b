import AnketaAnalysis
import AnketaCore
@testable import AnketaMunicipal
import AnketaStats
import AnketaTestSupport
import Testing

@Suite struct MunicipalFiguresTests {
    static let units = [
        SchoolUnit(code: "a", shortName: "СОШ № 1", fullName: "СОШ № 1", kind: .secondarySchool, contingent: [.parents: 24]),
        SchoolUnit(code: "b", shortName: "Гимназия № 2", fullName: "Гимназия № 2", kind: .gymnasium, contingent: [.parents: 40]),
        SchoolUnit(code: "c", shortName: "НОШ № 3", fullName: "НОШ № 3", kind: .primarySchool, contingent: [.parents: 10]),
    ]

    static func responses(_ rows: [MiniSurvey.Row]) -> [Response] {
        rows.map { row in
            var response = Response()
            response["cls"] = .text(row.0)
            for (id, value) in [("q1", row.1), ("q2", row.2), ("q3", row.3)] {
                guard let value else { continue }
                response[id] = value == 0 ? .noAnswer : .option(String(value))
            }
            return response
        }
    }

    /// School A = MiniSurvey.waveA, B = waveB, C = three respondents (hidden).
    static func analyze() throws -> (municipal: MunicipalResult, schools: [String: AnalysisResult], pooled: AnalysisResult) {
        let questionnaire = try MiniSurvey.questionnaire()
        let data: [String: [Response]] = ["a": responses(MiniSurvey.waveA), "b": responses(MiniSurvey.waveB),
                                          "c": responses([("5А", 1, 1, 4), ("6А", 1, 2, 4), ("7А", 2, 1, 3)])]
        var analyzer = MunicipalAnalyzer(questionnaire: questionnaire, wave: "2026", schools: units,
                                         respondents: data.mapValues(\.count))
        for unit in units { for response in data[unit.code]! { analyzer.add(response, school: unit.code) } }
        return analyzer.finish()
    }

    @Test func schoolAgainstTheRestMatchesScipy() throws {
        let (municipal, _, _) = try Self.analyze()
        let a = try #require(municipal.schools.first { $0.code == "a" })
        let test = try #require(a.indicators.first { $0.id == "index" }?.comparison)
        // scipy.stats.ttest_ind(A, B, equal_var=False), docs/reference/municipal_reference.py
        #expect(abs(test.difference - 21.111111111111107) < 1e-9)
        #expect(abs(test.t - 1.6105060038709094) < 1e-9)
        #expect(abs(test.p - 0.1229579984901083) < 1e-7)
        #expect(abs(test.lower - -6.232473276763468) < 1e-6)
        #expect(abs(test.upper - 48.454695498985686) < 1e-6)
        // statsmodels multipletests([p, p], method="holm"): two shown schools.
        #expect(abs(test.pHolm - 0.245916) < 1e-6)
        #expect(test.direction == .none)
    }

    @Test func hiddenSchoolsAreLeftOutOfEveryMunicipalFigure() throws {
        let (municipal, schools, pooled) = try Self.analyze()
        let c = try #require(municipal.schools.first { $0.code == "c" })
        #expect(c.hidden && c.respondents == nil && c.indicators.isEmpty && c.coverage == nil)
        // The municipal figures are those of A and B alone: nothing is left to subtract.
        #expect(municipal.respondents == 22 && pooled.respondents == 22)
        #expect(municipal.contingent == 64)
        let alone = try MiniSurvey.analyze(MiniSurvey.waveA + MiniSurvey.waveB, minGroupSize: 5)
        for (item, reference) in zip(municipal.indicators, alone.indicators) {
            #expect(item.pooled == reference.figure)
        }
        // scipy: mean of the pooled index scores of A and B.
        #expect(abs((municipal.indicators.first { $0.id == "index" }?.scoreMean ?? 0) - 51.5151515151515) < 1e-9)
        let share = try #require(municipal.indicators.first { $0.id == "share" })
        let own = [schools["a"]!, schools["b"]!].compactMap { $0.indicators.first { $0.id == "share" }?.figure }
        #expect(share.meanOfSchools == own.reduce(0, +) / 2)
        #expect(share.schools == 2)
    }

    /// For any sizes, a school under the minimum never reaches the municipal figures or the tests.
    @Test func hiddenSchoolsNeverReachPublishedFigures() throws {
        let questionnaire = try MiniSurvey.questionnaire()
        var random = SeededRandom(seed: 12)
        for _ in 0..<40 {
            let count = 2 + random.int(below: 5)
            let units = (0..<count).map { SchoolUnit(code: "s\($0)", shortName: "Школа \($0)", fullName: "Школа \($0)", kind: .secondarySchool) }
            var data: [String: [Response]] = [:]
            for unit in units {
                let size = 1 + random.int(below: 9)
                data[unit.code] = (0..<size).map { _ in
                    var response = Response()
                    response["cls"] = .text(["5А", "10Б", "7В"][random.int(below: 3)])
                    for id in ["q1", "q2", "q3"] { response[id] = .option(String(1 + random.int(below: 4))) }
                    return response
                }
            }
            var analyzer = MunicipalAnalyzer(questionnaire: questionnaire, wave: "w", schools: units, respondents: data.mapValues(\.count))
            for unit in units { for response in data[unit.code]! { analyzer.add(response, school: unit.code) } }
            let (municipal, _, _) = analyzer.finish()
            let shownTotal = municipal.schools.compactMap(\.respondents).reduce(0, +)
            #expect(municipal.respondents == shownTotal)
            for school in municipal.schools where school.hidden {
                #expect((data[school.code]?.count ?? 0) < 5)
                #expect(school.indicators.isEmpty)
            }
            for school in municipal.shown { #expect(school.respondents == data[school.code]?.count) }
        }
    }

    @Test func restMomentsEqualDirectMoments() {
        // scipy.stats.ttest_ind(part, rest, equal_var=False), docs/reference/municipal_reference.py
        let whole = RunningMoments([3.0, 7.5, 1.25, 9.0, 4.0, 6.5, 2.0, 8.0, 5.5]), part = RunningMoments([7.5, 9.0, 2.0])
        let rest = ScoreMomentsArithmetic.subtract(.init(n: part.count, mean: part.mean!, standardDeviation: part.standardDeviation!),
                                                   from: .init(n: whole.count, mean: whole.mean!, standardDeviation: whole.standardDeviation!))
        #expect(rest?.n == 6)
        #expect(abs((rest?.mean ?? 0) - 4.708333333333333) < 1e-12)
        #expect(abs((rest?.standardDeviation ?? 0) - 2.451615113892608) < 1e-12)
        let test = WelchTTest(n1: 3, mean1: part.mean!, sd1: part.standardDeviation!, n2: rest!.n, mean2: rest!.mean, sd2: rest!.standardDeviation)
        #expect(abs((test?.t ?? 0) - 0.6201736729460425) < 1e-9)
        #expect(abs((test?.pValue ?? 0) - 0.580090879928975) < 1e-7)
        // Property: for random samples the subtraction equals the moments of the rest computed directly.
        var random = SeededRandom(seed: 3)
        for _ in 0..<200 {
            let values = (0..<(4 + random.int(below: 30))).map { _ in Double(random.int(below: 10_000)) / 100 }
            let cut = 1 + random.int(below: values.count - 3)
            let direct = RunningMoments(values[cut...])
            let first = RunningMoments(values[..<cut]), all = RunningMoments(values)
            let derived = ScoreMomentsArithmetic.subtract(.init(n: first.count, mean: first.mean!, standardDeviation: first.standardDeviation ?? 0),
                                                          from: .init(n: all.count, mean: all.mean!, standardDeviation: all.standardDeviation!))
            #expect(derived?.n == direct.count)
            #expect(abs((derived?.mean ?? .nan) - direct.mean!) < 1e-9)
            #expect(abs((derived?.standardDeviation ?? .nan) - direct.standardDeviation!) < 1e-7)
        }
    }
}
