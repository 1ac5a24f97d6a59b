/// A kind of work in the school's journal with its weight for the weighted average mark
/// (средневзвешенный балл): its column in the results file holds that kind's marks for the term.
///
/// ```yaml
/// journal:
///   - {column: Контрольные, kind: контрольные работы, weight: 3}
///   - {column: Текущие, kind: текущие отметки, weight: 1}
/// ```
public struct JournalKind: Sendable, Equatable {
    /// Header of the column with this kind's marks («5 4 4»).
    public var column: String
    /// The kind's name for the справка: «контрольные работы».
    public var name: String
    /// Weight of each mark of this kind (positive).
    public var weight: Double

    public init(column: String, name: String, weight: Double) {
        self.column = column
        self.name = name
        self.weight = weight
    }
}
