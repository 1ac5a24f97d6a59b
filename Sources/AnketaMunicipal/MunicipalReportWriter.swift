import AnketaAnalysis
import AnketaCollect
import AnketaCore
import AnketaDocument
import AnketaReports
import Foundation

/// Writes the municipal справка (`spravka.html`, `.docx`, `.md`), its figures (`municipal.json`,
/// `schools.csv`) and, for a batch, every school's own справка in `schools/<code>/` with the
/// municipal value beside the school's figures. Every file is written to a temporary name and
/// moved into place (`ReportFolder`).
public struct MunicipalReportWriter: Sendable {
    public let input: MunicipalReportInput

    public init(_ input: MunicipalReportInput) {
        self.input = input
    }

    /// The municipal справка and its figures.
    @discardableResult
    public func write(to folder: URL) throws -> [URL] {
        var files = try ReportFolder(folder)
        try files.saveDocument(MunicipalComposer(input).compose())
        try files.saveJSON("municipal.json", MunicipalFiguresFile(result: input.result, audienceMap: input.audienceMap, dynamics: input.dynamics))
        try files.save("schools.csv", Data(schoolsCSV().utf8))
        return files.written
    }

    /// Every school's справка (with the municipal value) under `folder/schools/<code>/`.
    /// Returns the folders written, by unit code.
    public func writeSchools(_ schools: [String: AnalysisResult], to folder: URL, previous: [String: AnalysisResult] = [:]) throws -> [(code: String, folder: URL)] {
        var written: [(code: String, folder: URL)] = []
        for unit in input.units {
            guard let own = schools[unit.code] else { continue }
            var report = ReportInput(questionnaire: input.questionnaire, result: own, previous: previous[unit.code], organization: unit.shortName,
                                     population: unit.contingent[input.questionnaire.audience], date: input.date, profile: unit.profile,
                                     academicYear: input.academicYear)
            report.benchmark = benchmark(for: unit.code)
            let target = folder.appendingPathComponent("schools").appendingPathComponent(unit.code)
            // The school's edited decisions (its decisions.yaml from an earlier run) are kept.
            let decisions = target.appendingPathComponent(ReportWriter.decisionsFile)
            if FileManager.default.fileExists(atPath: decisions.path) {
                report.decisions = try DecisionLoader().load(contentsOf: decisions, displayPath: decisions.relativePath)
            }
            try ReportWriter(report).write(to: target)
            written.append((unit.code, target))
        }
        return written
    }

    /// The municipal values beside one school's figures.
    public func benchmark(for code: String) -> ReportBenchmark {
        let school = input.result.schools.first { $0.code == code }
        let entries = input.result.indicators.map { item -> ReportBenchmark.Entry in
            let reversed = input.questionnaire.indicators.first { $0.id == item.id }?.direction == .lowerIsBetter
            let verdict: String? = school?.indicators.first { $0.id == item.id }?.comparison.map { test in
                switch test.direction {
                case .above: reversed ? "значимо выше (хуже)" : "значимо выше"
                case .below: reversed ? "значимо ниже (лучше)" : "значимо ниже"
                case .none: "без значимых отличий"
                }
            }
            return ReportBenchmark.Entry(id: item.id, figure: item.pooled, verdict: verdict)
        }
        let shown = input.result.shown.count
        return ReportBenchmark(note: "Муниципальное значение — показатель по ответам всех участников \(shown) \(MunicipalWording.schoolGenitive.form(shown)) муниципалитета (волна «\(input.result.wave)»). Сравнение с другими школами — t-критерий Уэлча по средним баллам респондентов с поправкой Холма на число школ.",
                               indicators: entries)
    }

    /// One row per school and indicator, full precision, for spreadsheets.
    func schoolsCSV() -> String {
        var lines = ["code;school;hidden;respondents;contingent;coverage;indicator;figure;level;deficit;score_mean;ci_low;ci_high;difference;diff_low;diff_high;p;p_holm;direction"]
        func field(_ text: String) -> String { CSVCell.safe(text) }
        func number(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        for school in input.result.schools {
            if school.hidden {
                lines.append([field(school.code), field(school.name), "1", "", school.contingent.map(String.init) ?? "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""].joined(separator: ";"))
                continue
            }
            for own in school.indicators {
                let test = own.comparison
                lines.append([field(school.code), field(school.name), "0", school.respondents.map(String.init) ?? "", school.contingent.map(String.init) ?? "",
                              number(school.coverage), field(own.id), number(own.figure), field(own.level ?? ""), own.deficit ? "1" : "0",
                              number(own.scoreMean), number(own.interval?.first), number(own.interval?.last), number(test?.difference),
                              number(test?.lower), number(test?.upper), number(test?.p), number(test?.pHolm), test?.direction.rawValue ?? ""].joined(separator: ";"))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// `municipal.json`: the municipal figures and the cross-audience map.
struct MunicipalFiguresFile: Encodable {
    var result: MunicipalResult
    var audienceMap: AudienceMap?
    var dynamics: MunicipalDynamics?
}

/// A CSV cell that is safe in Excel: quoted when needed, a formula-looking start neutralised.
enum CSVCell {
    static func safe(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        if value.contains(where: { ";\"\n\r".contains($0) }) { value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return value
    }
}
