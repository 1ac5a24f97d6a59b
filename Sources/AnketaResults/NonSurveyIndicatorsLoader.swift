import AnketaCore
import Foundation
import Yams

/// Reads a school's non-survey indicators from YAML, reporting every problem at once as
/// `file:line:column: ошибка: key.path: message` with a hint (format: `docs/objectivity.md`).
///
/// ```swift
/// let indicators = try NonSurveyIndicatorsLoader().load(contentsOf: url, displayPath: "Samples/objectivity/indicators.yaml")
/// ```
public struct NonSurveyIndicatorsLoader: Sendable {
    public init() {}

    public func load(contentsOf url: URL, displayPath: String? = nil) throws -> NonSurveyIndicators {
        let (text, file) = try YAMLWalker.readText(contentsOf: url, displayPath: displayPath, what: "файлу показателей (YAML)")
        return try load(yaml: text, file: file)
    }

    public func load(yaml text: String, file: String = "<yaml>") throws -> NonSurveyIndicators {
        var reader = YAMLWalker(file: file)
        let root = try reader.compose(text, sample: "Samples/objectivity/indicators.yaml")
        let indicators = reader.nonSurveyIndicators(root, source: (file as NSString).lastPathComponent)
        if let indicators, !reader.diagnostics.contains(where: { $0.severity == .error }) { return indicators }
        throw DiagnosticsError(reader.diagnostics)
    }
}

extension YAMLWalker {
    static let yearHint = "учебный год пишется как 2025/2026 (или календарный год — 2026)"

    /// «2025/2026» (consecutive years) or «2026».
    static func schoolYear(_ text: String) -> String? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard let first = parts.first.flatMap({ Int($0) }), (2000...2100).contains(first) else { return nil }
        if parts.count == 1 { return String(first) }
        guard parts.count == 2, let second = Int(parts[1]), second == first + 1 else { return nil }
        return "\(first)/\(second)"
    }

    mutating func nonSurveyIndicators(_ root: Node, source: String) -> NonSurveyIndicators? {
        guard let map = mapping(root, "", allowed: ["organization", "year", "indicators"]) else { return nil }
        let organization = string(map, "organization", "", parent: root, required: false)
        var items: [NonSurveyIndicator] = []
        if let node = map["indicators"] {
            items = list(node, "indicators", "ожидался список показателей (элементы начинаются с «- »)",
                         hint: "например - {id: quality, title: Качество знаний, direction: higher, threshold: 50, values: {2025/2026: 47.3}}") { $0.nonSurveyIndicator($1, $2) }
            if items.isEmpty, node.sequence?.isEmpty == true { error(node, "indicators", "список показателей пуст") }
        } else {
            error(root, "indicators", "не указан обязательный ключ «indicators»", hint: "перечислите показатели: id, title, direction, threshold, values")
        }
        var seen: [String: Int] = [:]
        for item in items {
            if let first = seen[item.id] {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: item.line), path: "indicators",
                                              "показатель «\(item.id)» уже описан в строке \(first)", hint: "у каждого показателя свой id"))
            } else {
                seen[item.id] = item.line ?? 0
            }
        }
        let years = Set(items.flatMap { $0.values.map(\.year) }).sorted { ($0.prefix(4), $0) < ($1.prefix(4), $1) }
        var year = years.last ?? ""
        if let text = string(map, "year", "", parent: root, required: false) {
            if let parsed = Self.schoolYear(text), years.contains(parsed) {
                year = parsed
            } else {
                error(map["year"], "year", "«\(text)» — нет такого года среди значений показателей",
                      hint: years.isEmpty ? Self.yearHint : "годы в файле: " + years.joined(separator: ", "))
            }
        }
        for item in items where item.threshold == .region && item.value(in: year) != nil && item.region[year] == nil {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: item.line), path: "indicators.\(item.id).region",
                                          "порог — региональное значение, а его за \(year) нет",
                                          hint: "добавьте region: {\(year): …} или укажите порог числом"))
        }
        return NonSurveyIndicators(organization: organization, year: year, years: years, indicators: items, source: source)
    }

    /// Year → number blocks: `values` and `region`.
    mutating func yearValues(_ node: Node?, _ path: String, percent: Bool) -> [(year: String, value: Double)] {
        guard let node else { return [] }
        guard let pairs = node.mapping else {
            error(node, path, "ожидался блок «год: значение»", hint: "например {2024/2025: 49.8, 2025/2026: 47.3}")
            return []
        }
        var result: [(year: String, value: Double)] = []
        for (key, value) in pairs {
            guard let text = key.scalar?.string, let year = Self.schoolYear(text) else {
                error(key, path, "«\(key.scalar?.string ?? "")» — не учебный год", hint: Self.yearHint)
                continue
            }
            guard let number = value.scalar.flatMap({ Double($0.string.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)) }), number.isFinite else {
                error(value, "\(path).\(year)", "ожидалось число", hint: "дробная часть — через точку или запятую: 47.3")
                continue
            }
            if percent, !(0...100).contains(number) {
                error(value, "\(path).\(year)", "процент должен быть от 0 до 100", hint: "для показателя в процентах пишите 47.3, а не 0.473; иначе укажите unit: number")
                continue
            }
            if result.contains(where: { $0.year == year }) {
                error(key, "\(path).\(year)", "год \(year) указан дважды")
                continue
            }
            result.append((year, number))
        }
        return result.sorted { ($0.year.prefix(4), $0.year) < ($1.year.prefix(4), $1.year) }
    }

    mutating func nonSurveyIndicator(_ node: Node, _ path: String) -> NonSurveyIndicator? {
        let keys: Set<String> = ["id", "title", "unit", "direction", "threshold", "values", "region", "decision", "source"]
        guard let map = mapping(node, path, allowed: keys) else { return nil }
        let id = string(map, "id", path, parent: node)
        let named = id.map { "indicators.\($0)" } ?? path
        if let id, id.contains(where: { $0.isWhitespace }) {
            error(map["id"], "\(named).id", "в id не должно быть пробелов", hint: "например quality или oge_math")
        }
        let title = string(map, "title", named, parent: node)
        var unit = NonSurveyIndicator.Unit.percent
        if let text = string(map, "unit", named, parent: node, required: false) {
            if let parsed = NonSurveyIndicator.Unit(rawValue: text) ?? ["%": .percent, "процент": .percent, "балл": .score, "число": .number][text.lowercased()] {
                unit = parsed
            } else {
                error(map["unit"], "\(named).unit", "неизвестная единица «\(text)»", hint: "percent (проценты), score (средний балл) или number (число)")
            }
        }
        var higher = true
        if let text = string(map, "direction", named, parent: node) {
            switch text.lowercased() {
            case "higher", "выше", "больше", "higher_is_better": higher = true
            case "lower", "ниже", "меньше", "lower_is_better": higher = false
            default: error(map["direction"], "\(named).direction", "неизвестное направление «\(text)»",
                           hint: "higher — лучше, когда значение выше (успеваемость); lower — когда ниже (доля пропусков)")
            }
        }
        var threshold: NonSurveyIndicator.Threshold?
        if let node = map["threshold"] {
            let text = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            if ["region", "регион", "региональное"].contains(text.lowercased()) {
                threshold = .region
            } else if let value = Double(text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)), value.isFinite {
                if unit == .percent, !(0...100).contains(value) {
                    error(node, "\(named).threshold", "порог в процентах должен быть от 0 до 100")
                } else {
                    threshold = .value(value)
                }
            } else {
                error(node, "\(named).threshold", "ожидалось число или region", hint: "region — порог равен региональному значению того же года")
            }
        }
        let values = yearValues(map["values"], "\(named).values", percent: unit == .percent)
        if map["values"] == nil {
            error(node, "\(named).values", "не указан обязательный ключ «values»", hint: "например values: {2024/2025: 49.8, 2025/2026: 47.3}")
        } else if values.isEmpty, map["values"]?.mapping?.isEmpty == true {
            error(map["values"], "\(named).values", "нет ни одного значения")
        }
        let region = yearValues(map["region"], "\(named).region", percent: unit == .percent)
        var decision: [String: String] = [:]
        if let node = map["decision"], let decisionMap = mapping(node, "\(named).decision", allowed: ["action", "responsible", "deadline", "document"]) {
            for key in ["action", "responsible", "deadline", "document"] {
                decision[key] = string(decisionMap, key, "\(named).decision", parent: node, required: key == "action")
            }
        }
        let source = string(map, "source", named, parent: node, required: false)
        guard let id, let title, !values.isEmpty else { return nil }
        var indicator = NonSurveyIndicator(id: id, title: title, unit: unit, higherIsBetter: higher, threshold: threshold, values: values,
                                           region: Dictionary(region.map { ($0.year, $0.value) }, uniquingKeysWith: { first, _ in first }))
        indicator.action = decision["action"]
        indicator.responsible = decision["responsible"]
        indicator.deadline = decision["deadline"]
        indicator.document = decision["document"]
        indicator.source = source
        indicator.line = node.mark.map(\.line)
        return indicator
    }
}
