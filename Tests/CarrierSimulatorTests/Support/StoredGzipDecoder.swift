/// Decodes gzip streams made only of stored deflate blocks (what `GzipStoredEncoder` writes), checking the
/// header, block lengths, CRC-32 and size: an independent check of the encoder without zlib.
enum StoredGzipDecoder {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func decode(_ stream: [UInt8]) throws -> [UInt8] {
        guard stream.count >= 18, stream[0] == 0x1f, stream[1] == 0x8b, stream[2] == 8, stream[3] == 0 else {
            throw Malformed(description: "not a gzip header without flags")
        }
        var offset = 10
        var output: [UInt8] = []
        var isFinal = false
        while !isFinal {
            guard offset + 5 <= stream.count else { throw Malformed(description: "block header past the end") }
            let header = stream[offset]
            guard header & 0b110 == 0 else { throw Malformed(description: "not a stored block") }
            isFinal = header & 1 == 1
            let length = Int(stream[offset + 1]) | Int(stream[offset + 2]) << 8
            let complement = Int(stream[offset + 3]) | Int(stream[offset + 4]) << 8
            guard length ^ complement == 0xffff else { throw Malformed(description: "LEN and NLEN disagree") }
            offset += 5
            guard offset + length <= stream.count else { throw Malformed(description: "block past the end") }
            output += stream[offset..<(offset + length)]
            offset += length
        }
        guard offset + 8 == stream.count else { throw Malformed(description: "trailer is not 8 bytes") }
        let crc = (0..<4).reduce(UInt32(0)) { $0 | UInt32(stream[offset + $1]) << (8 * UInt32($1)) }
        let size = (0..<4).reduce(UInt32(0)) { $0 | UInt32(stream[offset + 4 + $1]) << (8 * UInt32($1)) }
        guard size == UInt32(truncatingIfNeeded: output.count) else { throw Malformed(description: "ISIZE is wrong") }
        guard crc == bitwiseCRC32(output) else { throw Malformed(description: "CRC-32 is wrong") }
        return output
    }

    /// CRC-32 computed bit by bit, deliberately unlike the encoder's table-driven one.
    static func bitwiseCRC32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1
            }
        }
        return ~crc
    }
}
