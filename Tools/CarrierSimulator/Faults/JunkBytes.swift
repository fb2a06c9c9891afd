import NIOCore

/// Binary junk for the `garbage` fault: SplitMix64 output, the same bytes for the same seed on every run and
/// every platform, and sure to contain NUL bytes and invalid UTF-8.
enum JunkBytes {
    static func make(seed: UInt64, byteCount: Int) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(byteCount)
        var state = seed
        var remaining = byteCount
        while remaining > 0 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
            mixed ^= mixed >> 31
            let count = min(remaining, 8)
            for shift in 0..<count {
                buffer.writeInteger(UInt8(truncatingIfNeeded: mixed >> (8 * UInt64(shift))))
            }
            remaining -= count
        }
        return buffer
    }
}
