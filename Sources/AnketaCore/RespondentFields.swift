/// The questions of a non-anonymous questionnaire (`anonymous: false`) that say who answered.
///
/// Only a named instrument may carry them; the individual profile (ИОМ) of a teacher is drawn up
/// only for a respondent whose consent answer is positive.
///
/// ```yaml
/// anonymous: false
/// respondent: {name: full_name, position: position, consent: consent, forms: pd_forms}
/// ```
public struct RespondentFields: Sendable, Equatable {
    /// A `short_text` question: the respondent's name as written.
    public var name: String
    /// Optional: the respondent's position or role.
    public var position: String?
    /// Optional: a `single` question whose positive option means consent to individual use.
    public var consent: String?
    /// Optional: a `multiple` question of preferred development forms; option codes that are
    /// ``RouteGuidance/Form`` raw values steer the form chosen in the route.
    public var forms: String?

    public init(name: String, position: String? = nil, consent: String? = nil, forms: String? = nil) {
        self.name = name
        self.position = position
        self.consent = consent
        self.forms = forms
    }
}
