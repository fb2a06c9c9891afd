import NIOCore

/// The filler an `oversized` body is streamed from: one shared 64 KiB chunk of HTML/XML comment lines, written
/// again and again (a `ByteBuffer` is copy-on-write, so re-sending it copies nothing).
enum PaddingChunk {
    static let line = "<!-- carrier-sim oversized body: filler to test the client's size limit -->\n"
    static let byteCount = 64 * 1_024

    static let chunk: ByteBuffer = {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(byteCount)
        while buffer.readableBytes < byteCount {
            buffer.writeString(String(line.prefix(byteCount - buffer.readableBytes)))
        }
        return buffer
    }()

    /// The first `count` bytes of the chunk; `count` must not exceed ``byteCount``.
    static func prefix(_ count: Int) -> ByteBuffer {
        chunk.getSlice(at: chunk.readerIndex, length: min(count, byteCount)) ?? ByteBuffer()
    }
}
