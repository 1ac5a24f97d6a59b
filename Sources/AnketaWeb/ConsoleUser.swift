import AnketaStore

/// The signed-in console user with their session: who they are, what role, which unit.
struct ConsoleUser: Sendable {
    let session: AdminSession
    let user: Admin
    /// A school administrator's unit by its registry short name (code → name), when it is a registry code.
    var unitNames: [String: String] = [:]

    var isMethodist: Bool { user.role == .methodist }

    /// «муниципальный методист» / «администратор школы (МБОУ СОШ № 1)»; a unit that is a code of
    /// the units registry is shown by its short name (`names`: code → short name).
    static func title(of user: Admin, names: [String: String] = [:]) -> String {
        switch user.role {
        case .methodist: "муниципальный методист"
        case .schoolAdministrator: user.unit.isEmpty ? "администратор школы" : "администратор школы (\(names[user.unit] ?? user.unit))"
        }
    }

    static func roleName(_ role: ConsoleRole) -> String {
        switch role {
        case .methodist: "Муниципальный методист — все школы, пользователи"
        case .schoolAdministrator: "Администратор школы — только своя школа"
        }
    }
}
