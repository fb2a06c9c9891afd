#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A deliberately small HTTP/1.1 client over a plain TCP socket, so the tests see exactly the bytes and
/// connection events (end of stream, reset, silence) the simulator produces, with nothing in between.
///
/// Its calls block, so tests run them through `onBlockingThread`.
final class RawHTTPConnection {
    private let descriptor: Int32
    /// Bytes received but not yet consumed by a read.
    private var received: [UInt8] = []

    /// Connects to `127.0.0.1:port`.
    init(port: Int) throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw RawHTTPError.system(call: "socket", errno: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                connect(descriptor, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let error = errno
            close(descriptor)
            throw RawHTTPError.system(call: "connect", errno: error)
        }
        self.descriptor = descriptor
    }

    deinit {
        close(self.descriptor)
    }

    /// A `GET` request for `target` with the given extra header lines (such as `Connection: close`).
    static func get(_ target: String, headers: [String] = [], version: String = "HTTP/1.1") -> String {
        (["GET \(target) \(version)", "Host: 127.0.0.1"] + headers).joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// A `POST` request for `target` with a urlencoded form `body`.
    static func post(_ target: String, form body: String) -> String {
        [
            "POST \(target) HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/x-www-form-urlencoded",
            "Content-Length: \(body.utf8.count)",
        ].joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    /// Opens a connection, sends `request`, and reads one response.
    static func exchange(port: Int, _ request: String) throws -> RawHTTPResponse {
        let connection = try RawHTTPConnection(port: port)
        try connection.send(request)
        return try connection.readResponse()
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { buffer in
                sendWithoutSignal(self.descriptor, buffer.baseAddress, buffer.count)
            }
            guard sent > 0 else { throw RawHTTPError.system(call: "send", errno: errno) }
            offset += sent
        }
    }

    /// Waits up to `timeout` for the next bytes from the server, or for the connection to end.
    func receive(timeout: Duration) throws -> RawHTTPReadOutcome {
        if !self.received.isEmpty {
            defer { self.received.removeAll() }
            return .data(self.received)
        }
        return try self.receiveFromSocket(timeout: timeout)
    }

    /// Reads a response head, then a body of exactly `Content-Length` bytes.
    func readResponse(timeout: Duration = .seconds(10)) throws -> RawHTTPResponse {
        let deadline = ContinuousClock.now + timeout
        var response = try self.readHead(deadline: deadline)
        guard let length = response.contentLength else { throw RawHTTPError.malformedResponse("no Content-Length") }
        while self.received.count < length {
            switch try self.receiveFromSocket(until: deadline) {
            case .data(let bytes): self.received += bytes
            case let ending: throw RawHTTPError.endedEarly(ending, bodyBytes: self.received.count, expected: length)
            }
        }
        response.body = Array(self.received.prefix(length))
        self.received.removeFirst(length)
        return response
    }

    /// Reads just a response head, for responses that carry no body whatever their `Content-Length` (HEAD).
    func readHeadOnly(timeout: Duration = .seconds(10)) throws -> RawHTTPResponse {
        try self.readHead(deadline: ContinuousClock.now + timeout)
    }

    /// Reads a response head, then every byte that follows until the connection ends or `timeout` passes.
    func readHeadThenUntilEnd(timeout: Duration = .seconds(10)) throws -> (RawHTTPResponse, ending: RawHTTPReadOutcome) {
        let deadline = ContinuousClock.now + timeout
        var response = try self.readHead(deadline: deadline)
        while true {
            switch try self.receiveFromSocket(until: deadline) {
            case .data(let bytes):
                self.received += bytes
            case let ending:
                response.body = self.received
                self.received.removeAll()
                return (response, ending)
            }
        }
    }

    /// Reads until the connection ends or `timeout` passes, and says how it ended.
    func readUntilEnd(timeout: Duration = .seconds(10)) throws -> (bytes: [UInt8], ending: RawHTTPReadOutcome) {
        let deadline = ContinuousClock.now + timeout
        var bytes = self.received
        self.received.removeAll()
        while true {
            switch try self.receiveFromSocket(until: deadline) {
            case .data(let more): bytes += more
            case let ending: return (bytes, ending)
            }
        }
    }

    private func readHead(deadline: ContinuousClock.Instant) throws -> RawHTTPResponse {
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            if let end = self.received.firstRange(of: terminator) {
                let head = Array(self.received[..<end.lowerBound])
                self.received.removeSubrange(..<end.upperBound)
                return try RawHTTPResponse(head: head)
            }
            switch try self.receiveFromSocket(until: deadline) {
            case .data(let bytes): self.received += bytes
            case let ending: throw RawHTTPError.endedEarly(ending, bodyBytes: 0, expected: 0)
            }
        }
    }

    private func receiveFromSocket(until deadline: ContinuousClock.Instant) throws -> RawHTTPReadOutcome {
        try self.receiveFromSocket(timeout: max(.zero, deadline - ContinuousClock.now))
    }

    private func receiveFromSocket(timeout: Duration) throws -> RawHTTPReadOutcome {
        let milliseconds = Int32(clamping: timeout.components.seconds * 1_000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready != 0 else { return .timedOut }
        guard ready > 0 else { throw RawHTTPError.system(call: "poll", errno: errno) }

        var buffer = [UInt8](repeating: 0, count: 64 * 1_024)
        let count = buffer.withUnsafeMutableBytes { recv(self.descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 { return .data(Array(buffer[..<count])) }
        if count == 0 { return .endOfStream }
        if errno == ECONNRESET { return .reset }
        throw RawHTTPError.system(call: "recv", errno: errno)
    }
}

/// `send(2)` without SIGPIPE when the server has already closed (the tests expect that and check for it).
private func sendWithoutSignal(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.send(descriptor, bytes, count, Int32(MSG_NOSIGNAL))
    #else
    Darwin.send(descriptor, bytes, count, 0)
    #endif
}
