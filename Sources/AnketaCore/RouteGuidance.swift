/// What an indicator's deficit means for one teacher's individual educational route (ИОМ): the
/// development topic, the forms that answer it, the usual term and the expected result.
///
/// ```yaml
/// route:
///   topic: Критериальное оценивание
///   forms: [workshop, mentoring, visits]
///   term: I полугодие
///   result: критерии оценивания трёх видов работ, согласованные в ШМО
/// ```
public struct RouteGuidance: Sendable, Equatable {
    /// A form of professional development, as named in a route table.
    public enum Form: String, Sendable, Equatable, CaseIterable, Codable {
        case courses
        case internship
        case mentoring
        case visits
        case workshop
        case selfStudy = "self_study"

        /// The form as written in the «Форма» column.
        public var label: String {
            switch self {
            case .courses: "курсы повышения квалификации"
            case .internship: "стажировка"
            case .mentoring: "наставничество"
            case .visits: "взаимопосещение уроков"
            case .workshop: "практикум в ШМО"
            case .selfStudy: "самообразование"
            }
        }
    }

    public var topic: String
    /// In the order of preference; never empty in a loaded definition.
    public var forms: [Form]
    /// «I полугодие», «до 1 марта».
    public var term: String?
    /// What the teacher has at the end: a product or an observable change.
    public var result: String?

    public init(topic: String, forms: [Form], term: String? = nil, result: String? = nil) {
        self.topic = topic
        self.forms = forms
        self.term = term
        self.result = result
    }
}
