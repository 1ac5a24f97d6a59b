import Foundation
import Yams

/// Loads an organisation profile (YAML), reporting every problem with file, line and column.
///
/// ```swift
/// let profile = try OrganizationLoader().load(contentsOf: URL(filePath: "Samples/organization.yaml"))
/// ```
public struct OrganizationLoader: Sendable {
    public init() {}

    public func load(contentsOf url: URL, displayPath: String? = nil) throws -> OrganizationProfile {
        let path = displayPath ?? url.relativePath
        return try load(yaml: DefinitionReader.text(of: url, path: path, what: "файл профиля организации", hint: "проверьте путь и права доступа"),
                        file: path)
    }

    public func load(yaml: String, file: String) throws -> OrganizationProfile {
        var reader = DefinitionReader(file: file)
        guard let root = try reader.compose(yaml) else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "файл пуст",
                                               hint: "начните с ключа organization: {full_name: …}")])
        }
        let profile = reader.organization(root)
        guard !reader.diagnostics.contains(where: { $0.severity == .error }), let profile else { throw DiagnosticsError(reader.diagnostics) }
        return profile
    }
}

extension DefinitionReader {
    mutating func organization(_ root: Node) -> OrganizationProfile? {
        let keys: Set<String> = ["organization", "signatory", "review", "basis", "contingent", "staff", "surveys", "document"]
        guard let map = mapping(root, "", allowed: keys) else { return nil }
        guard let orgNode = map["organization"] else {
            error(root, "organization", "не указан обязательный ключ «organization»", hint: "organization: {full_name: …, short_name: …}")
            return nil
        }
        guard let org = mapping(orgNode, "organization", allowed: ["full_name", "short_name", "municipality", "place", "time_zone"]) else { return nil }
        let fullName = string(org, "full_name", "organization", parent: orgNode) ?? ""
        var profile = OrganizationProfile(fullName: fullName,
                                          shortName: string(org, "short_name", "organization", parent: orgNode, required: false),
                                          municipality: string(org, "municipality", "organization", parent: orgNode, required: false),
                                          place: string(org, "place", "organization", parent: orgNode, required: false))
        if let zone = string(org, "time_zone", "organization", parent: orgNode, required: false) {
            if TimeZone(identifier: zone) != nil {
                profile.timeZone = zone
            } else {
                error(org["time_zone"] ?? orgNode, "organization.time_zone", "неизвестный часовой пояс «\(zone)»",
                      hint: "часовой пояс из базы IANA, например Europe/Moscow, Asia/Yekaterinburg, Asia/Novosibirsk")
            }
        }
        if let node = map["signatory"] { profile.signatory = signatory(node, "signatory") }
        if map["review"] != nil { profile.review = string(map, "review", "", parent: root) ?? OrganizationProfile.defaultReview }
        profile.basis = string(map, "basis", "", parent: root, required: false)
        if let node = map["contingent"], let body = mapping(node, "contingent", allowed: Set(Audience.allCases.map(\.rawValue))) {
            for (key, value) in body {
                guard let audience = Audience(rawValue: key) else { continue }
                if let count = count(value, "contingent.\(key)") { profile.contingent[audience] = count }
            }
        }
        if let node = map["staff"] {
            if let pairs = node.mapping {
                for (key, value) in pairs {
                    guard let role = key.scalar?.string, let name = value.scalar?.string, !name.isEmpty else {
                        error(value, "staff", "ожидалось «должность: И. О. Фамилия»")
                        continue
                    }
                    profile.staff[role] = name
                }
            } else {
                error(node, "staff", "ожидался блок «должность: И. О. Фамилия»")
            }
        }
        if let node = map["surveys"] {
            if let pairs = node.mapping {
                for (key, value) in pairs {
                    guard let id = key.scalar?.string else { continue }
                    let path = "surveys.\(id)"
                    guard let body = mapping(value, path, allowed: ["basis", "purpose", "contingent", "signatory", "review"]) else { continue }
                    profile.surveys[id] = OrganizationProfile.Survey(
                        basis: string(body, "basis", path, parent: value, required: false),
                        purpose: string(body, "purpose", path, parent: value, required: false),
                        contingent: body["contingent"].flatMap { count($0, "\(path).contingent") },
                        signatory: body["signatory"].flatMap { signatory($0, "\(path).signatory") },
                        review: string(body, "review", path, parent: value, required: false))
                }
            } else {
                error(node, "surveys", "ожидался блок «id анкеты: {basis: …}»")
            }
        }
        if let node = map["document"], let body = mapping(node, "document", allowed: ["font", "body_size", "table_size"]) {
            var style = OrganizationProfile.Style()
            if let font = string(body, "font", "document", parent: node, required: false) { style.font = font }
            for (key, keyPath) in [("body_size", \OrganizationProfile.Style.bodySize), ("table_size", \OrganizationProfile.Style.tableSize)] {
                guard let size = double(body, key, "document", parent: node) else { continue }
                if (8...20).contains(size) { style[keyPath: keyPath] = size } else {
                    error(body[key], "document.\(key)", "размер шрифта \(RussianNumber.plain(size)) вне пределов 8–20 пт", hint: "обычно 14 для текста и 12 для таблиц")
                }
            }
            profile.style = style
        }
        return profile
    }

    private mutating func signatory(_ node: Node, _ path: String) -> OrganizationProfile.Signatory? {
        guard let body = mapping(node, path, allowed: ["position", "name"]),
              let position = string(body, "position", path, parent: node),
              let name = string(body, "name", path, parent: node) else { return nil }
        return OrganizationProfile.Signatory(position: position, name: name)
    }

    private mutating func count(_ node: Node, _ path: String) -> Int? {
        guard let value = node.int, value > 0 else {
            error(node, path, "ожидалось целое положительное число", hint: "сколько человек могли ответить, например 480")
            return nil
        }
        return value
    }
}
