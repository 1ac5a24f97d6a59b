import AnketaObjectivity
import AnketaResults
import Testing
import AnketaTestSupport

/// Rows of one class: `pairs` are (external, school) marks.
func rows(_ className: String, _ pairs: [(Int, Int)], subject: String = "Математика", procedure: Procedure = .vpr) -> [ResultRow] {
    pairs.enumerated().map { index, pair in
        ResultRow(line: index + 2, student: "\(className)-\(index)", className: className,
                  grade: Int(className.prefix { $0.isNumber }) ?? 0, subject: subject, procedure: procedure,
                  externalMark: pair.0, schoolMark: pair.1)
    }
}

/// 14 lowered, 13 confirmed, 3 raised out of 30.
let inflatedClass: [(Int, Int)] = Array(repeating: (3, 4), count: 14) + Array(repeating: (4, 4), count: 13) + Array(repeating: (5, 4), count: 3)

@Suite("Objectivity analysis")
struct ObjectivityAnalysisTests {
    @Test func sharesWithWilsonIntervals() throws {
        let group = try #require(ObjectivityGroup(scope: .init(className: "6Б"), rows: rows("6Б", inflatedClass), thresholds: .init()))
        #expect(group.n == 30)
        #expect(group.lowered.count == 14 && group.confirmed.count == 13 && group.raised.count == 3)
        // scipy 1.17.1 binomtest(14, 30).proportion_ci(method="wilson") → (0.30232388907699753, 0.638577003801267)
        #expect(abs(group.lowered.lower - 0.30232388907699753) < 1e-12)
        #expect(abs(group.lowered.upper - 0.638577003801267) < 1e-12)
        #expect(abs(group.meanDifference - (-11.0 / 30)) < 1e-15)
        #expect(abs(group.meanSchool - 4) < 1e-15)
        #expect(group.flags == [ObjectivityGroup.Flag.lowered, .mismatch])   // 46,7 % > 25 %; 56,7 % > 50 %
        #expect(group.spearman == nil)                   // every school mark is 4: ρ undefined
    }

    @Test func thresholdsAndSmallClasses() throws {
        let tight = ResultsDefinition.Thresholds(lowered: 0.5, mismatch: 0.6, minStudents: 5)
        let group = try #require(ObjectivityGroup(scope: .init(), rows: rows("6Б", inflatedClass), thresholds: tight))
        #expect(group.flags.isEmpty)                      // 46,7 % is not above 50 %, 56,7 % not above 60 %
        let small = try #require(ObjectivityGroup(scope: .init(), rows: rows("5В", [(2, 5), (3, 5), (2, 4), (3, 4)]), thresholds: .init()))
        #expect(small.lowered.share == 1 && small.flags.isEmpty)   // four students: never flagged
        let exact = try #require(ObjectivityGroup(scope: .init(), rows: rows("5Г", [(3, 4), (4, 4), (4, 4), (4, 4)]),
                                                   thresholds: .init(lowered: 0.25, mismatch: 0.5, minStudents: 1)))
        #expect(exact.flags.isEmpty)                      // exactly 25 % is not above the threshold
    }

    @Test func groupsSubjectsAndClassesInNaturalOrder() {
        let all = rows("10А", [(4, 4), (3, 4), (5, 5)]) + rows("5Б", inflatedClass) + rows("5А", [(4, 4), (5, 5), (3, 3), (4, 5), (5, 4)])
            + rows("5А", [(4, 4), (3, 4)], subject: "Русский язык")
        let analysis = ObjectivityAnalysis(rows: all)
        #expect(analysis.subjects.map { $0.scope.subject } == ["Математика", "Русский язык"])
        #expect(analysis.classes.map { $0.scope.className } == ["5А", "5Б", "10А", "5А"])
        #expect(analysis.overall?.n == all.count)
        #expect(analysis.flagged.map { $0.scope.className } == ["5Б"])
        #expect(analysis.subjects.allSatisfy { $0.flags.isEmpty })   // only classes are flagged
    }

    @Test func sharesAlwaysAddUp() throws {
        var generator = SeededRandom(seed: 2026)
        for _ in 0..<300 {
            let n = Int.random(in: 1...35, using: &generator)
            let pairs = (0..<n).map { _ in (Int.random(in: 2...5, using: &generator), Int.random(in: 2...5, using: &generator)) }
            let group = try #require(ObjectivityGroup(scope: .init(), rows: rows("7А", pairs), thresholds: .init()))
            #expect(group.lowered.count + group.confirmed.count + group.raised.count == n)
            #expect(abs(group.meanExternal - group.meanSchool - group.meanDifference) < 1e-12)
            for share in [group.lowered, group.confirmed, group.raised] {
                #expect(share.lower <= share.share + 1e-12 && share.share <= share.upper + 1e-12)
            }
            #expect(group.flags.contains(ObjectivityGroup.Flag.lowered) == (n >= 5 && group.lowered.share > 0.25))
        }
    }
}

