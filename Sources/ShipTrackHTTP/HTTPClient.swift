public import Logging

/// An HTTP client over one libcurl multi handle, shared by every request of a process.
///
/// All transfers run on one dedicated thread, so connections are reused (keep-alive) across requests and many
/// transfers proceed at once without a thread each. `execute(_:)` suspends the caller until its transfer ends;
/// cancelling the calling task removes the transfer.
///
/// Redirects are followed only within the request's origin or to hosts the request allows, never to another scheme,
/// at most five times; any other comes back as the 3xx response with ``HTTPResponse/refusedRedirect`` set. Secrets
/// named in ``HTTPRequest/redactions`` never appear in the errors, URLs or log lines the client produces.
public final class HTTPClient: Sendable {
    /// Limits and identity for every transfer.
    public struct Configuration: Sendable {
        /// How long connecting may take.
        public var connectTimeout: Duration = .seconds(10)
        /// How long a whole transfer may take, connecting included.
        public var totalTimeout: Duration = .seconds(30)
        /// The largest body accepted (after decompression); a larger one fails with ``HTTPClientError/isBodyTooLarge``.
        public var maxBodyBytes: Int = 8 << 20
        /// Sent as `User-Agent`.
        public var userAgent: String = "ShipTrack/0.1 (parcel tracking; libcurl)"
        /// Connections open at once to one host; transfers beyond it queue inside libcurl.
        public var maxConnectionsPerHost: Int = 16
        /// Connections open at once in total, and idle connections kept for reuse.
        public var maxTotalConnections: Int = 256

        public init() {}
    }

    /// Counters for tests, benchmarks and request accounting.
    public struct Statistics: Sendable, Hashable {
        /// New connections libcurl opened (a reused keep-alive connection does not count).
        public var connectionsOpened: Int
        /// HTTP requests sent or being sent: one per `execute(_:)` that got under way, plus one per redirect followed.
        public var transfersStarted: Int
        /// Requests of ``transfersStarted`` that ended, successfully or not (each redirect hop counts); a cancelled
        /// one does not.
        public var transfersCompleted: Int
    }

    /// The configuration every transfer uses.
    public let configuration: Configuration
    private let loop: TransferLoop

    /// Sets up the multi handle and starts the client's transfer thread.
    ///
    /// Throws ``HTTPClientError`` with ``HTTPClientError/isSetupFailure`` when the configuration cannot work or
    /// libcurl or the system refuses (the message says which call failed and why).
    public init(configuration: Configuration = .init(), logger: Logger) throws(HTTPClientError) {
        if let problem = configuration.problem { throw .invalidConfiguration(problem) }
        self.configuration = configuration
        do {
            loop = try TransferLoop(configuration: configuration, logger: logger)
            try loop.startThread()
        } catch {
            throw .setupFailed("", error)
        }
    }

    deinit { loop.stop() }

    /// Performs `request` and returns the response, whatever its status code.
    ///
    /// A redirect that is not followed is returned as it is (see ``HTTPResponse/refusedRedirect``), not thrown.
    ///
    /// Throws ``HTTPClientError`` for transport failures (connect, timeout, reset, truncation, oversized body, TLS,
    /// a reply that is not HTTP) and `CancellationError` when the calling task is cancelled.
    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        let limit = min(request.maxBodyBytes.map { max(0, $0) } ?? configuration.maxBodyBytes, configuration.maxBodyBytes)
        let transfer = Transfer(request: request, maxBodyBytes: limit)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.continuation = continuation
                loop.submit(transfer)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }

    /// Connection and request counters so far.
    public var statistics: Statistics { loop.statistics }

    /// Fails outstanding transfers and stops the transfer thread. Later requests fail at once.
    public func shutdown() { loop.stop() }
}

extension HTTPClient.Configuration {
    /// Why this configuration cannot work, or `nil`.
    ///
    /// libcurl reads 0 as "no limit" for connections and timeouts, so a 0 that came from a mistyped option would
    /// silently remove the politeness limits; it is refused instead.
    var problem: String? {
        if maxConnectionsPerHost < 1 {
            return "maxConnectionsPerHost must be at least 1 (got \(maxConnectionsPerHost))"
        }
        if maxTotalConnections < maxConnectionsPerHost {
            return "maxTotalConnections (\(maxTotalConnections)) must be at least maxConnectionsPerHost "
                + "(\(maxConnectionsPerHost))"
        }
        if connectTimeout.milliseconds < 1 { return "connectTimeout must be at least 1 ms (got \(connectTimeout))" }
        if totalTimeout.milliseconds < 1 { return "totalTimeout must be at least 1 ms (got \(totalTimeout))" }
        if maxBodyBytes < 0 { return "maxBodyBytes must not be negative (got \(maxBodyBytes))" }
        return nil
    }
}
