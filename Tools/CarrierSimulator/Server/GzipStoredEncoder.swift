import NIOCore

/// Wraps bytes in a valid gzip stream (RFC 1952) made of *stored* deflate blocks (RFC 1951 §3.2.4): no
/// compression, so no zlib, yet every gzip decoder must accept it and decode it through its normal inflate path.
///
/// Used for the `gzip` fault when the fixture has no precompressed `<file>.gz` beside it.
enum GzipStoredEncoder {
    /// A stored block holds at most 65,535 bytes (its length is 16 bits).
    static let maximumBlockLength = 65_535

    static func encode(_ input: ByteBuffer) -> ByteBuffer {
        ByteBuffer(bytes: Self.encode(Array(input.readableBytesView)))
    }

    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        let blockCount = max(1, (bytes.count + maximumBlockLength - 1) / maximumBlockLength)
        var output: [UInt8] = []
        output.reserveCapacity(10 + bytes.count + 5 * blockCount + 8)

        // Header: magic, method 8 (deflate), no flags, no modification time, no extra flags, OS unknown.
        output += [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]

        var offset = 0
        repeat {
            let length = min(maximumBlockLength, bytes.count - offset)
            let isFinal = offset + length == bytes.count
            // BFINAL in bit 0, BTYPE 00 (stored); the rest of the byte is padding to the byte boundary.
            output.append(isFinal ? 1 : 0)
            Self.appendLittleEndian(UInt16(length), to: &output)
            Self.appendLittleEndian(~UInt16(length), to: &output)
            output += bytes[offset..<(offset + length)]
            offset += length
        } while offset < bytes.count

        Self.appendLittleEndian(CRC32.checksum(of: bytes), to: &output)
        Self.appendLittleEndian(UInt32(truncatingIfNeeded: bytes.count), to: &output)
        return output
    }

    private static func appendLittleEndian(_ value: some FixedWidthInteger, to output: inout [UInt8]) {
        for index in 0..<(value.bitWidth / 8) {
            output.append(UInt8(truncatingIfNeeded: value >> (8 * index)))
        }
    }
}
