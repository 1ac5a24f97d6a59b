import Foundation
import Yams

/// Loads a decisions file (`decisions.yaml`), reporting every problem with file, line and column.
public struct DecisionLoader: Sendable {
    public init() {}

    public func load(contentsOf url: URL, displayPath: String? = nil) throws -> DecisionList {
        let path = displayPath ?? url.relativePath
        guard let data = try? Data(contentsOf: url) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), "не удалось прочитать файл управленческих решений",
                                               hint: "проверьте путь; черновик решений anketa report пишет в папку справки (decisions.yaml)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), "файл не в кодировке UTF-8", hint: "сохраните файл в UTF-8")])
        }
        return try load(yaml: text, file: path)
    }

    public func load(yaml: String, file: String) throws -> DecisionList {
        var reader = DefinitionReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw DiagnosticsError([reader.yamlDiagnostic(error)])
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: file), "не удалось разобрать YAML: \(error)")])
        }
        guard let root else { return DecisionList(decisions: []) }
        let list = reader.decisionList(root)
        guard !reader.diagnostics.contains(where: { $0.severity == .error }), let list else { throw DiagnosticsError(reader.diagnostics) }
        return list
    }
}

extension DefinitionReader {
    mutating func decisionList(_ root: Node) -> DecisionList? {
        guard let map = mapping(root, "", allowed: ["questionnaire", "period", "decisions"]) else { return nil }
        var list = DecisionList(questionnaire: string(map, "questionnaire", "", parent: root, required: false),
                                period: string(map, "period", "", parent: root, required: false), decisions: [])
        let rowKeys: Set<String> = ["problem", "action", "deadline", "responsible", "person", "document", "target", "finding"]
        for (index, node) in sequence(map, "decisions", "", parent: root, required: true).enumerated() {
            let path = "decisions[\(index)]"
            guard let row = mapping(node, path, allowed: rowKeys) else { continue }
            guard let problem = string(row, "problem", path, parent: node), let action = string(row, "action", path, parent: node) else { continue }
            var target: DecisionList.Target?
            if let targetNode = row["target"], let body = mapping(targetNode, "\(path).target", allowed: ["indicator", "question"]) {
                target = DecisionList.Target(indicator: string(body, "indicator", "\(path).target", parent: targetNode, required: false),
                                             question: string(body, "question", "\(path).target", parent: targetNode, required: false))
            }
            list.decisions.append(DecisionList.Decision(
                problem: problem, action: action,
                deadline: string(row, "deadline", path, parent: node, required: false) ?? "",
                responsible: string(row, "responsible", path, parent: node, required: false) ?? "",
                person: string(row, "person", path, parent: node, required: false),
                document: string(row, "document", path, parent: node, required: false) ?? "",
                target: target, finding: string(row, "finding", path, parent: node, required: false)))
        }
        return list
    }
}
