/// What the results file's teacher column names.
///
/// ```yaml
/// columns: {teacher: Код учителя}
/// teacher: person        # or group: «МО-1», «кафедра математики»
/// ```
public enum TeacherKind: String, Sendable, Equatable, CaseIterable {
    /// One teacher, by code (a digit, no spaces), never a name — a value that looks like a name is rejected.
    case person
    /// A teacher group (методическое объединение, кафедра, a pair of teachers), by any label.
    case group

    /// Reads `person`/`учитель` or `group`/`группа`.
    public init?(text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "person", "учитель", "педагог": self = .person
        case "group", "группа", "группа учителей": self = .group
        default: return nil
        }
    }
}
