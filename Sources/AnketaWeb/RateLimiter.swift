import Foundation

/// Counts submissions per client address in a sliding minute; addresses are kept in memory only,
/// for at most a minute, and never written with a response.
actor RateLimiter {
    private let limit: Int
    private var hits: [String: [Date]] = [:]

    init(perMinute limit: Int) {
        self.limit = limit
    }

    /// Records a hit; returns false when the client is over the limit.
    func allow(_ client: String, now: Date = Date()) -> Bool {
        let cutoff = now.addingTimeInterval(-60)
        var recent = (hits[client] ?? []).filter { $0 > cutoff }
        guard recent.count < limit else {
            hits[client] = recent
            return false
        }
        recent.append(now)
        hits[client] = recent
        if hits.count > 10_000 { hits = hits.filter { $0.value.contains { $0 > cutoff } } }
        return true
    }
}
