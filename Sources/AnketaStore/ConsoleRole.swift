/// What a console user may see and do.
///
/// A municipal methodist works with every school's runs and manages the console's users; a school
/// administrator works only with the runs of their own unit (the `--unit` string of waves and runs).
public enum ConsoleRole: String, Codable, Sendable, CaseIterable {
    case methodist
    case schoolAdministrator = "school_administrator"
}
