/// A problem with the store, said so that the user knows what to do.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    private enum Code: Sendable {
        case cannotOpen(path: String, reason: String)
        case unknownQuestionnaire(String)
        case unknownWave(questionnaire: String, wave: String, unit: String?)
        case ambiguousWave(questionnaire: String, wave: String, units: [String])
        case versionConflict(id: String, version: Int)
        case storedDefinitionInvalid(id: String, reason: String)
        case database(String)
        case importInProgress(source: String)
        case importAbandoned
        case badServerURL(url: String, reason: String)
        case serverUnreachable(url: String, reason: String)
        case corruptAnswers(response: Int64, reason: String, offset: Int)
    }

    private let code: Code

    package static func cannotOpen(_ path: String, _ reason: String) -> StoreError { StoreError(code: .cannotOpen(path: path, reason: reason)) }
    package static func unknownQuestionnaire(_ id: String) -> StoreError { StoreError(code: .unknownQuestionnaire(id)) }
    package static func unknownWave(_ questionnaire: String, _ wave: String, _ unit: String?) -> StoreError {
        StoreError(code: .unknownWave(questionnaire: questionnaire, wave: wave, unit: unit))
    }
    package static func ambiguousWave(_ questionnaire: String, _ wave: String, _ units: [String]) -> StoreError {
        StoreError(code: .ambiguousWave(questionnaire: questionnaire, wave: wave, units: units))
    }
    package static func versionConflict(_ id: String, _ version: Int) -> StoreError { StoreError(code: .versionConflict(id: id, version: version)) }
    package static func storedDefinitionInvalid(_ id: String, _ reason: String) -> StoreError { StoreError(code: .storedDefinitionInvalid(id: id, reason: reason)) }
    package static func database(_ message: String) -> StoreError { StoreError(code: .database(message)) }
    package static func importInProgress(_ source: String) -> StoreError { StoreError(code: .importInProgress(source: source)) }
    package static func importAbandoned() -> StoreError { StoreError(code: .importAbandoned) }
    package static func badServerURL(_ url: String, _ reason: String) -> StoreError { StoreError(code: .badServerURL(url: url, reason: reason)) }
    package static func serverUnreachable(_ url: String, _ reason: String) -> StoreError { StoreError(code: .serverUnreachable(url: url, reason: reason)) }

    package static func corruptAnswers(_ response: Int64, _ reason: String, offset: Int) -> StoreError {
        StoreError(code: .corruptAnswers(response: response, reason: reason, offset: offset))
    }

    public var description: String {
        switch code {
        case let .cannotOpen(path, reason):
            "ошибка: не удалось открыть базу «\(path)»: \(reason)\n  подсказка: проверьте путь (--db) и права на запись в папку"
        case .unknownQuestionnaire(let id):
            "ошибка: анкеты «\(id)» нет в базе\n  подсказка: загрузите ответы командой anketa ingest Questionnaires/\(id).yaml <файл.csv> --wave <волна>; список анкет — anketa list"
        case let .unknownWave(questionnaire, wave, unit):
            "ошибка: в базе нет волны «\(wave)»\(unit.map { " (\($0))" } ?? "") анкеты «\(questionnaire)»\n  подсказка: список волн — anketa list"
        case let .ambiguousWave(questionnaire, wave, units):
            "ошибка: волна «\(wave)» анкеты «\(questionnaire)» есть у нескольких организаций: \(units.joined(separator: ", "))\n  подсказка: укажите --unit"
        case let .versionConflict(id, version):
            "ошибка: анкета «\(id)» версии \(version) уже загружена с другим содержанием\n  подсказка: если вопросы или баллы изменились, увеличьте version в YAML"
        case let .storedDefinitionInvalid(id, reason):
            "ошибка: сохранённое определение анкеты «\(id)» не читается: \(reason)"
        case .database(let message):
            "ошибка базы данных: \(message)"
        case .importInProgress(let source):
            "ошибка: файл «\(source)» уже загружается в эту волну другим процессом\n  подсказка: дождитесь конца той загрузки; если её процесс завершён, повторите через несколько минут"
        case .importAbandoned:
            "ошибка: загрузка прервана — её незавершённые строки были удалены как брошенные (процесс долго не писал в базу)\n  подсказка: загрузите файл снова; уже сохранённое не задвоится"
        case let .badServerURL(url, reason):
            "ошибка: адрес базы «\(url)» не понят: \(reason)\n  подсказка: адрес PostgreSQL пишется так: postgres://пользователь@сервер:5432/база (пароль — в переменной PGPASSWORD или после имени: пользователь:пароль@…)"
        case let .serverUnreachable(url, reason):
            "ошибка: не удалось подключиться к PostgreSQL «\(url)»: \(reason)\n  подсказка: проверьте, что сервер запущен и принимает подключения, а имя пользователя, пароль и база верны"
        case let .corruptAnswers(response, reason, offset):
            "ошибка: ответы анкеты № \(response) в базе повреждены и не читаются (\(reason), байт \(offset))\n  подсказка: восстановите базу из резервной копии; если копии нет, удалите эту анкету из базы и загрузите её файл снова"
        }
    }
}
