import AnketaStore

/// The signed-in console user with their session: who they are, what role, which unit.
struct ConsoleUser: Sendable {
    let session: AdminSession
    let user: Admin

    var isMethodist: Bool { user.role == .methodist }

    /// «муниципальный методист» / «администратор школы (МБОУ СОШ № 1)».
    static func title(of user: Admin) -> String {
        switch user.role {
        case .methodist: "муниципальный методист"
        case .schoolAdministrator: user.unit.isEmpty ? "администратор школы" : "администратор школы (\(user.unit))"
        }
    }

    static func roleName(_ role: ConsoleRole) -> String {
        switch role {
        case .methodist: "Муниципальный методист — все школы, пользователи"
        case .schoolAdministrator: "Администратор школы — только своя школа"
        }
    }
}
