import AnketaCore
import AnketaDocument
import AnketaObjectivity
import AnketaResults

/// Russian words and numbers of the objectivity справка.
enum ObjectivityWording {
    static let student = RussianPlural("обучающийся", "обучающихся", "обучающихся")
    static let result = RussianPlural("результат", "результата", "результатов")
    static let schoolClass = RussianPlural("класс", "класса", "классов")
    static let subject = RussianPlural("предмет", "предмета", "предметов")
    static let point = RussianPlural("балл", "балла", "баллов")

    /// After «меньше»: «меньше 5 обучающихся», «меньше 21 обучающегося».
    static func studentsGenitive(_ count: Int) -> String {
        "\(count)\u{00A0}" + (count % 10 == 1 && count % 100 != 11 ? "обучающегося" : "обучающихся")
    }

    /// «ВПР», «административных контрольных работ» — after «по результатам».
    static func genitive(_ procedure: Procedure) -> String {
        procedure == .test ? "административных контрольных работ" : procedure.rawValue
    }

    /// «Математика (ВПР)».
    static func title(_ scope: ObjectivityGroup.Scope) -> String {
        let subject = scope.subject ?? "Все предметы"
        guard let procedure = scope.procedure else { return subject }
        return "\(subject) (\(procedure == .test ? "контрольная работа" : procedure.rawValue))"
    }

    /// «ВПР» or «контрольной работы» as the external mark's name in table headers.
    static func markName(_ procedures: [Procedure]) -> String {
        procedures.count == 1 ? (procedures[0] == .test ? "контрольной" : procedures[0].rawValue) : "внешней оценки"
    }

    /// A share as percent with one decimal: «48,0 %».
    static func percent(_ share: Double) -> String { RussianNumber.percent(share * 100) }

    /// A threshold as percent without needless decimals: «25 %», «12,5 %».
    static func threshold(_ share: Double) -> String { RussianNumber.plain(share * 100, maxDigits: 1) + "\u{00A0}%" }

    /// A 95 % interval of a share: «30,0–65,9 %».
    static func interval(_ share: ShiftShare) -> String {
        "\(RussianNumber.fixed(share.lower * 100))–\(RussianNumber.fixed(share.upper * 100))\u{00A0}%"
    }

    /// A p-value as a reader sees it: «p < 0,001» or «p = 0,032».
    static func p(_ value: Double) -> String {
        value < 0.001 ? "p < 0,001" : "p = \(RussianNumber.fixed(value, digits: 3))"
    }

    /// Strength of a correlation on the Chaddock scale used in Russian statistics textbooks.
    static func strength(_ rho: Double) -> String {
        switch abs(rho) {
        case ..<0.1: "практически отсутствует"
        case ..<0.3: "слабая"
        case ..<0.5: "умеренная"
        case ..<0.7: "заметная"
        case ..<0.9: "высокая"
        default: "весьма высокая"
        }
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
