import AnketaCore
import Foundation

/// The first page of each run's form, rendered once and then only filled in: the visitor's token,
/// the form token (fresh for every showing) and the access code are written into a skeleton of the
/// page split at their places.
///
/// The skeleton is rendered with unguessable markers in those places and kept only when each marker
/// appears exactly once (otherwise the page is rendered every time, as before). It is keyed by
/// everything the page is made of — the run's link, whether it asks for a code, and the
/// questionnaire's id and version (a stored version never changes) — so a run changed in the
/// console (another questionnaire or version, codes switched on or off) is a new entry, and its old
/// page is never served again. Whether the run is open is checked on every request before this.
/// Memory is bounded: at most `capacity` pages (about 50 KB each); when full, the cache starts over.
///
/// Definitions are kept too, by id and version, so that showing a cached page reads no YAML.
final class FormPageCache: @unchecked Sendable {
    struct Key: Hashable {
        let slug: String
        let questionnaireID: String
        let version: Int
        let requiresCode: Bool
    }

    /// A page split at its slots: `parts[0] slot[0] parts[1] slot[1] … parts[n]` — or, for a page that
    /// could not be split, the way to render it whole.
    struct Skeleton {
        enum Slot { case csrf, token, code }
        private let parts: [String]
        private let slots: [Slot]
        private let rendering: ((_ csrf: String, _ token: String, _ code: String?) -> String)?

        init(parts: [String], slots: [Slot]) {
            self.parts = parts
            self.slots = slots
            rendering = nil
        }

        init(rendering: @escaping (_ csrf: String, _ token: String, _ code: String?) -> String) {
            parts = []
            slots = []
            self.rendering = rendering
        }

        /// The page with this showing's tokens (hex) and access code, escaped as Mustache escapes them.
        func filled(csrf: String, token: String, code: String?) -> String {
            if let rendering { return rendering(csrf, token, code) }
            var page = parts[0]
            page.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count } + 160)
            for (index, slot) in slots.enumerated() {
                switch slot {
                case .csrf: page += FormPageCache.escape(csrf)
                case .token: page += FormPageCache.escape(token)
                case .code: page += FormPageCache.escape(code ?? "")
                }
                page += parts[index + 1]
            }
            return page
        }
    }

    private let lock = NSLock()
    private var pages: [Key: Skeleton] = [:]
    private var definitions: [String: Questionnaire] = [:]
    let capacity: Int
    /// The markers a skeleton is rendered with (hex, so HTML escaping leaves them as they are).
    let markers: (csrf: String, token: String, code: String)

    init(capacity: Int = 256) {
        self.capacity = max(1, capacity)
        let nonce = Tokens.hex(bytes: 16)
        markers = ("c\(nonce)s", "t\(nonce)k", "a\(nonce)c")
    }

    subscript(key: Key) -> Skeleton? {
        lock.withLock { pages[key] }
    }

    /// Keeps the page rendered with ``markers`` as a skeleton; nil (and nothing kept) when a marker is
    /// not there exactly once.
    func store(_ page: String, for key: Key) -> Skeleton? {
        var found: [(offset: Int, slot: Skeleton.Slot, marker: String)] = []
        var wanted: [(Skeleton.Slot, String)] = [(.csrf, markers.csrf), (.token, markers.token)]
        if key.requiresCode { wanted.append((.code, markers.code)) }
        let bytes = Array(page.utf8)
        for (slot, marker) in wanted {
            let offsets = FormPageCache.offsets(of: Array(marker.utf8), in: bytes)
            guard offsets.count == 1 else { return nil }
            found.append((offsets[0], slot, marker))
        }
        // The code marker must not be there at all when the run asks for no code.
        if !key.requiresCode, !FormPageCache.offsets(of: Array(markers.code.utf8), in: bytes).isEmpty { return nil }
        found.sort { $0.offset < $1.offset }
        var parts: [String] = []
        var start = 0
        for item in found {
            parts.append(String(decoding: bytes[start..<item.offset], as: UTF8.self))
            start = item.offset + item.marker.utf8.count
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        let skeleton = Skeleton(parts: parts, slots: found.map(\.slot))
        lock.withLock {
            if pages.count >= capacity { pages.removeAll() }
            pages[key] = skeleton
        }
        return skeleton
    }

    /// A definition kept by id and version.
    func definition(id: String, version: Int, load: () async throws -> Questionnaire) async rethrows -> Questionnaire {
        let key = "\(id)#\(version)"
        if let known = definition(key) { return known }
        let loaded = try await load()
        keep(loaded, as: key)
        return loaded
    }

    private func definition(_ key: String) -> Questionnaire? {
        lock.withLock { definitions[key] }
    }

    private func keep(_ definition: Questionnaire, as key: String) {
        lock.withLock {
            if definitions.count >= capacity { definitions.removeAll() }
            definitions[key] = definition
        }
    }

    /// Where `needle` starts in `haystack`.
    static func offsets(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var result: [Int] = []
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], Array(haystack[index..<index + needle.count]) == needle {
                result.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return result
    }

    /// Text for an HTML attribute value (as Mustache escapes it).
    static func escape(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
