/// A place in an input file, for messages that say where.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}

/// One problem found in a user's file: where, what, and what to do.
///
/// Rendered compiler-style: `Questionnaires/x.yaml:12:7: ошибка: questions[3].scale: неизвестная шкала «agree7»`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error = "ошибка"
        case warning = "предупреждение"
    }

    public var severity: Severity
    public var location: SourceLocation
    /// Key path inside the file (`questions[3].scale`) or a column header.
    public var path: String?
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(_ severity: Severity = .error, at location: SourceLocation, path: String? = nil,
                _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.path = path
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): "
        if let path { text += "\(path): " }
        text += message
        if let hint { text += "\n  подсказка: \(hint)" }
        return text
    }
}

/// Errors carrying every problem of a file, reported together.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
