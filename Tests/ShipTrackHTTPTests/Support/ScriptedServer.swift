#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A tiny HTTP/1.1 server on 127.0.0.1 port 0 whose every reply the test writes itself, byte for byte.
///
/// The carrier simulator answers like a carrier; this one exists for what no carrier should do and the client must
/// still survive: redirects anywhere, HTTP/0.9 and other non-HTTP replies. Blocking sockets, one thread per
/// connection, keep-alive unless a reply says to close, so tests can also count connections.
final class ScriptedServer: Sendable {
    /// One request as the server received it.
    struct Request: Sendable {
        var method: String
        var target: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// What to send back: the bytes, and whether to close the connection after them.
    struct Reply: Sendable {
        var bytes: [UInt8]
        var close: Bool

        /// A well-formed keep-alive HTTP/1.1 response with `Content-Length`.
        static func http(_ status: Int, headers: [(String, String)] = [], body: String = "") -> Reply {
            var head = "HTTP/1.1 \(status) Scripted\r\nContent-Length: \(body.utf8.count)\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            return Reply(bytes: Array((head + "\r\n" + body).utf8), close: false)
        }

        /// Exactly these bytes, then the connection closes (how an HTTP/0.9 server ends its reply).
        static func raw(_ text: String) -> Reply { Reply(bytes: Array(text.utf8), close: true) }
    }

    private struct State {
        var requests: [Request] = []
        var connectionsAccepted = 0
        var clients: [Int32] = []
        var stopped = false
    }

    /// The port the server listens on.
    let port: Int
    private let listener: Int32
    private let state = Mutex(State())
    private let handler: @Sendable (Request, _ port: Int) -> Reply

    /// Starts listening; `handler` chooses the reply to each request, given the server's port (for redirects to
    /// itself under another name).
    init(handler: @escaping @Sendable (Request, _ port: Int) -> Reply) throws {
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw ScriptedServerError(call: "socket", errno: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 64) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard bound else {
            let error = errno
            close(listener)
            throw ScriptedServerError(call: "bind/listen", errno: error)
        }
        self.listener = listener
        self.port = Int(UInt16(bigEndian: address.sin_port))
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order.
    var requests: [Request] { state.withLock { $0.requests } }

    /// Connections accepted so far.
    var connectionsAccepted: Int { state.withLock { $0.connectionsAccepted } }

    /// Stops accepting and ends every open connection.
    func stop() {
        let clients = state.withLock { state -> [Int32] in
            state.stopped = true
            return state.clients
        }
        shutdown(listener, Int32(SHUT_RDWR))
        for client in clients { shutdown(client, Int32(SHUT_RDWR)) }
    }

    deinit { close(listener) }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            let keep = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.connectionsAccepted += 1
                state.clients.append(client)
                return true
            }
            guard keep else {
                close(client)
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer {
            state.withLock { $0.clients.removeAll { $0 == client } }
            close(client)
        }
        var buffered: [UInt8] = []
        while let request = readRequest(client, &buffered) {
            state.withLock { $0.requests.append(request) }
            let reply = handler(request, port)
            guard sendAll(client, reply.bytes), !reply.close else { return }
        }
    }

    private func readRequest(_ client: Int32, _ buffered: inout [UInt8]) -> Request? {
        let terminator = Array("\r\n\r\n".utf8)
        while buffered.firstRange(of: terminator) == nil {
            guard receive(client, into: &buffered) else { return nil }
        }
        let end = buffered.firstRange(of: terminator)!
        let head = String(decoding: buffered[..<end.lowerBound], as: UTF8.self)
        buffered.removeSubrange(..<end.upperBound)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var request = Request(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: [])
        let length = request.header("Content-Length").flatMap { Int($0) } ?? 0
        while buffered.count < length {
            guard receive(client, into: &buffered) else { return nil }
        }
        request.body = Array(buffered.prefix(length))
        buffered.removeFirst(length)
        return request
    }

    private func receive(_ client: Int32, into buffered: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1_024)
        let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffered += chunk[..<count]
        return true
    }

    private func sendAll(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.send(client, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(client, buffer.baseAddress, buffer.count, 0)
                #endif
            }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}

/// A socket call of the scripted server failed.
struct ScriptedServerError: Error, CustomStringConvertible {
    let call: String
    let errno: Int32
    var description: String { "\(call) failed: \(String(cString: strerror(errno)))" }
}
