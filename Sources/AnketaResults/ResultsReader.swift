import AnketaCollect
import AnketaCore
import Foundation

/// Reads a per-student results file (CSV in UTF-8 or Windows-1251 with «;» or «,», or XLSX) through
/// the collection layer into typed rows; every row is either accepted or rejected with its line and reasons.
///
/// ```swift
/// let reader = try ResultsReader(url: url, definition: definition, displayPath: "результаты.csv")
/// try reader.read { outcome in
///     if case .accepted(let row) = outcome { rows.append(row) }
/// }
/// ```
public final class ResultsReader {
    public enum Outcome: Sendable, Equatable {
        case accepted(ResultRow)
        case rejected(ResultsRejectedRow)
        /// A row with every cell blank.
        case blank(line: Int)
    }

    public let source: any RecordSource
    public let definition: ResultsDefinition
    public let displayPath: String
    /// The file's header, once read.
    public private(set) var header: [String] = []

    public init(url: URL, definition: ResultsDefinition, format: CSVFormat = CSVFormat(), displayPath: String? = nil) throws {
        source = url.pathExtension.lowercased() == "xlsx" ? try XLSXReader(url: url) : try CSVReader(url: url, format: format)
        self.definition = definition
        self.displayPath = displayPath ?? url.relativePath
    }

    /// Column positions found in the header.
    struct Layout {
        var student = 0, className = 0, subject = 0, schoolMark = 0
        var procedure: Int?, score: Int?, mark: Int?, teacher: Int?
        /// One column per kind of work in the definition's `journal`.
        var journal: [Int] = []
    }

    /// Reads every row in order. Throws ``DiagnosticsError`` if a column the definition names is missing.
    /// `warning` hears about cells read with a doubt (another encoding, replaced bytes).
    public func read(warning: (Diagnostic) -> Void = { _ in }, _ body: (Outcome) throws -> Void) throws {
        var layout: Layout?
        var seen: [String: Int] = [:]
        try source.forEachRecord(warning: warning) { record in
            // A record the reader could not take whole (a NUL byte, an unclosed quote) is rejected as it is.
            if let problem = record.problem, layout != nil {
                try body(.rejected(ResultsRejectedRow(line: record.line, fields: record.fields, reasons: [problem])))
                return
            }
            guard let current = layout else {
                header = record.fields
                layout = try locate(header: record.fields)
                return
            }
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                try body(.blank(line: record.line))
                return
            }
            try body(parse(record, layout: current, seen: &seen))
        }
        if layout == nil { throw CollectError.emptyFile(displayPath) }
    }

    func locate(header: [String]) throws -> Layout {
        let keys = header.map(Self.key)
        var problems: [Diagnostic] = []
        func find(_ name: String?, _ role: String) -> Int? {
            guard let name else { return nil }
            let matches = keys.indices.filter { keys[$0] == Self.key(name) }
            if matches.isEmpty {
                problems.append(Diagnostic(at: SourceLocation(file: displayPath, line: 1), path: role,
                                           "нет столбца «\(name)»",
                                           hint: "заголовки файла: " + header.map { "«\($0)»" }.joined(separator: ", ") + "; исправьте columns.\(role) в описании или заголовок в файле"))
                return nil
            }
            if matches.count > 1 {
                problems.append(Diagnostic(at: SourceLocation(file: displayPath, line: 1), path: role,
                                           "столбец «\(name)» встречается \(matches.count) раза (столбцы \(matches.map { String($0 + 1) }.joined(separator: ", ")))",
                                           hint: "оставьте один столбец с этим заголовком"))
            }
            return matches[0]
        }
        let columns = definition.columns
        var layout = Layout()
        let student = find(columns.student, "student")
        let className = find(columns.className, "class")
        let subject = find(columns.subject, "subject")
        let schoolMark = find(columns.schoolMark, "school_mark")
        layout.procedure = find(columns.procedure, "procedure")
        layout.score = find(columns.score, "score")
        layout.mark = find(columns.mark, "mark")
        layout.teacher = find(columns.teacher, "teacher")
        let journal = definition.journal.map { find($0.column, "journal") }
        guard problems.isEmpty, let student, let className, let subject, let schoolMark else { throw DiagnosticsError(problems) }
        layout.student = student
        layout.className = className
        layout.subject = subject
        layout.schoolMark = schoolMark
        layout.journal = journal.compactMap { $0 }
        return layout
    }

    func parse(_ record: CSVRecord, layout: Layout, seen: inout [String: Int]) -> Outcome {
        func cell(_ index: Int?) -> String {
            guard let index, index < record.fields.count else { return "" }
            return record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var reasons: [String] = []
        if record.fields.count != header.count {
            reasons.append("в строке \(RussianPlural.column(record.fields.count)), а в заголовке \(header.count) — строка повреждена (лишний разделитель или незакрытая кавычка)")
            return .rejected(ResultsRejectedRow(line: record.line, fields: record.fields, reasons: reasons))
        }
        let columns = definition.columns
        let student = cell(layout.student)
        if student.isEmpty {
            reasons.append("нет кода ученика («\(columns.student)»)")
        } else if !Self.looksLikeCode(student) {
            reasons.append("«\(columns.student)»: «\(student)» не похоже на код ученика — в файле результатов не должно быть фамилий; нужен код из журнала (с цифрами, без пробелов)")
        }
        let classText = cell(layout.className)
        let schoolClass = SchoolClass(classText)
        if schoolClass == nil {
            reasons.append(classText.isEmpty ? "не указан класс («\(columns.className)»)" : "«\(columns.className)»: «\(classText)» — не класс; ожидалось, например, 5А")
        }
        let subject = cell(layout.subject)
        if subject.isEmpty { reasons.append("не указан предмет («\(columns.subject)»)") }
        var procedure = definition.procedure
        if let column = columns.procedure {
            let text = cell(layout.procedure)
            if let parsed = Procedure(text: text) {
                procedure = parsed
            } else if !text.isEmpty || procedure == nil {
                procedure = nil
                reasons.append(text.isEmpty ? "не указана процедура («\(column)»)" : "«\(column)»: неизвестная процедура «\(text)»; \(YAMLWalker.procedureHint)")
            }
        }
        let schoolMarkText = cell(layout.schoolMark)
        let schoolMark = Self.mark(schoolMarkText)
        if schoolMark == nil {
            reasons.append(schoolMarkText.isEmpty ? "нет отметки школы («\(columns.schoolMark)»)" : "«\(columns.schoolMark)»: «\(schoolMarkText)» — не отметка от 2 до 5")
        }
        var externalMark: Int?
        var score: Double?
        let markText = cell(layout.mark)
        let scoreText = cell(layout.score)
        if let column = columns.mark, !markText.isEmpty {
            externalMark = Self.mark(markText)
            if externalMark == nil { reasons.append("«\(column)»: «\(markText)» — не отметка от 2 до 5") }
        }
        if let column = columns.score, !scoreText.isEmpty {
            if let value = Double(scoreText.replacingOccurrences(of: ",", with: ".")), value.isFinite {
                score = value
                if let procedure, let schoolClass, !subject.isEmpty {
                    if let scale = definition.scale(subject: subject, procedure: procedure, grade: schoolClass.grade, year: definition.year) {
                        if let converted = scale.mark(forScore: value) {
                            if let given = externalMark, given != converted {
                                reasons.append("отметка \(given) не соответствует первичному баллу \(RussianNumber.plain(value)) по шкале перевода (\(converted))")
                            }
                            externalMark = externalMark ?? converted
                        } else {
                            reasons.append("«\(column)»: балл \(RussianNumber.plain(value)) вне шкалы 0–\(RussianNumber.plain(scale.maxScore)) (\(subject), \(procedure.rawValue), \(schoolClass.grade) класс)")
                        }
                    } else if externalMark == nil {
                        reasons.append("нет шкалы перевода баллов для «\(subject)», \(procedure.rawValue), \(schoolClass.grade) класс" + (definition.year.map { ", \($0) год" } ?? "") + " — добавьте её в раздел scales описания")
                    }
                }
            } else {
                reasons.append("«\(column)»: «\(scoreText)» — не число")
            }
        }
        if externalMark == nil, markText.isEmpty, scoreText.isEmpty {
            reasons.append("нет результата процедуры (" + [columns.mark, columns.score].compactMap { $0.map { "«\($0)»" } }.joined(separator: " или ") + ")")
        }
        var teacher: String?
        if let column = columns.teacher {
            let text = cell(layout.teacher)
            if text.isEmpty {
                reasons.append("не указан \(definition.teacherKind == .person ? "код учителя" : "учитель или группа учителей") («\(column)»)")
            } else if definition.teacherKind == .person, !Self.looksLikeCode(text) {
                reasons.append("«\(column)»: «\(text)» не похоже на код учителя — фамилии в справку не попадают; нужен код (с цифрами, без пробелов), например У-07, или teacher: group в описании, если в столбце группы учителей")
            } else {
                teacher = text
            }
        }
        var journalMarks: [[Int]] = []
        for (kind, index) in zip(definition.journal, layout.journal) {
            let tokens = cell(index).split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "\t" }).map(String.init)
            let marks = tokens.compactMap(Self.mark)
            if marks.count != tokens.count {
                let bad = tokens.filter { Self.mark($0) == nil }.map { "«\($0)»" }.joined(separator: ", ")
                reasons.append("«\(kind.column)»: \(bad) — не отметка от 2 до 5; отметки журнала пишутся через пробел, например «5 4 4»")
            }
            journalMarks.append(marks)
        }
        if reasons.isEmpty, let procedure, let schoolClass, let schoolMark, let externalMark {
            let key = [student, Self.key(subject), procedure.rawValue].joined(separator: "\u{1F}")
            if let first = seen[key] {
                reasons.append("повтор: результат ученика \(student) по предмету «\(subject)» (\(procedure.rawValue)) уже есть в строке \(first)")
            } else {
                seen[key] = record.line
                var row = ResultRow(line: record.line, student: student, className: schoolClass.name, grade: schoolClass.grade,
                                    subject: Self.subjectName(subject), procedure: procedure, score: score,
                                    externalMark: externalMark, schoolMark: schoolMark)
                row.journalMarks = journalMarks
                row.teacher = teacher
                return .accepted(row)
            }
        }
        return .rejected(ResultsRejectedRow(line: record.line, fields: record.fields, reasons: reasons))
    }

    /// A student code has a digit and no spaces: «С-0417», «5А-12», «1024».
    static func looksLikeCode(_ text: String) -> Bool {
        !text.contains(where: \.isWhitespace) && text.contains(where: { $0.isASCII && $0.isNumber })
    }

    /// A mark 2–5 written as «4», «4,0» or «4.0».
    static func mark(_ text: String) -> Int? {
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value == value.rounded(),
              (2...5).contains(value) else { return nil }
        return Int(value)
    }

    /// A subject with its first letter capitalised: «математика» → «Математика».
    static func subjectName(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Headers and subjects compare without case, spaces at the ends, or «ё».
    static func key(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "ё", with: "е")
    }
}
