/// Text from raw field bytes, without Foundation: the per-field work of a batch of a million rows.
enum ByteText {
    /// Whether `byte` is white space trimmed from values: space, tab, CR, LF.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }

    /// `bytes` without leading and trailing white space.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = bytes.baseAddress else { return bytes }
        var start = 0
        var end = bytes.count
        while start < end, isBlank(base[start]) { start += 1 }
        while end > start, isBlank(base[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// The bytes as a string, or `nil` when they are not valid UTF-8 or hold a NUL byte.
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.baseAddress != nil, bytes.count > 0 else { return "" }
        var ascii = true
        for byte in bytes {
            if byte == 0 { return nil }
            if byte >= 0x80 { ascii = false }
        }
        if ascii { return asciiString(bytes) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The bytes, known to be ASCII, as a string, copied without validation.
    @inline(__always)
    static func asciiString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: bytes.count) { target in
            guard let targetBase = target.baseAddress else { return 0 }
            targetBase.update(from: base, count: bytes.count)
            return bytes.count
        }
    }

    /// The bytes as a string for a message: invalid UTF-8 and NUL bytes replaced with U+FFFD.
    static func lossyString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text = String.UnicodeScalarView()
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            text.append(scalar == "\u{0}" ? "\u{FFFD}" : scalar)
        }
        return String(text)
    }

    /// Whether `bytes` hold a NUL byte.
    static func containsNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.contains(0) }
}
