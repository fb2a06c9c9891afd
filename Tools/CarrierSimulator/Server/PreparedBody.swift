import NIOCore

/// A planned body made ready to send.
enum PreparedBody {
    /// Bytes in memory, with the `Content-Encoding` they carry, if any.
    case bytes(ByteBuffer, contentEncoding: String?)
    /// `byteCount` bytes of padding, to be streamed.
    case padding(byteCount: Int)
}
