import Foundation
import Yams

/// Loads and validates questionnaire definitions written in YAML.
///
/// Every problem of a file is collected and thrown together as a ``DiagnosticsError``, each with
/// file, line, column and key path.
///
/// ```swift
/// let questionnaire = try DefinitionLoader().load(contentsOf: URL(filePath: "Questionnaires/parents-satisfaction.yaml"))
/// ```
public struct DefinitionLoader: Sendable {
    public init() {}

    /// Loads a definition file. Throws ``DiagnosticsError`` listing every problem.
    public func load(contentsOf url: URL, displayPath: String? = nil) throws -> Questionnaire {
        let path = displayPath ?? url.relativePath
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), "не удалось прочитать файл",
                                               hint: "проверьте путь и права доступа")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), "файл не в кодировке UTF-8",
                                               hint: "сохраните определение анкеты в UTF-8")])
        }
        return try load(yaml: text, file: path)
    }

    /// Loads a definition from YAML text; `file` names it in messages.
    public func load(yaml: String, file: String) throws -> Questionnaire {
        let (questionnaire, diagnostics) = check(yaml: yaml, file: file)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let questionnaire else { throw DiagnosticsError(diagnostics) }
        return questionnaire
    }

    /// Loads what it can and returns every diagnostic, warnings included.
    public func check(yaml: String, file: String) -> (Questionnaire?, [Diagnostic]) {
        var reader = DefinitionReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return (nil, [reader.yamlDiagnostic(error)])
        } catch {
            return (nil, [Diagnostic(at: SourceLocation(file: file), "не удалось разобрать YAML: \(error)")])
        }
        guard let root else {
            return (nil, [Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "файл пуст",
                                     hint: "начните с ключей id, version, title, audience")])
        }
        let questionnaire = reader.questionnaire(root)
        return (questionnaire, reader.diagnostics)
    }
}
