import AnketaCollect
import AnketaCore
import Foundation

extension SpreadsheetWriter {
    /// A workbook of responses laid out as the CSV export lays them out (``ExportLayout``), with
    /// numbers as numbers.
    ///
    /// ```swift
    /// let layout = ExportLayout(questionnaire: questionnaire)
    /// let writer = try SpreadsheetWriter(layout: layout, url: url)
    /// try store.forEachResponse(in: wave) { try writer.write(layout: layout, $0.response) }
    /// try writer.finish()
    /// ```
    public convenience init(layout: ExportLayout, url: URL) throws {
        try self.init(url: url, sheetName: "Ответы")
        try writeHeader(layout.header)
    }

    /// Appends one response.
    public func write(layout: ExportLayout, _ response: Response) throws {
        try write(layout.cells(response).map { cell in
            switch cell {
            case .empty: .empty
            case .text(let text): .text(text)
            case .number(let value): .number(value)
            }
        })
    }
}
