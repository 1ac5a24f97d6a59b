import NIOCore

/// Client and server addresses: which address a request is counted under, and where links point.
enum ClientAddress {
    /// The key a request is rate-limited under: the peer's address; when the peer is one of
    /// `trustedProxies`, the last address in `X-Forwarded-For` (the one that proxy appended) if it is
    /// a valid IP address. A client reaching the server directly cannot choose its key.
    ///
    /// ```swift
    /// ClientAddress.key(peer: "127.0.0.1", forwardedFor: ["10.0.0.7"], trustedProxies: ["127.0.0.1"])  // "10.0.0.7"
    /// ClientAddress.key(peer: "10.0.0.9", forwardedFor: ["1.2.3.4"], trustedProxies: ["127.0.0.1"])    // "10.0.0.9"
    /// ```
    static func key(peer: String?, forwardedFor: [String], trustedProxies: Set<String>) -> String {
        guard let peer = peer.flatMap(canonical) else { return "unknown" }
        guard trustedProxies.contains(peer),
              let last = forwardedFor.last?.split(separator: ",").last,
              let forwarded = canonical(last.trimmingCharacters(in: .whitespaces)) else { return peer }
        return forwarded
    }

    /// The address in its canonical form, or nil if it is not an IP address.
    static func canonical<S: StringProtocol>(_ text: S) -> String? {
        let text = String(text)
        guard text.utf8.count <= 45, let address = try? SocketAddress(ipAddress: text, port: 0) else { return nil }
        return address.ipAddress
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1"
    }

    /// `http://host:port` for the listening address; for a wildcard (0.0.0.0, ::) the first
    /// non-loopback IPv4 address of this machine.
    static func listeningURL(host: String, port: Int, secure: Bool) -> String {
        var name = host
        if host == "0.0.0.0" || host == "::" || host.isEmpty {
            let devices = (try? System.enumerateDevices()) ?? []
            name = devices.compactMap { device -> String? in
                guard let address = device.address, case .v4 = address, let ip = address.ipAddress, !isLoopback(ip) else { return nil }
                return ip
            }.first ?? "127.0.0.1"
        }
        if name.contains(":") { name = "[\(name)]" }
        return "\(secure ? "https" : "http")://\(name):\(port)"
    }
}
