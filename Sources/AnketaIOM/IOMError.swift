/// Why individual profiles cannot be drawn up: says what is wrong and what to do.
public struct IOMError: Error, CustomStringConvertible, Sendable {
    private enum Code: Sendable {
        case anonymous(String)
        case noRespondentFields(String)
        case cannotWrite(String)
    }

    private let code: Code

    /// The questionnaire is anonymous: no answer may be traced back to a person.
    public static func anonymous(_ id: String) -> IOMError { IOMError(code: .anonymous(id)) }
    /// A named questionnaire without `respondent: {name: …}`.
    public static func noRespondentFields(_ id: String) -> IOMError { IOMError(code: .noRespondentFields(id)) }
    public static func cannotWrite(_ path: String) -> IOMError { IOMError(code: .cannotWrite(path)) }

    public var description: String {
        switch code {
        case .anonymous(let id):
            "ошибка: анкета «\(id)» анонимная — индивидуальный профиль (ИОМ) по ней составить нельзя\n  подсказка: используйте именной вариант анкеты (anonymous: false, блок respondent), например Questionnaires/teachers-professional-deficits-named.yaml"
        case .noRespondentFields(let id):
            "ошибка: в анкете «\(id)» не указано, какой вопрос содержит имя педагога\n  подсказка: добавьте respondent: {name: <id вопроса с ФИО>, consent: <id вопроса о согласии>}"
        case .cannotWrite(let path):
            "ошибка: не удалось записать \(path)\n  подсказка: проверьте, что папка доступна для записи и на диске есть место"
        }
    }
}
