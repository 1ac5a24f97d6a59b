import Foundation

/// Counts hits per key (a client address or a server-issued form token) in a sliding minute. Keys
/// are kept in memory only, for at most a minute, and never written with a response.
///
/// Memory is bounded: a key is at most ``maxKeyLength`` characters, holds at most `limit` times,
/// and at most `capacity` keys are kept (expired ones are pruned first, then the least recently
/// used). A refused hit adds nothing.
actor RateLimiter {
    static let maxKeyLength = 64
    private let limit: Int
    private let window: TimeInterval
    private let capacity: Int
    private var hits: [String: [Date]] = [:]

    init(perMinute limit: Int, capacity: Int = 10_000, window: TimeInterval = 60) {
        self.limit = max(1, limit)
        self.capacity = max(1, capacity)
        self.window = window
    }

    /// Records a hit; returns false (recording nothing) when the key is over the limit.
    func allow(_ key: String, now: Date = Date()) -> Bool {
        guard check(key, now: now) else { return false }
        record(key, now: now)
        return true
    }

    /// Whether a hit would be allowed, without recording one.
    func check(_ key: String, now: Date = Date()) -> Bool {
        let cutoff = now.addingTimeInterval(-window)
        return (hits[Self.bounded(key)] ?? []).lazy.filter { $0 > cutoff }.count < limit
    }

    /// Records a hit (for limits that count only failures, such as wrong access codes).
    func record(_ key: String, now: Date = Date()) {
        let key = Self.bounded(key)
        let cutoff = now.addingTimeInterval(-window)
        var recent = (hits[key] ?? []).filter { $0 > cutoff }
        recent.append(now)
        if recent.count > limit { recent.removeFirst(recent.count - limit) }
        if hits[key] == nil, hits.count >= capacity { makeRoom(cutoff: cutoff) }
        hits[key] = recent
    }

    /// Number of keys held (for tests of the memory bound).
    var keyCount: Int { hits.count }

    private func makeRoom(cutoff: Date) {
        hits = hits.filter { $0.value.contains { $0 > cutoff } }
        guard hits.count >= capacity else { return }
        // Still full of live keys: drop the tenth used least recently.
        let stale = hits.sorted { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }.prefix(max(1, capacity / 10))
        for (key, _) in stale { hits[key] = nil }
    }

    private static func bounded(_ key: String) -> String {
        key.utf8.count <= maxKeyLength ? key : String(decoding: key.utf8.prefix(maxKeyLength), as: UTF8.self)
    }
}
