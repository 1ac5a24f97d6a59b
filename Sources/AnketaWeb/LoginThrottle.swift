import Foundation

/// Slows down password guessing against one account: after ``freeFailures`` failed sign-ins under a
/// login, the next attempt is refused (without checking the password) until a lock expires — one
/// minute, doubling with every further failure, at most fifteen. A success clears the count.
///
/// Unknown logins are counted the same way, so the answer does not tell which logins exist. Memory is
/// bounded: logins are cut to 64 characters and at most `capacity` are kept; entries older than the
/// longest lock are pruned first.
actor LoginThrottle {
    static let freeFailures = 5
    static let baseLock: TimeInterval = 60
    static let maxLock: TimeInterval = 15 * 60

    private struct Entry {
        var failures: Int
        var last: Date
    }

    private let capacity: Int
    private var entries: [String: Entry] = [:]

    init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    /// Seconds until the login may try again, or nil when it may try now.
    func lockRemaining(_ login: String, now: Date = Date()) -> TimeInterval? {
        guard let entry = entries[Self.key(login)], entry.failures >= Self.freeFailures else { return nil }
        let until = entry.last.addingTimeInterval(Self.lock(after: entry.failures))
        return until > now ? until.timeIntervalSince(now) : nil
    }

    func recordFailure(_ login: String, now: Date = Date()) {
        let key = Self.key(login)
        if entries[key] == nil, entries.count >= capacity {
            entries = entries.filter { now.timeIntervalSince($0.value.last) < Self.maxLock }
            if entries.count >= capacity, let oldest = entries.min(by: { $0.value.last < $1.value.last })?.key { entries[oldest] = nil }
        }
        var entry = entries[key] ?? Entry(failures: 0, last: now)
        // A login left alone for longer than the longest lock starts afresh.
        if now.timeIntervalSince(entry.last) > Self.maxLock { entry.failures = 0 }
        entry.failures += 1
        entry.last = now
        entries[key] = entry
    }

    func recordSuccess(_ login: String) {
        entries[Self.key(login)] = nil
    }

    /// How long a login with this many failures is locked.
    static func lock(after failures: Int) -> TimeInterval {
        guard failures >= freeFailures else { return 0 }
        return min(maxLock, baseLock * pow(2, Double(min(failures - freeFailures, 10))))
    }

    private static func key(_ login: String) -> String {
        String(login.lowercased().prefix(64))
    }
}
