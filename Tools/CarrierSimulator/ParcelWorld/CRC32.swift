/// The CRC-32 of gzip (ISO 3309, polynomial 0xEDB88320), for `GzipStoredEncoder`'s trailer.
struct CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? (value >> 1) ^ 0xedb8_8320 : value >> 1
        }
        return value
    }

    private(set) var value: UInt32 = 0

    mutating func update(with bytes: some Sequence<UInt8>) {
        var crc = ~self.value
        for byte in bytes {
            crc = Self.table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8)
        }
        self.value = ~crc
    }

    static func checksum(of bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(with: bytes)
        return crc.value
    }
}
