import AnketaAnalysis
import AnketaCollect
import AnketaCore
import AnketaTestSupport
import Foundation
import Testing

/// A report from a file reads rows by question position (`readPositional`, `Analyzer.add(answers:)`);
/// its figures must equal those of the usual way (`read`, `Analyzer.add(_:)`) on any file.
@Suite("Report from a file, positional")
struct PositionalAnalysisTests {
    static func analyze(_ url: URL, _ questionnaire: Questionnaire, positional: Bool, minGroupSize: Int) throws -> AnalysisResult {
        var analyzer = Analyzer(questionnaire: questionnaire, wave: "2026", options: AnalysisOptions(minGroupSize: minGroupSize))
        let reader = try ResponseReader(url: url, questionnaire: questionnaire)
        reader.computesFingerprints = false
        if positional {
            try reader.readPositional { outcome in
                switch outcome {
                case .answers(let row): analyzer.add(answers: row.answers, submittedAt: row.submittedAt)
                case .other(.accepted(let row)): analyzer.add(row.response)
                case .other: break
                }
            }
        } else {
            try reader.read { outcome in
                if case .accepted(let row) = outcome { analyzer.add(row.response) }
            }
        }
        return analyzer.finish()
    }

    @Test("random exports give equal figures both ways (groupings by level and by free-text club included)",
          arguments: [11, 12, 13] as [UInt64])
    func randomFiles(seed: UInt64) throws {
        let questionnaire = try MiniSurvey.questionnaire(clubGrouping: true)
        var random = SeededRandom(seed: seed)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-positional-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("answers.csv")
        try Data(RandomAnswerFile.csv(questionnaire, rows: 600, random: &random)).write(to: url)
        for minGroupSize in [1, 5] {
            let usual = try Self.analyze(url, questionnaire, positional: false, minGroupSize: minGroupSize)
            let positional = try Self.analyze(url, questionnaire, positional: true, minGroupSize: minGroupSize)
            #expect(usual.respondents > 300)
            #expect(usual.breakdowns.contains { $0.groups.count >= 2 })
            #expect(positional == usual)
        }
    }
}
