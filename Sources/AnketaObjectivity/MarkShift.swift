/// How an external mark stands against the school's mark for the same student.
public enum MarkShift: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// External mark lower than the school mark («понизили»): a sign of inflated school marks.
    case lowered
    /// Equal («подтвердили»).
    case confirmed
    /// Higher («повысили»): a sign of marks set too strictly, or of a lucky day.
    case raised

    public init(external: Int, school: Int) {
        self = external < school ? .lowered : (external == school ? .confirmed : .raised)
    }

    /// The word used in Russian monitoring reports.
    public var title: String {
        switch self {
        case .lowered: "понизили"
        case .confirmed: "подтвердили"
        case .raised: "повысили"
        }
    }
}
