/// Why a workbook could not be written: what failed, where, and what to do.
public struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case cannotCreate(String)
        case cellTooLong(row: Int, column: Int, length: Int)
        case library(String, String)
    }

    private let code: Code

    private init(_ code: Code) {
        self.code = code
    }

    static func cannotCreate(_ path: String) -> SpreadsheetError { SpreadsheetError(.cannotCreate(path)) }
    static func cellTooLong(row: Int, column: Int, length: Int) -> SpreadsheetError { SpreadsheetError(.cellTooLong(row: row, column: column, length: length)) }
    static func library(_ path: String, _ message: String) -> SpreadsheetError { SpreadsheetError(.library(path, message)) }

    public var description: String {
        switch code {
        case .cannotCreate(let path):
            return "\(path): ошибка: не удалось создать файл Excel\n  подсказка: проверьте, что папка существует и доступна для записи"
        case .cellTooLong(let row, let column, let length):
            return "ошибка: строка \(row), столбец \(column): в ячейке \(length) символов, а Excel вмещает не больше \(SpreadsheetWriter.maximumCellLength)\n"
                + "  подсказка: выгрузите эту волну в CSV (anketa export без --xlsx) — там длина не ограничена"
        case .library(let path, let message):
            return "\(path): ошибка: не удалось записать файл Excel (libxlsxwriter: \(message))\n  подсказка: проверьте место на диске и права на запись"
        }
    }
}
