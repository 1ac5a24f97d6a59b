import AnketaCore
import AnketaFindings

/// Russian words that depend on the audience and on numbers.
enum RussianWording {
    /// «347 родителей», «1 педагог», «22 обучающихся».
    static func participants(_ count: Int, _ audience: Audience) -> String {
        let plural: RussianPlural = switch audience {
        case .parents: RussianPlural("родитель (законный представитель)", "родителя (законных представителя)", "родителей (законных представителей)")
        case .teachers: RussianPlural("педагог", "педагога", "педагогов")
        case .students: RussianPlural("обучающийся", "обучающихся", "обучающихся")
        case .administration: RussianPlural("представитель администрации", "представителя администрации", "представителей администрации")
        }
        return plural(count)
    }

    /// A figure as read in text: «82,4 %», «67,9 балла из 100», «0,63», «21,4 балла».
    static func figure(_ value: Double?, method: Indicator.Method) -> String {
        guard let value else { return "—" }
        switch method {
        case .positiveShare: return RussianNumber.percent(value)
        case .meanIndex: return RussianNumber.fixed(value, digits: 1)
        case .meanScore: return RussianNumber.fixed(value, digits: 2)
        case .sum: return RussianNumber.fixed(value, digits: 1)
        case .levelShare: return RussianNumber.percent(value)
        }
    }

    /// A change in text: «+3,2 п. п.», «−0,05».
    static func change(_ value: Double?, method: Indicator.Method) -> String {
        guard let value else { return "—" }
        switch method {
        case .positiveShare, .levelShare: return RussianNumber.signed(value) + "\u{00A0}п.\u{00A0}п."
        case .meanScore: return RussianNumber.signed(value, digits: 2)
        default: return RussianNumber.signed(value)
        }
    }

    static func pValue(_ p: Double?) -> String {
        guard let p else { return "—" }
        if p < 0.001 { return "< 0,001" }
        return RussianNumber.fixed(p, digits: 3)
    }

    static func methodDescription(_ method: Indicator.Method) -> String {
        switch method {
        case .positiveShare:
            "доля положительных ответов (в процентах от всех ответов по вопросам показателя, без «затрудняюсь ответить» и пропусков)"
        case .meanIndex:
            "индекс от 0 до 100: ответ переводится в баллы шкалы, затем в долю от максимума; для каждого респондента берётся средний индекс по вопросам показателя (при ответе хотя бы на половину вопросов), показатель — среднее по респондентам"
        case .meanScore:
            "средний балл ответов (для каждого респондента — средний балл по вопросам показателя при ответе хотя бы на половину вопросов, показатель — среднее по респондентам)"
        case .sum:
            "сумма баллов по всем вопросам показателя (только у ответивших на все вопросы); показатель — средняя сумма, уровень определяется для каждого респондента"
        case .levelShare:
            "доля респондентов (в процентах от получивших оценку), чей собственный уровень по другому показателю входит в указанные уровни"
        }
    }

    static func unit(_ method: Indicator.Method) -> String {
        switch method {
        case .positiveShare, .levelShare: "%"
        case .meanIndex: "из 100"
        case .meanScore: "балла"
        case .sum: "баллов"
        }
    }

    /// Levels as ranges: «высокий — 80 % и выше», «средний — от 60 % до 80 %», «низкий — ниже 60 % (дефицит)».
    static func levelRanges(_ levels: [Level], method: Indicator.Method) -> [String] {
        levels.enumerated().map { index, level in
            let from = threshold(level.from, method: method)
            let text: String
            if index == 0 {
                text = "\(from) и выше"
            } else if index == levels.count - 1 {
                text = "ниже \(threshold(levels[index - 1].from, method: method))"
            } else {
                text = "от \(from) до \(threshold(levels[index - 1].from, method: method))"
            }
            return "\(level.name) — \(text)\(level.deficit ? " (дефицит)" : "")"
        }
    }
}

extension RussianWording {
    /// A threshold as written in a definition: «60 %», «50 из 100».
    static func threshold(_ value: Double, method: Indicator.Method) -> String {
        FindingWording.thresholdFigure(value, method: method)
    }

    /// The method in a few words, for the body's методика.
    static func methodShort(_ method: Indicator.Method) -> String {
        switch method {
        case .positiveShare: "доля положительных ответов по вопросам показателя"
        case .meanIndex: "индекс от 0 до 100 (средний балл, переведённый в долю от максимума шкалы)"
        case .meanScore: "средний балл ответов"
        case .sum: "сумма баллов респондента (показатель — средняя сумма; уровень определяется для каждого респондента)"
        case .levelShare: "доля респондентов, чей уровень по другому показателю входит в указанные уровни"
        }
    }
}
