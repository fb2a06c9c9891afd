/// Why a transfer failed, with libcurl's code and message and the URL it concerned.
///
/// A struct over a private code so new cases never break callers; test with the `is…` properties.
public struct HTTPClientError: Error, Sendable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case connectFailed
        case timedOut
        case bodyTooLarge(limit: Int)
        case truncatedBody
        case connectionReset
        case badContentEncoding
        case invalidURL
        case shutDown
        case transferFailed
    }

    private let code: Code
    /// The URL of the request.
    public let url: String
    /// libcurl's `CURLcode`, when the failure came from libcurl.
    public let curlCode: Int?
    /// libcurl's message (its error buffer, else `curl_easy_strerror`).
    public let curlMessage: String?

    private init(_ code: Code, url: String, curlCode: Int? = nil, curlMessage: String? = nil) {
        self.code = code
        self.url = url
        self.curlCode = curlCode
        self.curlMessage = curlMessage
    }

    static func connectFailed(_ url: String, curlCode: Int, message: String) -> Self {
        .init(.connectFailed, url: url, curlCode: curlCode, curlMessage: message)
    }
    static func timedOut(_ url: String, curlCode: Int, message: String) -> Self {
        .init(.timedOut, url: url, curlCode: curlCode, curlMessage: message)
    }
    static func bodyTooLarge(_ url: String, limit: Int) -> Self { .init(.bodyTooLarge(limit: limit), url: url) }
    static func truncatedBody(_ url: String, curlCode: Int, message: String) -> Self {
        .init(.truncatedBody, url: url, curlCode: curlCode, curlMessage: message)
    }
    static func connectionReset(_ url: String, curlCode: Int, message: String) -> Self {
        .init(.connectionReset, url: url, curlCode: curlCode, curlMessage: message)
    }
    static func badContentEncoding(_ url: String, curlCode: Int, message: String) -> Self {
        .init(.badContentEncoding, url: url, curlCode: curlCode, curlMessage: message)
    }
    static func invalidURL(_ url: String, curlCode: Int? = nil, message: String) -> Self {
        .init(.invalidURL, url: url, curlCode: curlCode, curlMessage: message)
    }
    static func shutDown(_ url: String) -> Self { .init(.shutDown, url: url) }
    static func transferFailed(_ url: String, curlCode: Int, message: String) -> Self {
        .init(.transferFailed, url: url, curlCode: curlCode, curlMessage: message)
    }

    /// The connection could not be made (refused, unreachable, DNS failure).
    public var isConnectFailure: Bool { code == .connectFailed }
    /// The connect or total timeout expired.
    public var isTimeout: Bool { code == .timedOut }
    /// The body exceeded the configured maximum and the transfer was stopped.
    public var isBodyTooLarge: Bool { if case .bodyTooLarge = code { true } else { false } }
    /// The server closed the connection before sending the whole body.
    public var isTruncated: Bool { code == .truncatedBody }
    /// The connection was reset or closed with nothing received.
    public var isConnectionReset: Bool { code == .connectionReset }
    /// The URL was not an allowed `http`/`https` URL.
    public var isInvalidURL: Bool { code == .invalidURL }
    /// The client was shut down before the transfer finished.
    public var isShutDown: Bool { code == .shutDown }

    /// Whether trying again later may succeed (timeouts, resets, truncation, refused connections).
    public var isTransient: Bool {
        switch code {
        case .connectFailed, .timedOut, .truncatedBody, .connectionReset, .transferFailed: true
        case .bodyTooLarge, .badContentEncoding, .invalidURL, .shutDown: false
        }
    }

    public var description: String {
        let detail = curlMessage.map { ": \($0)" } ?? ""
        switch code {
        case .connectFailed: return "could not connect to \(url)\(detail)"
        case .timedOut: return "timed out fetching \(url)\(detail)"
        case .bodyTooLarge(let limit): return "response from \(url) is larger than the \(limit)-byte limit"
        case .truncatedBody: return "response from \(url) was cut short\(detail)"
        case .connectionReset: return "connection to \(url) was reset\(detail)"
        case .badContentEncoding: return "response from \(url) has a broken content encoding\(detail)"
        case .invalidURL: return "invalid URL \(url)\(detail)"
        case .shutDown: return "HTTP client shut down before \(url) was fetched"
        case .transferFailed: return "fetching \(url) failed\(detail)"
        }
    }
}
