import AnketaCore
import Foundation

/// Reads a units registry from a CSV (as saved from Excel: any encoding and delimiter the answer
/// exports may have) or a YAML file, reporting every problem with its file, line and column.
///
/// CSV columns (by header, in any order; `code`, `short_name` and `type` are required):
/// `code; short_name; full_name; type; levels; students; parents; teachers; aliases` — levels as
/// «НОО, ООО, СОО», aliases separated by «|». Russian headers are accepted too («код»,
/// «краткое наименование», «полное наименование», «тип», «уровни», «обучающиеся», «родители»,
/// «педагоги», «синонимы»).
///
/// ```swift
/// let units = try UnitRegistryLoader().load(contentsOf: URL(fileURLWithPath: "units.csv"))
/// ```
public struct UnitRegistryLoader: Sendable {
    public init() {}

    public func load(contentsOf url: URL, displayPath: String? = nil, warning: (Diagnostic) -> Void = { _ in }) throws -> [SchoolUnit] {
        let path = displayPath ?? url.relativePath
        switch url.pathExtension.lowercased() {
        case "yaml", "yml":
            guard let data = try? Data(contentsOf: url) else { throw CollectError.cannotRead(path) }
            guard let text = String(data: data, encoding: .utf8) else {
                throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), "файл не в кодировке UTF-8", hint: "сохраните файл в UTF-8")])
            }
            return try UnitListLoader().load(yaml: text, file: path)
        default:
            return try loadCSV(CSVReader(url: url), file: path, warning: warning)
        }
    }

    enum Field: String, CaseIterable {
        case code, shortName = "short_name", fullName = "full_name", type, levels, students, parents, teachers, aliases

        static let russian: [String: Field] = [
            "код": .code, "краткое наименование": .shortName, "краткое название": .shortName, "полное наименование": .fullName,
            "полное название": .fullName, "тип": .type, "уровни": .levels, "уровни образования": .levels, "обучающиеся": .students,
            "родители": .parents, "педагоги": .teachers, "синонимы": .aliases,
        ]

        init?(header: String) {
            let key = TextKey(header.hasPrefix("\u{FEFF}") ? String(header.dropFirst()) : header).value
            if let field = Field(rawValue: key.replacingOccurrences(of: " ", with: "_")) { self = field } else if let field = Field.russian[key] { self = field } else { return nil }
        }
    }

    func loadCSV(_ source: any RecordSource, file: String, warning: (Diagnostic) -> Void = { _ in }) throws -> [SchoolUnit] {
        var columns: [Field: Int]?
        var headers: [String] = []
        var problems: [Diagnostic] = []
        var units: [SchoolUnit] = []
        var lines: [Int?] = []
        try source.forEachRecord(warning: { problems.append($0) }) { record in
            guard let map = columns else {
                headers = record.fields
                var found: [Field: Int] = [:]
                for (index, header) in record.fields.enumerated() {
                    guard let field = Field(header: header) else {
                        problems.append(Diagnostic(.warning, at: SourceLocation(file: file, line: record.line, column: index + 1), path: header,
                                                   "столбец не распознан — пропущен",
                                                   hint: "столбцы: " + Field.allCases.map(\.rawValue).joined(separator: ", ")))
                        continue
                    }
                    found[field] = index
                }
                for field in [Field.code, .shortName, .type] where found[field] == nil {
                    problems.append(Diagnostic(at: SourceLocation(file: file, line: record.line), "нет обязательного столбца «\(field.rawValue)»",
                                               hint: "первая строка — заголовок: code, short_name, full_name, type, levels, students, parents, teachers, aliases"))
                }
                columns = found
                return
            }
            if record.fields.allSatisfy(\.isBlank) { return }
            if let problem = record.problem {
                problems.append(Diagnostic(at: SourceLocation(file: file, line: record.line), problem))
                return
            }
            func cell(_ field: Field) -> (text: String, place: SourceLocation, header: String)? {
                guard let index = map[field], index < record.fields.count else { return nil }
                return (record.fields[index].trimmed, SourceLocation(file: file, line: record.line, column: index + 1), headers[index])
            }
            var ok = true
            func fail(_ field: Field, _ message: String, hint: String? = nil) {
                let place = cell(field)
                problems.append(Diagnostic(at: place?.place ?? SourceLocation(file: file, line: record.line), path: place?.header ?? field.rawValue, message, hint: hint))
                ok = false
            }
            let code = cell(.code)?.text ?? ""
            if !SchoolUnit.isValidCode(code) {
                fail(.code, code.isEmpty ? "не указан код организации" : "код «\(code)» должен состоять из букв, цифр, «-» и «_» (до 40 знаков)")
            }
            let short = cell(.shortName)?.text ?? ""
            if short.isEmpty { fail(.shortName, "не указано краткое наименование") }
            let typeText = cell(.type)?.text ?? ""
            let kind = UnitKind(text: typeText)
            if kind == nil { fail(.type, typeText.isEmpty ? "не указан тип организации" : "неизвестный тип организации «\(typeText)»", hint: "допустимо: \(UnitKind.accepted)") }
            var levels: [SchoolLevel] = []
            for part in UnitListLoader.split(cell(.levels)?.text ?? "") {
                if let level = SchoolLevel(rawValue: part.uppercased()) { levels.append(level) } else { fail(.levels, "неизвестный уровень «\(part)»", hint: "допустимо: НОО, ООО, СОО") }
            }
            var contingent: [Audience: Int] = [:]
            for (field, audience) in [(Field.students, Audience.students), (.parents, .parents), (.teachers, .teachers)] {
                guard let text = cell(field)?.text, !text.isEmpty else { continue }
                if let number = Int(text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")), number >= 0 {
                    contingent[audience] = number
                } else {
                    fail(field, "«\(text)» — не целое неотрицательное число", hint: "укажите, сколько человек могли ответить, или оставьте пустым")
                }
            }
            let aliases = (cell(.aliases)?.text ?? "").split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty }
            guard ok, let kind else { return }
            let full = cell(.fullName)?.text ?? ""
            units.append(SchoolUnit(code: code, shortName: short, fullName: full.isEmpty ? short : full, kind: kind, levels: levels,
                                    contingent: contingent, aliases: aliases))
            lines.append(record.line)
        }
        if columns == nil { problems.append(Diagnostic(at: SourceLocation(file: file, line: 1), "файл пуст", hint: "первая строка — заголовок: code, short_name, type, …")) }
        if problems.contains(where: { $0.severity == .error }) { throw DiagnosticsError(problems) }
        problems.forEach(warning)
        do {
            _ = try UnitRegistry(units, file: file, lines: lines)
        } catch let error as DiagnosticsError {
            throw DiagnosticsError(error.diagnostics)
        }
        return units
    }
}
