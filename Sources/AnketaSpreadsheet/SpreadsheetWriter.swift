import CLibXLSXWriter
import Foundation

/// Writes one worksheet of an XLSX workbook row by row with Debian's libxlsxwriter, in constant
/// memory (each row goes to disk as it is written), into a temporary file that ``finish()`` moves
/// into place — a failed or cancelled export never leaves a half-written workbook behind.
///
/// ```swift
/// let writer = try SpreadsheetWriter(url: URL(fileURLWithPath: "ответы.xlsx"), sheetName: "Ответы")
/// try writer.writeHeader(["Отметка времени", "Класс"])
/// try writer.write([.text("01.04.2026 10:15"), .text("5А")])
/// try writer.finish()
/// ```
/// Text cells are written as strings, so `=1+1` stays text: nothing a respondent typed runs as a formula.
public final class SpreadsheetWriter {
    /// The most characters Excel keeps in one cell.
    public static let maximumCellLength = 32_767

    public let url: URL
    private let temporary: URL
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private let sheet: UnsafeMutablePointer<lxw_worksheet>
    private let bold: UnsafeMutablePointer<lxw_format>?
    private var row: UInt32 = 0
    private var widths: [Int] = []

    public init(url: URL, sheetName: String) throws {
        self.url = url
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        var options = lxw_workbook_options()
        options.constant_memory = 1
        guard let workbook = workbook_new_opt(temporary.path, &options),
              let sheet = workbook_add_worksheet(workbook, Self.sheetName(sheetName)) else {
            throw SpreadsheetError.cannotCreate(url.path)
        }
        self.workbook = workbook
        self.sheet = sheet
        bold = workbook_add_format(workbook)
        if let bold { format_set_bold(bold) }
    }

    deinit {
        cancel()
    }

    /// The header row, in bold, kept in view while scrolling.
    public func writeHeader(_ titles: [String]) throws {
        worksheet_freeze_panes(sheet, row + 1, 0)
        try write(titles.map { .text($0) }, format: bold)
    }

    /// Appends one row.
    public func write(_ cells: [SpreadsheetCell]) throws {
        try write(cells, format: nil)
    }

    private func write(_ cells: [SpreadsheetCell], format: UnsafeMutablePointer<lxw_format>?) throws {
        for (index, cell) in cells.enumerated() {
            let column = UInt16(clamping: index)
            let result: lxw_error
            switch cell {
            case .empty: continue
            case .number(let value): result = worksheet_write_number(sheet, row, column, value, format)
            case .text(let text):
                let length = text.utf16.count
                guard length <= Self.maximumCellLength else {
                    throw SpreadsheetError.cellTooLong(row: Int(row) + 1, column: index + 1, length: length)
                }
                if index >= widths.count { widths += Array(repeating: 0, count: index + 1 - widths.count) }
                widths[index] = max(widths[index], min(60, text.count))
                result = text.isEmpty ? LXW_NO_ERROR : worksheet_write_string(sheet, row, column, text, format)
            }
            guard result == LXW_NO_ERROR else { throw SpreadsheetError.library(url.path, String(cString: lxw_strerror(result))) }
        }
        row += 1
    }

    /// Closes the workbook and moves it into place.
    public func finish() throws {
        guard let workbook else { return }
        self.workbook = nil
        // Columns as wide as their longest text (up to 60 characters), so the file opens readable.
        for (index, width) in widths.enumerated() where width > 0 {
            worksheet_set_column(sheet, UInt16(clamping: index), UInt16(clamping: index), Double(max(8, width + 2)), nil)
        }
        let result = workbook_close(workbook)
        guard result == LXW_NO_ERROR else {
            try? FileManager.default.removeItem(at: temporary)
            throw SpreadsheetError.library(url.path, String(cString: lxw_strerror(result)))
        }
        do {
            if FileManager.default.fileExists(atPath: url.path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw SpreadsheetError.cannotCreate(url.path)
        }
    }

    /// Drops the workbook without writing it.
    public func cancel() {
        guard let workbook else { return }
        self.workbook = nil
        // libxlsxwriter has no "discard": close into the temporary file, then remove it.
        _ = workbook_close(workbook)
        try? FileManager.default.removeItem(at: temporary)
    }

    /// Excel's rules for a sheet name: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        return cleaned.isEmpty ? "Лист1" : cleaned
    }
}
