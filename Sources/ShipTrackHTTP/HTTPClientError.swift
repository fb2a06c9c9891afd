/// Why a transfer failed, with libcurl's code and message and the URL it concerned.
///
/// A struct over a private code so new cases never break callers; test with the `is…` properties. The URL and the
/// message have the request's ``HTTPRequest/redactions`` hidden, so the error can be logged and stored as it is.
public struct HTTPClientError: Error, Sendable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case connectFailed
        case timedOut
        case bodyTooLarge(limit: Int)
        case truncatedBody
        case connectionReset
        case badContentEncoding
        case invalidURL
        case malformedReply
        case tlsFailed
        case setupFailed
        case shutDown
        case transferFailed
    }

    private let code: Code
    /// The URL of the request (the redirect hop that failed, when redirects were followed), secrets hidden; empty
    /// when the client itself could not be set up.
    public let url: String
    /// libcurl's `CURLcode`, when the failure came from an easy-handle call or a transfer.
    public let curlCode: Int?
    /// libcurl's `CURLMcode`, when the failure came from a multi-handle call.
    public let curlMultiCode: Int?
    /// libcurl's message (its error buffer, else `curl_easy_strerror` or `curl_multi_strerror`), secrets hidden.
    public let curlMessage: String?

    private init(
        _ code: Code, url: String, curlCode: Int? = nil, curlMultiCode: Int? = nil, curlMessage: String? = nil
    ) {
        self.code = code
        self.url = url
        self.curlCode = curlCode
        self.curlMultiCode = curlMultiCode
        self.curlMessage = curlMessage
    }

    // The factories take the URL and message already redacted (see `Transfer.redactor`).

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
    static func malformedReply(_ url: String, curlCode: Int, message: String) -> Self {
        .init(.malformedReply, url: url, curlCode: curlCode, curlMessage: message)
    }
    static func tlsFailed(_ url: String, curlCode: Int, message: String) -> Self {
        .init(.tlsFailed, url: url, curlCode: curlCode, curlMessage: message)
    }
    /// The client (`url` empty) or one transfer's handle could not be set up.
    static func setupFailed(_ url: String, _ error: CurlSetupError, redactor: Redactor = Redactor([])) -> Self {
        var curlCode: Int?
        var curlMultiCode: Int?
        switch error.source {
        case .easy(let code): curlCode = code
        case .multi(let code): curlMultiCode = code
        case .system, .noHandle: break
        }
        return .init(
            .setupFailed, url: url, curlCode: curlCode, curlMultiCode: curlMultiCode,
            curlMessage: redactor.redact(error.description))
    }
    /// The configuration cannot work (a limit libcurl would read as "no limit", for example).
    static func invalidConfiguration(_ message: String) -> Self { .init(.setupFailed, url: "", curlMessage: message) }
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
    ///
    /// libcurl reports broken chunked encoding with the same code as a reset (`CURLE_RECV_ERROR`), so that lands
    /// here too.
    public var isConnectionReset: Bool { code == .connectionReset }
    /// The URL was not an allowed `http`/`https` URL.
    public var isInvalidURL: Bool { code == .invalidURL }
    /// The server's reply is not HTTP: an HTTP/0.9 reply (no status line), an unknown HTTP version or status code,
    /// a header line without a colon.
    public var isMalformedReply: Bool { code == .malformedReply }
    /// The TLS handshake failed or the server's certificate was not accepted.
    public var isTLSFailure: Bool { code == .tlsFailed }
    /// The client or a transfer's libcurl handle could not be set up (creating or configuring a handle, starting the
    /// transfer thread, an unusable configuration): a fault of this machine or program, not of the server.
    public var isSetupFailure: Bool { code == .setupFailed }
    /// The client was shut down before the transfer finished.
    public var isShutDown: Bool { code == .shutDown }

    /// Whether trying again later may succeed (timeouts, resets, truncation, refused connections, and failures
    /// libcurl reports that have no kind of their own).
    ///
    /// TLS failures are not: a certificate or handshake that fails now fails again in a minute, and retrying would
    /// only hide a configuration problem (or an attack). Neither is a reply that is not HTTP: it comes from whatever
    /// answers on that port, which does not change between attempts.
    public var isTransient: Bool {
        switch code {
        case .connectFailed, .timedOut, .truncatedBody, .connectionReset, .transferFailed: true
        case .bodyTooLarge, .badContentEncoding, .invalidURL, .malformedReply, .tlsFailed, .setupFailed, .shutDown:
            false
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
        case .malformedReply: return "the server's reply from \(url) is not HTTP\(detail)"
        case .tlsFailed: return "TLS with \(url) failed\(detail)"
        case .setupFailed where url.isEmpty: return "the HTTP client could not be set up\(detail)"
        case .setupFailed: return "the transfer of \(url) could not be set up\(detail)"
        case .shutDown: return "HTTP client shut down before \(url) was fetched"
        case .transferFailed: return "fetching \(url) failed\(detail)"
        }
    }
}
