import Foundation
import Yams

/// Walks a composed YAML tree, building the model and collecting diagnostics with positions.
struct DefinitionReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    // MARK: - Diagnostics

    func location(_ node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column)
    }

    mutating func error(_ node: Node?, _ path: String, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: location(node), path: path, message, hint: hint))
    }

    mutating func warning(_ node: Node?, _ path: String, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, at: location(node), path: path, message, hint: hint))
    }

    func yamlDiagnostic(_ error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // The context says where the construct began: an unclosed quote is found only at the end of the file.
            let start = context.map { " (\($0.text), начало — строка \($0.mark.line), столбец \($0.mark.column))" } ?? ""
            return Diagnostic(at: SourceLocation(file: file, line: mark.line, column: mark.column),
                              "ошибка синтаксиса YAML: \(problem)\(start)",
                              hint: "проверьте отступы (пробелами, не табуляцией), двоеточия и кавычки")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                              "ключ повторяется: \(duplicates.joined(separator: ", "))",
                              hint: "у каждого ключа в одном блоке должно быть одно значение")
        default:
            return Diagnostic(at: SourceLocation(file: file), "не удалось разобрать YAML: \(error)")
        }
    }

    // MARK: - Files

    /// A user's YAML file as UTF-8 text; a missing or unreadable file is a diagnostic naming it.
    static func text(of url: URL, path: String, what: String, hint: String) throws -> String {
        guard let data = try? Data(contentsOf: url) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), "не удалось прочитать \(what)", hint: hint)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), "файл не в кодировке UTF-8", hint: "сохраните файл в UTF-8")])
        }
        return text
    }

    /// The YAML tree of `yaml`; a syntax error is thrown as a diagnostic with its position.
    func compose(_ yaml: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw DiagnosticsError([yamlDiagnostic(error)])
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: file), "не удалось разобрать YAML: \(error)")])
        }
    }

    // MARK: - Typed access

    /// A mapping's entries by key, reporting unknown keys.
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
            if !allowed.contains(name) {
                let suggestion = allowed.min { editDistance($0, name) < editDistance($1, name) }
                let hint = suggestion.map { editDistance($0, name) <= 3 ? "может быть, имелось в виду «\($0)»?" : nil } ?? nil
                error(key, path.isEmpty ? name : "\(path).\(name)", "неизвестный ключ «\(name)»",
                      hint: hint ?? "допустимые ключи: \(allowed.sorted().joined(separator: ", "))")
                continue
            }
            result[name] = value
        }
        return result
    }

    mutating func string(_ map: [String: Node], _ key: String, _ path: String, parent: Node, required: Bool = true) -> String? {
        guard let node = map[key] else {
            if required { error(parent, join(path, key), "не указан обязательный ключ «\(key)»") }
            return nil
        }
        guard let scalar = node.scalar, node.null == nil || !scalar.string.isEmpty else {
            error(node, join(path, key), "ожидалась строка")
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty, required { error(node, join(path, key), "значение не должно быть пустым") }
        return value
    }

    mutating func double(_ map: [String: Node], _ key: String, _ path: String, parent: Node, required: Bool = false) -> Double? {
        guard let node = map[key] else {
            if required { error(parent, join(path, key), "не указан обязательный ключ «\(key)»") }
            return nil
        }
        guard let scalar = node.scalar, let value = Double(scalar.string.replacingOccurrences(of: ",", with: ".")) else {
            error(node, join(path, key), "ожидалось число", hint: "например 0.5 или 80")
            return nil
        }
        return value
    }

    mutating func bool(_ map: [String: Node], _ key: String, _ path: String) -> Bool? {
        guard let node = map[key] else { return nil }
        guard let value = node.bool else {
            error(node, join(path, key), "ожидалось true или false")
            return nil
        }
        return value
    }

    mutating func strings(_ map: [String: Node], _ key: String, _ path: String) -> [String] {
        guard let node = map[key] else { return [] }
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else {
            error(node, join(path, key), "ожидался список строк", hint: "например [Затрудняюсь ответить]")
            return []
        }
        var result: [String] = []
        for item in sequence {
            if let scalar = item.scalar { result.append(scalar.string) } else { error(item, join(path, key), "ожидалась строка") }
        }
        return result
    }

    mutating func sequence(_ map: [String: Node], _ key: String, _ path: String, parent: Node, required: Bool) -> [Node] {
        guard let node = map[key] else {
            if required { error(parent, join(path, key), "не указан обязательный ключ «\(key)»") }
            return []
        }
        guard let sequence = node.sequence else {
            error(node, join(path, key), "ожидался список (элементы начинаются с «- »)")
            return []
        }
        return Array(sequence)
    }

    func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}

/// Levenshtein distance, for "did you mean" hints on misspelt keys.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
