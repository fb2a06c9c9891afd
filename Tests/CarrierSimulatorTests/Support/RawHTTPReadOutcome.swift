/// What a read from the raw socket brought.
enum RawHTTPReadOutcome: Sendable, Equatable {
    case data([UInt8])
    /// The server closed the connection normally (FIN).
    case endOfStream
    /// The server aborted the connection (RST, seen as `ECONNRESET`).
    case reset
    /// Nothing arrived in time.
    case timedOut

    /// Whether the connection ended, normally or by reset.
    var connectionEnded: Bool {
        self == .endOfStream || self == .reset
    }
}
