import AnketaCollect
import AnketaCore
import AnketaDocument
import AnketaReports
import Foundation

/// Writes the objectivity справка into one folder: `spravka.html`, `spravka.docx`, `spravka.md`,
/// `figures.json`, `groups.csv` (every subject and class, full precision) and `decisions.yaml`
/// (the draft of management decisions, written once and then the deputy director's to edit).
/// Each file goes to a temporary name first, so an interrupted run never leaves half a report.
public struct ObjectivityReportWriter: Sendable {
    public let input: ObjectivityReportInput

    public init(_ input: ObjectivityReportInput) {
        self.input = input
    }

    public static let decisionsFile = "decisions.yaml"

    static let decisionsHeader = [
        "Управленческие решения по итогам сопоставления отметок — черновик, составленный по выводам справки.",
        "Отредактируйте строки, удалите лишние или добавьте свои и запустите anketa objectivity снова:",
        "справка возьмёт решения из этого файла. Чтобы составить черновик заново, удалите файл.",
    ]

    @discardableResult
    public func write(to folder: URL) throws -> [URL] {
        var files = try ReportFolder(folder)
        let composer = ObjectivityComposer(input)
        try files.saveDocument(composer.compose())
        try files.saveJSON("figures.json", ObjectivityFigures(input))
        try files.keepOrCreate(Self.decisionsFile) { Data(composer.decisions.yaml(header: Self.decisionsHeader).utf8) }
        files.add([try writeGroups(to: folder)])
        return files.written
    }

    /// `groups.csv`: one row per subject, class and the total (UTF-8 with BOM, comma, dot decimals, full precision).
    func writeGroups(to folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("groups.csv")
        let writer = try CSVWriter(url: url)
        do {
            try writer.write(["level", "procedure", "subject", "class", "teacher", "n", "lowered", "lowered_share", "lowered_ci_low", "lowered_ci_high",
                              "confirmed", "confirmed_share", "raised", "raised_share", "mean_school", "mean_external", "mean_difference",
                              "paired_t", "paired_t_p", "wilcoxon_z", "wilcoxon_p", "spearman_rho", "spearman_ci_low", "spearman_ci_high", "flags"])
            let figures = ObjectivityFigures(input)
            let levels = figures.subjects.map { ("subject", $0) } + figures.classes.map { ("class", $0) } + figures.teachers.map { ("teacher", $0) } + (figures.overall.map { [("overall", $0)] } ?? [])
            for (level, g) in levels {
                try writer.write([level, g.procedure ?? "", g.subject ?? "", g.className ?? "", g.teacher ?? "", String(g.n),
                                  String(g.lowered.count), n(g.lowered.share), n(g.lowered.ciLow), n(g.lowered.ciHigh),
                                  String(g.confirmed.count), n(g.confirmed.share), String(g.raised.count), n(g.raised.share),
                                  n(g.meanSchool), n(g.meanExternal), n(g.meanDifference), n(g.pairedT), n(g.pairedTp),
                                  n(g.wilcoxonZ), n(g.wilcoxonP), n(g.spearmanRho), n(g.spearmanCiLow), n(g.spearmanCiHigh),
                                  g.flags.joined(separator: " ")])
            }
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
        return url
    }

    func n(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return "\(value)"
    }
}
