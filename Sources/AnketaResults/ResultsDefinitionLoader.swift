import AnketaCore
import Foundation
import Yams

/// Reads a results definition from YAML, reporting every problem at once as `file:line:column`.
///
/// ```swift
/// let definition = try ResultsDefinitionLoader().load(contentsOf: url, displayPath: "Samples/objectivity/vpr-2026.yaml")
/// ```
public struct ResultsDefinitionLoader: Sendable {
    public init() {}

    /// Loads and validates a definition file; throws ``DiagnosticsError`` with every problem found.
    public func load(contentsOf url: URL, displayPath: String? = nil) throws -> ResultsDefinition {
        let (text, file) = try YAMLWalker.readText(contentsOf: url, displayPath: displayPath, what: "описанию результатов (YAML)")
        return try load(yaml: text, file: file)
    }

    /// Loads a definition from YAML text; `file` names it in messages.
    public func load(yaml text: String, file: String = "<yaml>") throws -> ResultsDefinition {
        var reader = YAMLWalker(file: file)
        let root = try reader.compose(text, sample: "Samples/objectivity/vpr-2026.yaml")
        let definition = reader.definition(root)
        let errors = reader.diagnostics.filter { $0.severity == .error }
        if let definition, errors.isEmpty { return definition }
        throw DiagnosticsError(reader.diagnostics)
    }
}

/// Walks the YAML tree of a results definition, collecting diagnostics with positions.
struct YAMLWalker {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func location(_ node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column)
    }

    mutating func error(_ node: Node?, _ path: String, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: location(node), path: path, message, hint: hint))
    }

    func syntax(_ error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            Diagnostic(at: SourceLocation(file: file, line: mark.line, column: mark.column), "ошибка синтаксиса YAML: \(problem)",
                       hint: "проверьте отступы (пробелами, не табуляцией), двоеточия и кавычки")
        case let .duplicatedKeysInMapping(duplicates, context):
            Diagnostic(at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                       "ключ повторяется: \(duplicates.joined(separator: ", "))")
        default:
            Diagnostic(at: SourceLocation(file: file), "не удалось разобрать YAML: \(error)")
        }
    }

    // MARK: - The definition

    mutating func definition(_ root: Node) -> ResultsDefinition? {
        let keys: Set<String> = ["id", "title", "organization", "year", "academic_year", "school_mark", "procedure", "columns", "scales", "thresholds", "journal", "region", "region_means", "teacher"]
        guard let map = mapping(root, "", allowed: keys) else { return nil }
        let id = string(map, "id", "", parent: root)
        let title = string(map, "title", "", parent: root)
        let organization = string(map, "organization", "", parent: root, required: false)
        let year = integer(map, "year", "", range: 2000...2100)
        let academicYear = string(map, "academic_year", "", parent: root, required: false)
        let schoolMark = string(map, "school_mark", "", parent: root, required: false)
        var procedure: Procedure?
        if let text = string(map, "procedure", "", parent: root, required: false) {
            procedure = Procedure(text: text)
            if procedure == nil { error(map["procedure"], "procedure", "неизвестная процедура «\(text)»", hint: Self.procedureHint) }
        }
        var columns: ResultsDefinition.Columns?
        if let node = map["columns"] {
            columns = self.columns(node, procedureGiven: map["procedure"] != nil)
        } else {
            error(root, "columns", "не указан обязательный ключ «columns»", hint: "перечислите заголовки столбцов файла: student, class, subject, score или mark, school_mark")
        }
        let scales = list(map["scales"], "scales", "ожидался список шкал (элементы начинаются с «- »)") { $0.scale($1, $2) }
        if let columns, columns.mark == nil, scales.isEmpty {
            error(map["columns"], "scales", "нет столбца с отметкой (columns.mark) и нет шкал перевода первичных баллов",
                  hint: "добавьте раздел scales или укажите столбец с отметкой")
        }
        let thresholds = map["thresholds"].map { self.thresholds($0) } ?? ResultsDefinition.Thresholds()
        let journal = list(map["journal"], "journal", "ожидался список видов работ (элементы начинаются с «- »)",
                           hint: "например - {column: Контрольные, kind: контрольные работы, weight: 3}") { $0.journalKind($1, $2) }
        let region = list(map["region"], "region", "ожидался список распределений (элементы начинаются с «- »)",
                          hint: "например - {subject: Математика, procedure: ВПР, grade: 5, marks: {2: 12.4, 3: 41, 4: 34.1, 5: 12.5}}") { $0.region($1, $2) }
        let regionMeans = list(map["region_means"], "region_means", "ожидался список средних баллов (элементы начинаются с «- »)",
                               hint: "например - {subject: Математика, procedure: ОГЭ, grade: 9, mean: 15.2}") { $0.regionMean($1, $2) }
        var teacherKind = TeacherKind.person
        if let text = string(map, "teacher", "", parent: root, required: false) {
            if let kind = TeacherKind(text: text) {
                teacherKind = kind
            } else {
                error(map["teacher"], "teacher", "неизвестный вид «\(text)»",
                      hint: "person — столбец columns.teacher содержит код учителя (не фамилию); group — название группы учителей (МО, кафедры)")
            }
        }
        if map["teacher"] != nil, columns != nil, columns?.teacher == nil {
            error(map["teacher"], "teacher", "ключ teacher задан, а столбца с учителем нет", hint: "добавьте columns.teacher — заголовок столбца с кодом учителя или группы")
        }
        if let columns, columns.score == nil, !regionMeans.isEmpty {
            error(map["region_means"], "region_means", "средние баллы региона сравниваются с первичными баллами, а столбца с баллом (columns.score) нет",
                  hint: "добавьте columns.score или уберите region_means")
        }
        guard let id, let title, let columns else { return nil }
        var definition = ResultsDefinition(id: id, title: title, organization: organization, year: year, academicYear: academicYear,
                                           schoolMarkName: schoolMark ?? "отметка за четверть", procedure: procedure, columns: columns,
                                           scales: scales, thresholds: thresholds)
        definition.journal = journal
        definition.region = region
        definition.regionMeans = regionMeans
        definition.teacherKind = teacherKind
        return definition
    }

    /// One regional distribution: subject, procedure, optional grade and the percent (or shares)
    /// of marks 2–5, which must add up to 100 % (± 1 for rounding) or to 1.
    /// The items of an optional list under `key`, each read by `item` (which records its own
    /// problems); a value that is not a list is an error saying what was expected.
    mutating func list<Item>(_ node: Node?, _ key: String, _ notAList: String, hint: String? = nil,
                             _ item: (inout YAMLWalker, Node, String) -> Item?) -> [Item] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            error(node, key, notAList, hint: hint)
            return []
        }
        return sequence.enumerated().compactMap { index, element in item(&self, element, "\(key)[\(index)]") }
    }

    mutating func region(_ node: Node, _ path: String) -> RegionDistribution? {
        guard let map = mapping(node, path, allowed: ["subject", "procedure", "grade", "marks"]) else { return nil }
        let subject = string(map, "subject", path, parent: node)
        var procedure: Procedure?
        if let text = string(map, "procedure", path, parent: node) {
            procedure = Procedure(text: text)
            if procedure == nil { error(map["procedure"], "\(path).procedure", "неизвестная процедура «\(text)»", hint: Self.procedureHint) }
        }
        let grade = integer(map, "grade", path, range: 1...11)
        var shares = [Double](repeating: 0, count: 4)
        guard let marksNode = map["marks"], let marks = marksNode.mapping else {
            error(map["marks"] ?? node, "\(path).marks", "ожидался блок «отметка: доля в процентах»", hint: "например marks: {2: 12.4, 3: 41, 4: 34.1, 5: 12.5}")
            return nil
        }
        for (key, value) in marks {
            guard let mark = key.scalar.flatMap({ Int($0.string) }), (2...5).contains(mark) else {
                error(key, "\(path).marks", "ключом должна быть отметка 2, 3, 4 или 5")
                continue
            }
            guard let share = value.scalar.flatMap({ Double($0.string.replacingOccurrences(of: ",", with: ".")) }), share >= 0, share <= 100 else {
                error(value, "\(path).marks.\(mark)", "ожидалась доля в процентах от 0 до 100")
                continue
            }
            shares[mark - 2] = share
        }
        let total = shares.reduce(0, +)
        let percent = total > 1.5
        if percent ? abs(total - 100) > 1 : abs(total - 1) > 0.01 {
            error(marksNode, "\(path).marks", "доли отметок в сумме дают \(RussianNumber.plain(total)) — должно быть 100 %",
                  hint: "проверьте числа из отчёта регионального центра")
            return nil
        }
        guard let subject, let procedure else { return nil }
        return RegionDistribution(subject: subject, procedure: procedure, grade: grade, shares: shares.map { $0 / total })
    }

    /// The region's mean score of a subject and procedure (and grade).
    mutating func regionMean(_ node: Node, _ path: String) -> RegionMean? {
        guard let map = mapping(node, path, allowed: ["subject", "procedure", "grade", "mean"]) else { return nil }
        let subject = string(map, "subject", path, parent: node)
        var procedure: Procedure?
        if let text = string(map, "procedure", path, parent: node) {
            procedure = Procedure(text: text)
            if procedure == nil { error(map["procedure"], "\(path).procedure", "неизвестная процедура «\(text)»", hint: Self.procedureHint) }
        }
        let grade = integer(map, "grade", path, range: 1...11)
        let mean = number(map, "mean", path, parent: node)
        if let mean, mean < 0 { error(map["mean"], "\(path).mean", "средний балл не может быть отрицательным", hint: "возьмите средний первичный балл из отчёта регионального центра") }
        guard let subject, let procedure, let mean, mean >= 0 else { return nil }
        return RegionMean(subject: subject, procedure: procedure, grade: grade, mean: mean)
    }

    /// One kind of work in the journal: its column, name and weight.
    mutating func journalKind(_ node: Node, _ path: String) -> JournalKind? {
        guard let map = mapping(node, path, allowed: ["column", "kind", "weight"]) else { return nil }
        let column = string(map, "column", path, parent: node)
        let name = string(map, "kind", path, parent: node)
        let weight = number(map, "weight", path, parent: node)
        if let weight, weight <= 0 { error(map["weight"], "\(path).weight", "вес должен быть больше нуля", hint: "например 3 для контрольных работ и 1 для текущих отметок") }
        guard let column, let name, let weight, weight > 0 else { return nil }
        return JournalKind(column: column, name: name, weight: weight)
    }

    static let procedureHint = "допустимы: " + Procedure.allCases.map(\.rawValue).joined(separator: ", ")

    mutating func columns(_ node: Node, procedureGiven: Bool) -> ResultsDefinition.Columns? {
        let keys: Set<String> = ["student", "class", "subject", "procedure", "score", "mark", "school_mark", "teacher"]
        guard let map = mapping(node, "columns", allowed: keys) else { return nil }
        let student = string(map, "student", "columns", parent: node)
        let className = string(map, "class", "columns", parent: node)
        let subject = string(map, "subject", "columns", parent: node)
        let procedure = string(map, "procedure", "columns", parent: node, required: false)
        let score = string(map, "score", "columns", parent: node, required: false)
        let mark = string(map, "mark", "columns", parent: node, required: false)
        let schoolMark = string(map, "school_mark", "columns", parent: node)
        let teacher = string(map, "teacher", "columns", parent: node, required: false)
        if procedure == nil, !procedureGiven {
            error(node, "columns.procedure", "не указан ни столбец с процедурой, ни процедура для всего файла",
                  hint: "добавьте columns.procedure или ключ procedure: ВПР в начале файла")
        }
        if score == nil, mark == nil {
            error(node, "columns", "нужен столбец с первичным баллом (score) или с отметкой (mark)")
        }
        guard let student, let className, let subject, let schoolMark else { return nil }
        var columns = ResultsDefinition.Columns(student: student, className: className, subject: subject, procedure: procedure,
                                                score: score, mark: mark, schoolMark: schoolMark)
        columns.teacher = teacher
        return columns
    }

    mutating func scale(_ node: Node, _ path: String) -> ConversionScale? {
        let keys: Set<String> = ["subject", "procedure", "grade", "year", "max_score", "marks"]
        guard let map = mapping(node, path, allowed: keys) else { return nil }
        let subject = string(map, "subject", path, parent: node)
        var procedure: Procedure?
        if let text = string(map, "procedure", path, parent: node) {
            procedure = Procedure(text: text)
            if procedure == nil { error(map["procedure"], "\(path).procedure", "неизвестная процедура «\(text)»", hint: Self.procedureHint) }
        }
        let grade = integer(map, "grade", path, range: 1...11)
        let year = integer(map, "year", path, range: 2000...2100)
        guard let maxScore = number(map, "max_score", path, parent: node) else { return nil }
        if maxScore <= 0 { error(map["max_score"], "\(path).max_score", "максимальный балл должен быть больше нуля") }
        var minimums: [Int: Double] = [:]
        if let marksNode = map["marks"] {
            if let marks = marksNode.mapping {
                for (key, value) in marks {
                    guard let mark = key.scalar.flatMap({ Int($0.string) }), (3...5).contains(mark) else {
                        error(key, "\(path).marks", "ключом должна быть отметка 3, 4 или 5", hint: "например marks: {3: 5, 4: 10, 5: 15} — наименьший первичный балл для отметки")
                        continue
                    }
                    guard let score = value.scalar.flatMap({ Double($0.string.replacingOccurrences(of: ",", with: ".")) }), score >= 0, score <= maxScore else {
                        error(value, "\(path).marks.\(mark)", "ожидался первичный балл от 0 до \(RussianNumber.plain(maxScore))")
                        continue
                    }
                    minimums[mark] = score
                }
                let ordered = minimums.sorted { $0.key < $1.key }.map(\.value)
                if ordered != ordered.sorted() || Set(ordered).count != ordered.count {
                    error(marksNode, "\(path).marks", "наименьшие баллы должны расти с отметкой: балл для 4 больше, чем для 3, и т. д.")
                }
                if minimums.isEmpty { error(marksNode, "\(path).marks", "шкала пуста") }
            } else {
                error(marksNode, "\(path).marks", "ожидался блок «отметка: наименьший балл»", hint: "например marks: {3: 5, 4: 10, 5: 15}")
            }
        } else {
            error(node, "\(path).marks", "не указан обязательный ключ «marks»")
        }
        guard let subject, let procedure, maxScore > 0, !minimums.isEmpty else { return nil }
        return ConversionScale(subject: subject, procedure: procedure, grade: grade, year: year, maxScore: maxScore, minimums: minimums)
    }

    mutating func thresholds(_ node: Node) -> ResultsDefinition.Thresholds {
        var result = ResultsDefinition.Thresholds()
        guard let map = mapping(node, "thresholds", allowed: ["lowered", "mismatch", "min_students", "min_teacher_group"]) else { return result }
        for key in ["lowered", "mismatch"] {
            guard let value = number(map, key, "thresholds", parent: node, required: false) else { continue }
            // Written either as a share (0.25) or as percent (25).
            let share = value > 1 ? value / 100 : value
            if share <= 0 || share >= 1 {
                error(map[key], "thresholds.\(key)", "порог должен быть долей от 0 до 1 (или процентом от 0 до 100)")
            } else if key == "lowered" {
                result.lowered = share
            } else {
                result.mismatch = share
            }
        }
        if let min = integer(map, "min_students", "thresholds", range: 1...1000) { result.minStudents = min }
        if let min = integer(map, "min_teacher_group", "thresholds", range: 1...1000) { result.minTeacherGroup = min }
        return result
    }

    // MARK: - Typed access

    mutating func mapping(_ node: Node, _ path: String, allowed: Set<String>) -> [String: Node]? {
        guard let mapping = node.mapping else {
            error(node, path, "ожидался блок «ключ: значение»")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error(key, path, "ключ должен быть строкой")
                continue
            }
            guard allowed.contains(name) else {
                error(key, path.isEmpty ? name : "\(path).\(name)", "неизвестный ключ «\(name)»",
                      hint: "допустимые ключи: \(allowed.sorted().joined(separator: ", "))")
                continue
            }
            result[name] = value
        }
        return result
    }

    mutating func string(_ map: [String: Node], _ key: String, _ path: String, parent: Node, required: Bool = true) -> String? {
        let full = path.isEmpty ? key : "\(path).\(key)"
        guard let node = map[key] else {
            if required { error(parent, full, "не указан обязательный ключ «\(key)»") }
            return nil
        }
        guard let scalar = node.scalar else {
            error(node, full, "ожидалась строка")
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            if required { error(node, full, "значение не должно быть пустым") }
            return nil
        }
        return value
    }

    mutating func number(_ map: [String: Node], _ key: String, _ path: String, parent: Node, required: Bool = true) -> Double? {
        let full = path.isEmpty ? key : "\(path).\(key)"
        guard let node = map[key] else {
            if required { error(parent, full, "не указан обязательный ключ «\(key)»") }
            return nil
        }
        guard let value = node.scalar.flatMap({ Double($0.string.replacingOccurrences(of: ",", with: ".")) }), value.isFinite else {
            error(node, full, "ожидалось число")
            return nil
        }
        return value
    }

    mutating func integer(_ map: [String: Node], _ key: String, _ path: String, range: ClosedRange<Int>) -> Int? {
        guard let node = map[key] else { return nil }
        let full = path.isEmpty ? key : "\(path).\(key)"
        guard let value = node.scalar.flatMap({ Int($0.string) }), range.contains(value) else {
            error(node, full, "ожидалось целое число от \(range.lowerBound) до \(range.upperBound)")
            return nil
        }
        return value
    }
}

extension YAMLWalker {
    /// A YAML file's text, or an error naming the file: unreadable («проверьте путь к `what`») or not UTF-8.
    static func readText(contentsOf url: URL, displayPath: String?, what: String) throws -> (text: String, file: String) {
        let file = displayPath ?? url.relativePath
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: file), "не удалось прочитать файл",
                                               hint: "проверьте путь к \(what)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: file), "файл не в кодировке UTF-8",
                                               hint: "сохраните YAML в UTF-8")])
        }
        return (text, file)
    }

    /// The document's root node; a syntax error at its line and column, an empty file with a pointer to `sample`.
    func compose(_ text: String, sample: String) throws -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DiagnosticsError([syntax(error)])
        }
        guard let root else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: file, line: 1), "файл пуст", hint: "образец — \(sample)")])
        }
        return root
    }
}
