import Foundation

/// An assessment procedure whose marks are set against the school's own.
public enum Procedure: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// Всероссийские проверочные работы.
    case vpr = "ВПР"
    /// Основной государственный экзамен (9th grade).
    case oge = "ОГЭ"
    /// Единый государственный экзамен (11th grade).
    case ege = "ЕГЭ"
    /// Национальные исследования качества образования.
    case niko = "НИКО"
    /// Региональные исследования качества образования.
    case riko = "РИКО"
    /// The school's own administrative test (административная контрольная работа).
    case test = "контрольная"

    /// Reads a procedure as schools write it: «ВПР», «впр», «Контрольная работа», «РИКО».
    public init?(text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "ё", with: "е")
        if key.isEmpty { return nil }
        if key.hasPrefix("контрольн") || key.hasPrefix("административн") || key == "акр" {
            self = .test
            return
        }
        guard let match = Procedure.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = match
    }

    /// Whether the procedure is external to the school (every one but the school's own test).
    public var isExternal: Bool { self != .test }
}
