import Foundation
import Yams

/// Loads a units registry written in YAML, reporting every problem with file, line and column.
///
/// ```yaml
/// units:
///   - code: sosh5
///     short_name: СОШ № 5
///     full_name: Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»
///     type: СОШ
///     levels: [НОО, ООО, СОО]
///     contingent: {students: 540, parents: 540, teachers: 42}
///     aliases: [школа № 5, МБОУ СОШ 5]
/// ```
/// The same columns in a CSV are read by `UnitRegistryLoader` in AnketaCollect.
public struct UnitListLoader: Sendable {
    public init() {}

    public func load(yaml: String, file: String) throws -> [SchoolUnit] {
        var reader = DefinitionReader(file: file)
        guard let root = try reader.compose(yaml) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "файл пуст",
                                               hint: "начните с ключа units: и списка организаций")])
        }
        var units: [SchoolUnit] = []
        var lines: [Int?] = []
        if let map = reader.mapping(root, "", allowed: ["units"]) {
            for (index, node) in reader.sequence(map, "units", "", parent: root, required: true).enumerated() {
                let path = "units[\(index)]"
                guard let item = reader.mapping(node, path, allowed: ["code", "short_name", "full_name", "type", "levels", "contingent", "aliases"]) else { continue }
                let code = reader.string(item, "code", path, parent: node) ?? ""
                if !code.isEmpty, !SchoolUnit.isValidCode(code) {
                    reader.error(item["code"], reader.join(path, "code"), "код «\(code)» должен состоять из букв, цифр, «-» и «_» (до 40 знаков)")
                }
                let short = reader.string(item, "short_name", path, parent: node) ?? ""
                let full = reader.string(item, "full_name", path, parent: node, required: false) ?? short
                let typeText = reader.string(item, "type", path, parent: node) ?? ""
                let kind = UnitKind(text: typeText)
                if kind == nil, !typeText.isEmpty {
                    reader.error(item["type"], reader.join(path, "type"), "неизвестный тип организации «\(typeText)»", hint: "допустимо: \(UnitKind.accepted)")
                }
                var levels: [SchoolLevel] = []
                for text in reader.strings(item, "levels", path) {
                    for part in UnitListLoader.split(text) {
                        if let level = SchoolLevel(rawValue: part.uppercased()) { levels.append(level) } else {
                            reader.error(item["levels"], reader.join(path, "levels"), "неизвестный уровень «\(part)»", hint: "допустимо: НОО, ООО, СОО")
                        }
                    }
                }
                var contingent: [Audience: Int] = [:]
                if let node = item["contingent"], let counts = reader.mapping(node, reader.join(path, "contingent"), allowed: Set(Audience.allCases.map(\.rawValue))) {
                    for (key, value) in counts {
                        guard let audience = Audience(rawValue: key) else { continue }
                        if let number = value.scalar.flatMap({ Int($0.string) }), number >= 0 { contingent[audience] = number } else {
                            reader.error(value, reader.join(path, "contingent.\(key)"), "ожидалось целое неотрицательное число")
                        }
                    }
                }
                if let kind {
                    lines.append(node.mark?.line)
                    units.append(SchoolUnit(code: code, shortName: short, fullName: full, kind: kind, levels: levels,
                                            contingent: contingent, aliases: reader.strings(item, "aliases", path)))
                }
            }
        }
        if reader.diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(reader.diagnostics) }
        _ = try UnitRegistry(units, file: file, lines: lines)
        return units
    }

    /// «НОО, ООО; СОО» → the three parts.
    public static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { ",;| ".contains($0) }).map(String.init).filter { !$0.isEmpty }
    }
}
