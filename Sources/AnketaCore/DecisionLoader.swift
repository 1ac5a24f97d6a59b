import Foundation
import Yams

/// Loads a decisions file (`decisions.yaml`), reporting every problem with file, line and column.
public struct DecisionLoader: Sendable {
    public init() {}

    public func load(contentsOf url: URL, displayPath: String? = nil) throws -> DecisionList {
        let path = displayPath ?? url.relativePath
        return try load(yaml: DefinitionReader.text(of: url, path: path, what: "файл управленческих решений",
                                                    hint: "проверьте путь; черновик решений anketa report пишет в папку справки (decisions.yaml)"),
                        file: path)
    }

    public func load(yaml: String, file: String) throws -> DecisionList {
        var reader = DefinitionReader(file: file)
        guard let root = try reader.compose(yaml) else { return DecisionList(decisions: []) }
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
