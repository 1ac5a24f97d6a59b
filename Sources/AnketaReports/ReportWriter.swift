import AnketaAnalysis
import AnketaCollect
import AnketaCore
import AnketaDocument
import Foundation

/// Writes a справка in every format into one folder: `spravka.html`, `spravka.docx`, `spravka.md`,
/// `figures.json` and CSV tables. Each file is written to a temporary name and moved into place,
/// so an interrupted run never leaves a half-written report.
public struct ReportWriter: Sendable {
    public let input: ReportInput

    public init(_ input: ReportInput) {
        self.input = input
    }

    /// Writes everything and returns the files written.
    @discardableResult
    public func write(to folder: URL) throws -> [URL] {
        var files = try ReportFolder(folder)
        let composer = CertificateComposer(input)
        try files.saveDocument(composer.compose())
        try files.saveJSON("figures.json", ReportFigures(input))
        try files.saveJSON("findings.json", FindingsFigures(findings: composer.findings, decisions: composer.decisions))
        if let nonSurvey = input.nonSurvey { try files.saveJSON("non-survey.json", NonSurveyFigures(nonSurvey)) }
        // The decisions draft is written once: after that it is the deputy director's file, edited
        // by hand and read back by `anketa report` (see `docs/decisions-format.md`).
        try files.keepOrCreate(Self.decisionsFile) { Data(composer.decisions.yaml(header: Self.decisionsHeader).utf8) }
        files.add(try FigureTables(input).write(to: folder))
        removeStale(in: folder, keeping: Set(files.written.map(\.lastPathComponent)))
        return files.written
    }

    /// Writes only the figures (`figures.json`): for scripts and benchmarks that need no document.
    @discardableResult
    public func writeFigures(to folder: URL) throws -> [URL] {
        var files = try ReportFolder(folder)
        try files.saveJSON("figures.json", ReportFigures(input))
        return files.written
    }

    /// The decisions file in a report folder.
    public static let decisionsFile = "decisions.yaml"

    static let decisionsHeader = [
        "Управленческие решения по итогам анкетирования — черновик, составленный по выводам справки.",
        "Отредактируйте строки (мероприятие, срок, ответственный, итоговый документ), удалите лишние",
        "или добавьте свои и сформируйте справку снова той же командой: anketa report возьмёт решения",
        "из этого файла. Чтобы составить черновик заново, удалите файл.",
        "target — показатель или вопрос, по которому через год справка покажет результат (--previous-decisions).",
    ]

    /// Removes figure tables an earlier run wrote that this one did not (e.g. `dynamics.csv` after a
    /// run without `--compare`), so the folder never mixes two reports. Other files are left alone.
    private func removeStale(in folder: URL, keeping: Set<String>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let fixed: Set<String> = ["indicators.csv", "questions.csv", "options.csv", "deficit-map.csv", "dynamics.csv", "trend.csv"]
        for name in names where !keeping.contains(name) {
            let ours = fixed.contains(name) || (name.hasSuffix(".csv")
                && ["breakdown-", "tests-", "question-tests-"].contains(where: name.hasPrefix))
            if ours { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
    }
}
