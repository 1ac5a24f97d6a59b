import Foundation

/// Counts hits per key (a client address or a server-issued form token) in a sliding minute. Keys
/// are kept in memory only, for at most a minute, and never written with a response.
///
/// Memory is bounded: a key is at most ``maxKeyLength`` characters, holds at most `limit` times,
/// and at most `capacity` keys are kept (expired ones are pruned first, then the least recently
/// used). A refused hit adds nothing.
///
/// A hit costs the same however many a key holds: a key's times are kept in order, expired ones are
/// dropped from the front, and the count is what remains (a key hit thousands of times a minute —
/// a load test from one address — is not copied or scanned on every hit).
actor RateLimiter {
    static let maxKeyLength = 64
    private let limit: Int
    private let window: TimeInterval
    private let capacity: Int
    private var hits: [String: Hits] = [:]

    /// A key's hits within the window, oldest first: `times[start...]` (the prefix is garbage,
    /// compacted when it grows to half of the array).
    private struct Hits {
        var times: [TimeInterval] = []
        var start = 0

        var count: Int { times.count - start }
        var last: TimeInterval { times.last ?? -.infinity }

        mutating func prune(before cutoff: TimeInterval) {
            while start < times.count, times[start] <= cutoff { start += 1 }
            compact()
        }

        mutating func drop(_ count: Int) {
            start += min(count, self.count)
            compact()
        }

        private mutating func compact() {
            if start == times.count {
                times.removeAll(keepingCapacity: true)
                start = 0
            } else if start > 32, start * 2 >= times.count {
                times.removeFirst(start)
                start = 0
            }
        }
    }

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
        let key = Self.bounded(key)
        let cutoff = now.timeIntervalSinceReferenceDate - window
        guard hits[key] != nil else { return true }
        hits[key]?.prune(before: cutoff)
        return (hits[key]?.count ?? 0) < limit
    }

    /// Records a hit (for limits that count only failures, such as wrong access codes).
    func record(_ key: String, now: Date = Date()) {
        let key = Self.bounded(key)
        let time = now.timeIntervalSinceReferenceDate
        let cutoff = time - window
        if hits[key] == nil, hits.count >= capacity { makeRoom(cutoff: cutoff) }
        hits[key, default: Hits()].prune(before: cutoff)
        // Kept in order: a clock stepping back does not put an earlier time after a later one.
        hits[key, default: Hits()].times.append(max(time, hits[key]?.last ?? time))
        if let count = hits[key]?.count, count > limit { hits[key]?.drop(count - limit) }
    }

    /// Number of keys held (for tests of the memory bound).
    var keyCount: Int { hits.count }

    private func makeRoom(cutoff: TimeInterval) {
        hits = hits.filter { $0.value.last > cutoff }
        guard hits.count >= capacity else { return }
        // Still full of live keys: drop the tenth used least recently.
        let stale = hits.sorted { $0.value.last < $1.value.last }.prefix(max(1, capacity / 10))
        for (key, _) in stale { hits[key] = nil }
    }

    private static func bounded(_ key: String) -> String {
        key.utf8.count <= maxKeyLength ? key : String(decoding: key.utf8.prefix(maxKeyLength), as: UTF8.self)
    }
}
