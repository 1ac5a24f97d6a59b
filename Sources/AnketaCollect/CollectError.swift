import AnketaCore

/// Errors that stop reading a file as a whole (row-level problems go to the rejects file instead).
public struct CollectError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case cannotRead(String)
        case cannotWrite(String)
        case unsupportedEncoding(String, String)
        case parserFailure(String)
        case emptyFile(String)
        case noMatchingColumns(String, readAs: String?, firstHeader: String?)
        case ambiguousColumn(String, String)
        case malformedCSV(String, line: Int, String)
        case workbookAsCSV(String)
        case notAWorkbook(String)
        case noWorksheet(String)
        case damagedWorkbook(String, part: String, row: Int?, String)
        case workbookLimit(String, part: String, row: Int?, String)
    }

    private let code: Code

    public static func cannotRead(_ path: String) -> CollectError { CollectError(code: .cannotRead(path)) }
    public static func cannotWrite(_ path: String) -> CollectError { CollectError(code: .cannotWrite(path)) }
    public static func unsupportedEncoding(_ path: String, _ name: String) -> CollectError { CollectError(code: .unsupportedEncoding(path, name)) }
    public static func parserFailure(_ message: String) -> CollectError { CollectError(code: .parserFailure(message)) }
    public static func emptyFile(_ path: String) -> CollectError { CollectError(code: .emptyFile(path)) }
    /// No header matched a question; `readAs` says how the file was read and `firstHeader` shows
    /// what the first header became, so that a wrong encoding or delimiter is visible.
    public static func noMatchingColumns(_ path: String, readAs: String? = nil, firstHeader: String? = nil) -> CollectError {
        CollectError(code: .noMatchingColumns(path, readAs: readAs, firstHeader: firstHeader))
    }
    public static func ambiguousColumn(_ path: String, _ message: String) -> CollectError { CollectError(code: .ambiguousColumn(path, message)) }
    /// The CSV structure is broken at a line (a cell or a record beyond any limit).
    public static func malformedCSV(_ path: String, line: Int, _ message: String) -> CollectError {
        CollectError(code: .malformedCSV(path, line: line, message))
    }
    /// A `.csv` that is a zip (an Excel workbook renamed).
    public static func workbookAsCSV(_ path: String) -> CollectError { CollectError(code: .workbookAsCSV(path)) }
    /// A `.xlsx` that is not a zip at all.
    public static func notAWorkbook(_ path: String) -> CollectError { CollectError(code: .notAWorkbook(path)) }
    /// A zip without the worksheet its workbook names.
    public static func noWorksheet(_ path: String) -> CollectError { CollectError(code: .noWorksheet(path)) }
    /// A part of the workbook does not read to its end or contradicts itself; `row` is the sheet row reached.
    public static func damagedWorkbook(_ path: String, part: String, row: Int? = nil, _ message: String) -> CollectError {
        CollectError(code: .damagedWorkbook(path, part: part, row: row, message))
    }
    /// A part of the workbook is beyond a size limit (a zip bomb or not a form export).
    public static func workbookLimit(_ path: String, part: String, row: Int? = nil, _ message: String) -> CollectError {
        CollectError(code: .workbookLimit(path, part: part, row: row, message))
    }

    public var description: String {
        switch code {
        case .cannotRead(let path):
            "\(path): ошибка: не удалось прочитать файл\n  подсказка: проверьте путь и права доступа"
        case .cannotWrite(let path):
            "\(path): ошибка: не удалось записать файл\n  подсказка: проверьте, что папка существует и файл не открыт в другой программе"
        case let .unsupportedEncoding(path, name):
            "\(path): ошибка: кодировка \(name) не поддерживается\n  подсказка: сохраните файл как «CSV UTF-8» или «CSV (разделители — точки с запятой)»"
        case .parserFailure(let message):
            "ошибка разбора CSV: \(message)"
        case .emptyFile(let path):
            "\(path):1: ошибка: файл пуст — нет строки заголовков"
        case let .noMatchingColumns(path, readAs, firstHeader):
            {
                var text = "\(path):1: ошибка: ни один столбец не совпал с вопросами анкеты"
                if let readAs { text += "\n  файл прочитан так: \(readAs)" }
                if let firstHeader { text += "\n  первый заголовок: «\(firstHeader.count > 60 ? String(firstHeader.prefix(60)) + "…" : firstHeader)»" }
                text += "\n  подсказка: если заголовки выше искажены, укажите кодировку (--encoding) или разделитель (--delimiter); "
                    + "иначе проверьте, что выбрана нужная анкета и что первая строка файла — заголовки"
                return text
            }()
        case let .ambiguousColumn(path, message):
            "\(path):1: ошибка: \(message)"
        case let .malformedCSV(path, line, message):
            "\(path):\(line): ошибка: \(message)\n  подсказка: откройте файл в редакторе таблиц, исправьте эту строку и сохраните как CSV"
        case .workbookAsCSV(let path):
            "\(path): ошибка: это книга Excel (XLSX), а не CSV\n  подсказка: дайте файлу расширение .xlsx или сохраните его из Excel как CSV"
        case .notAWorkbook(let path):
            "\(path): ошибка: файл не читается как книга Excel (XLSX): это не zip-архив или он обрезан\n  подсказка: откройте его в Excel и сохраните как «Книга Excel (.xlsx)» или как CSV"
        case .noWorksheet(let path):
            "\(path): ошибка: в книге Excel нет листа с данными\n  подсказка: откройте книгу в Excel, проверьте, что ответы на первом листе, и сохраните её заново"
        case let .damagedWorkbook(path, part, row, message):
            "\(path)\(row.map { ":\($0)" } ?? ""): ошибка: книга Excel повреждена (часть \(part)): \(message)"
                + "\n  подсказка: откройте книгу в Excel и сохраните заново или выгрузите ответы ещё раз"
        case let .workbookLimit(path, part, row, message):
            "\(path)\(row.map { ":\($0)" } ?? ""): ошибка: книга Excel слишком велика (часть \(part)): \(message)"
                + "\n  подсказка: это не похоже на выгрузку анкеты; сохраните нужный лист как CSV"
        }
    }
}

extension RussianPlural {
    /// «в 1 строке», «в 3 строках», «в 5 строках» (prepositional).
    static let rowIn = RussianPlural("строке", "строках", "строках")
}
