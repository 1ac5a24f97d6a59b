/// The municipality's organisations, and the matching of a school's name as typed in an export
/// («Школа №5», «МБОУ СОШ № 5», «сош 5») to one of them.
///
/// Names are compared like answers (`TextKey`: case, «ё», quotes, spaces and «№ 5»/«№5» ignored),
/// and also without a leading legal form (МБОУ, МАОУ, МКОУ, ГБОУ…). A name that fits two units is
/// ambiguous and matches neither.
///
/// ```swift
/// let registry = try UnitRegistry(units)
/// registry.match("мбоу сош №5")?.code // "sosh5"
/// ```
public struct UnitRegistry: Sendable, Equatable {
    public let units: [SchoolUnit]
    private let byKey: [String: Int]
    /// Keys that belong to more than one unit (only through the legal-form-free form: the
    /// registry refuses a clash of whole names).
    private let ambiguous: Set<String>

    /// Builds the registry; throws when two units share a code or a name.
    public init(_ units: [SchoolUnit], file: String = "реестр", lines: [Int?] = []) throws {
        func place(_ index: Int) -> SourceLocation {
            SourceLocation(file: file, line: index < lines.count ? lines[index] : nil)
        }
        var byKey: [String: Int] = [:]
        var ambiguous: Set<String> = []
        var problems: [Diagnostic] = []
        var codes: [String: Int] = [:]
        for (index, unit) in units.enumerated() {
            if let other = codes[unit.code.lowercased()] {
                problems.append(Diagnostic(at: place(index), path: unit.code,
                                           "код «\(unit.code)» повторяется (организации \(other + 1) и \(index + 1))",
                                           hint: "у каждой организации должен быть свой код"))
            }
            codes[unit.code.lowercased()] = index
            for name in [unit.code, unit.shortName, unit.fullName] + unit.aliases {
                let whole = UnitRegistry.key(name)
                guard !whole.isEmpty else { continue }
                if let other = byKey[whole], other != index {
                    problems.append(Diagnostic(at: place(index), path: unit.code,
                                               "название «\(name)» уже принадлежит организации «\(units[other].shortName)» (\(units[other].code))",
                                               hint: "одно название может относиться только к одной организации; уберите его из синонимов"))
                }
                byKey[whole] = index
            }
        }
        // The forms without a legal form («СОШ № 5» for «МБОУ СОШ № 5»), unless they clash.
        for (index, unit) in units.enumerated() {
            for name in [unit.shortName, unit.fullName] + unit.aliases {
                let bare = UnitRegistry.key(name, dropLegalForm: true)
                guard !bare.isEmpty else { continue }
                if let other = byKey[bare], other != index { ambiguous.insert(bare) } else { byKey[bare] = index }
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        self.units = units
        self.byKey = byKey
        self.ambiguous = ambiguous
    }

    /// The unit a typed name stands for, or `nil` (unknown or ambiguous).
    public func match(_ text: String) -> SchoolUnit? {
        for key in [UnitRegistry.key(text), UnitRegistry.key(text, dropLegalForm: true)] where !key.isEmpty {
            if ambiguous.contains(key) { return nil }
            if let index = byKey[key] { return units[index] }
        }
        return nil
    }

    public func unit(code: String) -> SchoolUnit? {
        units.first { $0.code == code } ?? units.first { $0.code.lowercased() == code.lowercased() }
    }

    /// Legal forms that precede a school's name in official and typed names.
    static let legalForms: Set<String> = ["мбоу", "маоу", "мкоу", "моу", "гбоу", "гоу", "гкоу", "чоу", "ноу", "мобу", "оу"]

    /// A name reduced for matching: `TextKey`, then «№ 5», «№5» and «N 5» alike; optionally without the legal form.
    public static func key(_ text: String, dropLegalForm: Bool = false) -> String {
        var value = TextKey(text).value
        value = value.replacingOccurrences(of: "№ ", with: "№")
        var words = value.split(separator: " ").map(String.init)
        // «N5», «n 5», «no 5» are typed for «№».
        for index in words.indices where ["n", "no", "nº"].contains(words[index]) && index + 1 < words.count && words[index + 1].first?.isNumber == true {
            words[index] = "№"
        }
        value = words.joined(separator: " ").replacingOccurrences(of: "№ ", with: "№")
        if dropLegalForm {
            var parts = value.split(separator: " ").map(String.init)
            while let first = parts.first, legalForms.contains(first), parts.count > 1 { parts.removeFirst() }
            value = parts.joined(separator: " ")
        }
        return value
    }
}
