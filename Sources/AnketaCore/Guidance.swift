/// What a definition says to do when a figure falls short: the recommendation and, for the
/// management decisions table, who acts, by when, and which document records it.
///
/// ```yaml
/// recommendation: Создать комиссию родительского контроля за питанием …
/// responsible: заместитель директора по АХЧ
/// deadline: до 1 октября
/// document: приказ о создании комиссии
/// ```
public struct Guidance: Sendable, Equatable, Codable {
    public var recommendation: String?
    /// A role such as «заместитель директора по АХЧ»; the organisation profile may name the person.
    public var responsible: String?
    /// «до 1 октября», «в течение I четверти».
    public var deadline: String?
    /// The resulting document: приказ, протокол педагогического совета, план.
    public var document: String?

    public init(recommendation: String? = nil, responsible: String? = nil, deadline: String? = nil, document: String? = nil) {
        self.recommendation = recommendation
        self.responsible = responsible
        self.deadline = deadline
        self.document = document
    }

    /// Whether the definition says anything at all.
    public var isEmpty: Bool { recommendation == nil && responsible == nil && deadline == nil && document == nil }
}
