import AnketaCore
import Foundation

/// Which registered unit each row of a municipal export belongs to, read from its school column.
///
/// A first pass over the file reads only that column: rows whose school matches a unit of the
/// registry (compared like answers, see ``UnitRegistry``) are routed to it; the others are kept,
/// whole, as rejected rows with the reason and the value, for the rejects file.
///
/// ```swift
/// let split = try UnitSplit(url: url, column: "Образовательная организация", questionnaire: q, registry: registry)
/// split.unit(ofLine: 2)?.code // "sosh5"
/// ```
public struct UnitSplit: Sendable {
    /// The school column (0-based) and its header.
    public let column: Int
    public let header: String
    /// Unit index (into `registry.units`) by file line.
    private var unitOfLine: [Int: Int] = [:]
    /// Rows whose school is missing or unknown, by line.
    public private(set) var unmatched: [Int: RejectedRow] = [:]
    public let registry: UnitRegistry
    /// Rows per unit index.
    public private(set) var rowsPerUnit: [Int: Int] = [:]
    /// Distinct typed names per unit index (to show how one school was typed).
    public private(set) var spellings: [Int: Set<String>] = [:]

    /// `column` is a header (compared like headers: case, «ё», numbering ignored) or the id of the question that holds the school.
    public init(url: URL, format: CSVFormat = CSVFormat(), column: String, questionnaire: Questionnaire, registry: UnitRegistry,
                displayPath: String? = nil) throws {
        let path = displayPath ?? url.relativePath
        let source: any RecordSource = url.pathExtension.lowercased() == "xlsx" ? try XLSXReader(url: url) : try CSVReader(url: url, format: format)
        try self.init(source: source, column: column, questionnaire: questionnaire, registry: registry, displayPath: path)
    }

    public init(source: any RecordSource, column: String, questionnaire: Questionnaire, registry: UnitRegistry, displayPath: String) throws {
        self.registry = registry
        var found: (index: Int, header: String)?
        var unitOfLine: [Int: Int] = [:]
        var unmatched: [Int: RejectedRow] = [:]
        var rowsPerUnit: [Int: Int] = [:]
        var spellings: [Int: Set<String>] = [:]
        let indexOfCode = Dictionary(registry.units.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        try source.forEachRecord(warning: { _ in }) { record in
            guard let school = found else {
                let wanted = TextKey(column, stripNumbering: true)
                var index = record.fields.firstIndex { TextKey($0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0, stripNumbering: true) == wanted }
                if index == nil, let map = try? ColumnMap(headers: record.fields, questionnaire: questionnaire, file: displayPath) {
                    index = map.roles.firstIndex { $0 == .question(column) }
                }
                guard let index else {
                    throw DiagnosticsError([Diagnostic(at: SourceLocation(file: displayPath, line: record.line), path: column,
                                                       "нет столбца «\(column)» с названием организации",
                                                       hint: "укажите в --split-by заголовок столбца (например «Образовательная организация») или id вопроса; заголовки файла: "
                                                           + record.fields.prefix(6).map { "«\($0)»" }.joined(separator: ", ") + (record.fields.count > 6 ? "…" : ""))])
                }
                found = (index, record.fields[index])
                return
            }
            if record.fields.allSatisfy(\.isBlank) { return }
            let cell = school.index < record.fields.count ? record.fields[school.index] : ""
            let reason: String
            if cell.isBlank {
                reason = "столбец \(school.index + 1) («\(school.header)»): не указана организация"
            } else if let unit = registry.match(cell), let index = indexOfCode[unit.code] {
                unitOfLine[record.line] = index
                rowsPerUnit[index, default: 0] += 1
                spellings[index, default: []].insert(cell.trimmed)
                return
            } else {
                reason = "столбец \(school.index + 1) («\(school.header)»): организация «\(cell.trimmed)» не найдена в реестре — добавьте её написание в синонимы (aliases) реестра и загрузите реестр снова (anketa units import)"
            }
            unmatched[record.line] = RejectedRow(line: record.line, fields: record.fields, reasons: [reason])
        }
        guard let found else { throw CollectError.emptyFile(displayPath) }
        self.column = found.index
        self.header = found.header
        self.unitOfLine = unitOfLine
        self.unmatched = unmatched
        self.rowsPerUnit = rowsPerUnit
        self.spellings = spellings
    }

    /// The unit of a file line, if its school matched.
    public func unit(ofLine line: Int) -> Int? { unitOfLine[line] }

    /// Units with at least one row, in registry order.
    public var units: [Int] { rowsPerUnit.keys.sorted() }
}
