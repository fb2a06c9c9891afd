/// A misbehaviour the simulator acts out for a special number, as named by `"fault"` in the routing file.
enum SimulatedFault: Sendable, Hashable {
    /// `"status"`: the given HTTP status with a small body, and `Retry-After` when `retryAfterSeconds` is set.
    case status(code: Int, retryAfterSeconds: Int?)
    /// `"empty"`: 200 with an empty body.
    case empty
    /// `"truncated"`: a `Content-Length` larger than the bytes sent, then the connection is closed.
    case truncated
    /// `"garbage"`: 200 with `byteCount` bytes of binary junk, the same junk every time for the same number.
    case garbage(byteCount: Int)
    /// `"timeout"`: no answer; the connection stays open until the client gives up or the simulator stops.
    case timeout
    /// `"reset"`: the connection is aborted with a TCP reset.
    case reset
    /// `"oversized"`: 200 with a body of `byteCount` bytes, streamed rather than held in memory.
    case oversized(byteCount: Int)
    /// `"gzip"`: the page served with `Content-Encoding: gzip`.
    case gzip
    /// `"akamai_denied"`, `"akamai_challenge"`, `"akamai_redirect"`, `"captcha"`: a bot-protection page instead of
    /// the tracking page (page routes only; the APIs ignore it).
    case pageBlock(PageBlock)

    /// The names `"fault"` accepts, for error messages.
    static let names = [
        "status", "empty", "truncated", "garbage", "timeout", "reset", "oversized", "gzip", "akamai_denied",
        "akamai_challenge", "akamai_redirect", "captcha",
    ]

    /// Default size of a `garbage` body.
    static let defaultGarbageByteCount = 4_096
    /// Largest `garbage` body: it is generated in memory, unlike `oversized`.
    static let maximumGarbageByteCount = 16 * 1_024 * 1_024
    /// Largest `oversized` body: 64 GiB is more than any client under test should accept.
    static let maximumOversizedByteCount = 1 << 36
}
