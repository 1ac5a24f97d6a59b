/// The type of an educational organisation in a municipal registry.
public enum UnitKind: String, Sendable, Equatable, CaseIterable, Codable {
    /// Начальная общеобразовательная школа.
    case primarySchool = "НОШ"
    /// Средняя общеобразовательная школа (also ООШ, основная школа, is filed here).
    case secondarySchool = "СОШ"
    case lyceum = "лицей"
    case gymnasium = "гимназия"
    /// Образовательный центр.
    case educationCentre = "ОЦ"
    /// Специальная (коррекционная) общеобразовательная школа-интернат.
    case specialSchool = "С(К)ОШИ"

    /// Reads a type as people write it: «СОШ», «сош», «Лицей», «образовательный центр», «СКОШИ».
    public init?(text: String) {
        let key = TextKey(text).value.replacingOccurrences(of: " ", with: "")
        for kind in UnitKind.allCases where TextKey(kind.rawValue).value.replacingOccurrences(of: " ", with: "") == key {
            self = kind
            return
        }
        switch key {
        case "начальнаяшкола", "начальнаяобщеобразовательнаяшкола": self = .primarySchool
        case "средняяшкола", "средняяобщеобразовательнаяшкола", "оош", "основнаяшкола": self = .secondarySchool
        case "образовательныйцентр", "цо", "центробразования": self = .educationCentre
        case "скоши", "коррекционнаяшкола", "с(к)ош", "школа-интернат": self = .specialSchool
        default: return nil
        }
    }

    /// The accepted spellings, for hints.
    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
