import AnketaAnalysis
import AnketaCollect
import AnketaCore
import AnketaDocument
import AnketaReports
import AnketaSpreadsheet
import AnketaStore
import Foundation
import Hummingbird

/// A run's downloads: the answers as CSV (UTF-8 with commas; Windows-1251 with «;» for Russian
/// Excel) and as an Excel workbook, and the справка (HTML, DOCX) with dynamics against the previous
/// run. Text cells that a spreadsheet would run as formulas are protected in every format.
struct DownloadController: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/runs/:id/responses.csv", use: exportCSV)
        router.get("/admin/runs/:id/responses-excel.csv", use: exportExcelCSV)
        router.get("/admin/runs/:id/responses.xlsx", use: exportXLSX)
        router.get("/admin/runs/:id/report.html", use: reportHTML)
        router.get("/admin/runs/:id/report.docx", use: reportDOCX)
    }

    /// A temporary file for an export, removed after `body` has read it.
    private func temporaryFile(_ suffix: String, _ body: (URL) async throws -> [UInt8]) async throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-export-\(Tokens.hex(bytes: 8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder.appendingPathComponent("export.\(suffix)"))
    }

    private func csv(_ request: Request, _ context: AppRequestContext, excel: Bool) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            let (_, wave, questionnaire) = try await app.consoleRun(context, for: user)
            let bytes = try await temporaryFile("csv") { url in
                let writer = try CSVWriter(url: url, encoding: excel ? .windows1251 : .utf8, delimiter: UInt8(ascii: excel ? ";" : ","),
                                           bom: !excel, crlf: true)
                let layout = ExportLayout(questionnaire: questionnaire, decimalComma: excel)
                do {
                    try writer.write(layout.header)
                    try await app.store.forEachResponse(in: wave) { try writer.write(layout.row($0.response)) }
                    try writer.finish()
                } catch {
                    writer.cancel()
                    throw error
                }
                return [UInt8](try Data(contentsOf: url))
            }
            return Reply.file(bytes, contentType: excel ? "text/csv; charset=windows-1251" : "text/csv; charset=utf-8",
                              filename: "\(questionnaire.id)-\(wave.name)\(excel ? "-excel" : "").csv")
        }
    }

    @Sendable func exportCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await csv(request, context, excel: false)
    }

    @Sendable func exportExcelCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await csv(request, context, excel: true)
    }

    @Sendable func exportXLSX(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            let (_, wave, questionnaire) = try await app.consoleRun(context, for: user)
            let bytes = try await temporaryFile("xlsx") { url in
                let layout = ExportLayout(questionnaire: questionnaire)
                let writer = try SpreadsheetWriter(layout: layout, url: url)
                do {
                    try await app.store.forEachResponse(in: wave) { try writer.write(layout: layout, $0.response) }
                    try writer.finish()
                } catch {
                    writer.cancel()
                    throw error
                }
                return [UInt8](try Data(contentsOf: url))
            }
            return Reply.file(bytes, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              filename: "\(questionnaire.id)-\(wave.name).xlsx")
        }
    }

    /// The same справка as `anketa report`: dynamics against the previous run of the same
    /// questionnaire and unit, охват and framing from the organisation profile (`serve --org`), and
    /// the grouping chosen on the run's page (`?by=`).
    private func reportInput(_ request: Request, _ context: AppRequestContext, user: ConsoleUser) async throws -> (ReportInput, Wave) {
        let (_, wave, questionnaire) = try await app.consoleRun(context, for: user)
        let by = request.uri.queryParameters.get("by").flatMap { id in questionnaire.groupings.first { $0.id == id }?.id }
        let options = AnalysisOptions(minGroupSize: app.configuration.minGroupSize, groupings: by.map { [$0] })
        func analyze(_ wave: Wave) async throws -> AnalysisResult {
            var analyzer = Analyzer(questionnaire: questionnaire, wave: wave.displayName, options: options)
            try await app.store.forEachResponse(in: wave) { analyzer.add($0.response) }
            return analyzer.finish()
        }
        // Every earlier run of the questionnaire for the school: the last for the dynamics, all of
        // them (two or more) for the trend over the years, as `anketa report --trend` does.
        var history: [AnalysisResult] = []
        for earlier in try await app.earlierWaves(of: wave) { history.append(try await analyze(earlier)) }
        let formatter = DateFormatter()
        formatter.timeZone = app.clock.timeZone
        formatter.dateFormat = "dd.MM.yyyy"
        var input = ReportInput(questionnaire: questionnaire, result: try await analyze(wave), previous: history.last,
                                organization: wave.unit.isEmpty ? nil : wave.unit, mapGrouping: by,
                                date: formatter.string(from: Date()), profile: app.configuration.organization)
        input.history = history
        return (input, wave)
    }

    @Sendable func reportHTML(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            let (input, _) = try await reportInput(request, context, user: user)
            return Reply.html(HTMLRenderer().render(CertificateComposer(input).compose()))
        }
    }

    @Sendable func reportDOCX(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            let (input, wave) = try await reportInput(request, context, user: user)
            let data = try DOCXRenderer().render(CertificateComposer(input).compose())
            return Reply.file([UInt8](data), contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                              filename: "справка-\(input.questionnaire.id)-\(wave.name).docx")
        }
    }
}
