import NIOCore

/// A fixture read from disk and ready to send.
struct FixtureContents: Sendable {
    /// The file served, relative to `Fixtures/`, for logs.
    var relativePath: String
    var bytes: ByteBuffer
    /// Whether `bytes` are gzip-encoded (precompressed `.gz`, or wrapped by `GzipStoredEncoder`).
    var isGzipEncoded: Bool
}
