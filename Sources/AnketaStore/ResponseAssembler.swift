import AnketaCore

/// Puts a response back together from its answer rows, in the order stored (a multiple choice's
/// options in the order they were written).
public struct ResponseAssembler {
    private var current: StoredResponse?
    private var multiple: [String: [String]] = [:]

    public init() {}

    /// Starts the response with this id unless it is the current one; returns the finished previous one.
    public mutating func start(id: Int64, submittedAt: String?) -> StoredResponse? {
        if current?.id == id { return nil }
        let done = finish()
        current = StoredResponse(id: id, response: Response(submittedAt: submittedAt))
        return done
    }

    /// Adds an answer row to the current response.
    public mutating func add(question: String, kind: String, value: String, number: Double?) {
        switch kind {
        case "option": current?.response[question] = .option(value)
        case "options": multiple[question, default: []].append(value)
        case "number": current?.response[question] = number.map { .number($0) } ?? .noAnswer
        case "text": current?.response[question] = .text(value)
        default: current?.response[question] = .noAnswer
        }
    }

    /// The current response, finished; nil when there is none.
    public mutating func finish() -> StoredResponse? {
        guard var done = current else { return nil }
        for (question, codes) in multiple { done.response[question] = .options(codes.filter { !$0.isEmpty }) }
        multiple.removeAll(keepingCapacity: true)
        current = nil
        return done
    }
}
