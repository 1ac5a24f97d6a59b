/// Errors that stop reading a file as a whole (row-level problems go to the rejects file instead).
public struct CollectError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case cannotRead(String)
        case cannotWrite(String)
        case unsupportedEncoding(String, String)
        case parserFailure(String)
        case emptyFile(String)
        case noMatchingColumns(String)
        case ambiguousColumn(String, String)
    }

    private let code: Code

    public static func cannotRead(_ path: String) -> CollectError { CollectError(code: .cannotRead(path)) }
    public static func cannotWrite(_ path: String) -> CollectError { CollectError(code: .cannotWrite(path)) }
    public static func unsupportedEncoding(_ path: String, _ name: String) -> CollectError { CollectError(code: .unsupportedEncoding(path, name)) }
    public static func parserFailure(_ message: String) -> CollectError { CollectError(code: .parserFailure(message)) }
    public static func emptyFile(_ path: String) -> CollectError { CollectError(code: .emptyFile(path)) }
    public static func noMatchingColumns(_ path: String) -> CollectError { CollectError(code: .noMatchingColumns(path)) }
    public static func ambiguousColumn(_ path: String, _ message: String) -> CollectError { CollectError(code: .ambiguousColumn(path, message)) }

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
        case .noMatchingColumns(let path):
            "\(path):1: ошибка: ни один столбец не совпал с вопросами анкеты\n  подсказка: проверьте, что выбрана нужная анкета и что первая строка файла — заголовки"
        case let .ambiguousColumn(path, message):
            "\(path):1: ошибка: \(message)"
        }
    }
}
