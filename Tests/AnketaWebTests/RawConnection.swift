import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to the test server on 127.0.0.1, for what an HTTP client library will not
/// do: an unfinished request head, a body that drips, a `Host` header of the test's choosing.
final class RawConnection: @unchecked Sendable {
    private let socket: Int32

    init(port: Int) throws {
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw TestFailure("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socket)
            throw TestFailure("connect() failed: \(errno)")
        }
    }

    private var closed = false

    deinit { disconnect() }

    /// Closes the connection from this side.
    func disconnect() {
        guard !closed else { return }
        closed = true
        close(socket)
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw TestFailure("send() failed: \(errno)") }
    }

    enum ReadOutcome: Equatable {
        /// The server closed the connection (after sending what is in `received`).
        case closed
        /// Nothing more arrived within the time given.
        case timedOut
    }

    /// Reads until the server closes the connection or `seconds` pass; returns what arrived. The
    /// blocking wait runs on a thread of its own: the server's handlers need the cooperative pool.
    func read(for seconds: Double) async -> (text: String, outcome: ReadOutcome) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.readBlocking(for: seconds)) }
        }
    }

    private func readBlocking(for seconds: Double) -> (text: String, outcome: ReadOutcome) {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return (String(decoding: received, as: UTF8.self), .timedOut) }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(max(1, left * 1000)))
            if ready <= 0 { continue }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { return (String(decoding: received, as: UTF8.self), .closed) }
            received += buffer[0..<count]
        }
    }
}
