import AnketaCore

/// Numbers and words of the municipal справка (decimal comma, units by method).
enum MunicipalWording {
    static func figure(_ value: Double?, method: Indicator.Method) -> String {
        guard let value else { return "—" }
        switch method {
        case .positiveShare, .levelShare: return RussianNumber.percent(value)
        case .meanScore: return RussianNumber.fixed(value, digits: 2)
        case .meanIndex, .sum: return RussianNumber.fixed(value, digits: 1)
        }
    }

    static func change(_ value: Double?, method: Indicator.Method) -> String {
        guard let value else { return "—" }
        switch method {
        case .positiveShare, .levelShare: return RussianNumber.signed(value) + "\u{00A0}п.\u{00A0}п."
        case .meanScore: return RussianNumber.signed(value, digits: 2)
        default: return RussianNumber.signed(value)
        }
    }

    static func interval(_ bounds: [Double]?, method: Indicator.Method) -> String {
        guard let bounds, bounds.count == 2 else { return "—" }
        let digits = method == .meanScore ? 2 : 1
        return "[\(RussianNumber.fixed(bounds[0], digits: digits)); \(RussianNumber.fixed(bounds[1], digits: digits))]"
    }

    static func pValue(_ p: Double?) -> String {
        guard let p else { return "—" }
        if p < 0.001 { return "< 0,001" }
        if p >= 0.9995 { return "1" }
        return RussianNumber.fixed(p, digits: 3)
    }

    /// The scale of a method, for notes: «доля положительных ответов, %», «средний балл».
    static func scale(_ method: Indicator.Method) -> String {
        switch method {
        case .positiveShare: "доля положительных ответов, %"
        case .meanIndex: "индекс от 0 до 100"
        case .meanScore: "средний балл"
        case .sum: "сумма баллов"
        case .levelShare: "доля респондентов на указанных уровнях, %"
        }
    }

    static func unit(_ method: Indicator.Method) -> String { method.isPercent ? "%" : "" }

    static func audienceGenitive(_ audience: Audience) -> String {
        audience == .parents ? "родителей (законных представителей)" : audience.genitivePlural
    }

    static let school = RussianPlural("школа", "школы", "школ")
    static let schoolGenitive = RussianPlural("школы", "школ", "школ")
    static let teacher = RussianPlural("педагог", "педагога", "педагогов")
    static let respondent = RussianPlural("респондент", "респондента", "респондентов")
}
