public import Logging

/// An HTTP client over one libcurl multi handle, shared by every request of a process.
///
/// All transfers run on one dedicated thread, so connections are reused (keep-alive) across requests and many
/// transfers proceed at once without a thread each. `execute(_:)` suspends the caller until its transfer ends;
/// cancelling the calling task removes the transfer.
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

    /// Counters for tests and benchmarks.
    public struct Statistics: Sendable, Hashable {
        /// New connections libcurl opened (a reused keep-alive connection does not count).
        public var connectionsOpened: Int
        /// Transfers that ended, successfully or not.
        public var transfersCompleted: Int
    }

    /// The configuration every transfer uses.
    public let configuration: Configuration
    private let loop: TransferLoop

    /// Starts the client's transfer thread.
    public init(configuration: Configuration = .init(), logger: Logger) throws {
        self.configuration = configuration
        do {
            loop = try TransferLoop(configuration: configuration, logger: logger)
        } catch {
            throw HTTPClientError.invalidURL("(client set-up)", message: error.description)
        }
        loop.startThread()
    }

    deinit { loop.stop() }

    /// Performs `request` and returns the response, whatever its status code.
    ///
    /// Throws ``HTTPClientError`` for transport failures (connect, timeout, reset, truncation, oversized body) and
    /// `CancellationError` when the calling task is cancelled.
    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        let transfer = Transfer(request: request, maxBodyBytes: configuration.maxBodyBytes)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.continuation = continuation
                loop.submit(transfer)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }

    /// Connection and transfer counters so far.
    public var statistics: Statistics { loop.statistics }

    /// Fails outstanding transfers and stops the transfer thread. Later requests fail at once.
    public func shutdown() { loop.stop() }
}
