/// Namespace for operations on raw tracking numbers as people type or paste them.
public enum TrackingNumber {
    /// Returns `raw` in the canonical form every number format is written against.
    ///
    /// Removes whitespace (including no-break and ideographic spaces) and dashes of any kind, folds full-width
    /// ASCII forms to ASCII, and upper-cases ASCII letters: `" lx 1234-5678 5cn "` becomes `"LX123456785CN"`.
    /// Anything else is kept, so a number with stray punctuation still fails visibly rather than being rewritten.
    public static func normalize(_ raw: String) -> String {
        var needsWork = false
        for byte in raw.utf8 {
            if byte >= 0x80 { return normalizeUnicode(raw) }
            if isDroppedASCII(byte) || isLowercaseASCII(byte) { needsWork = true }
        }
        // The nightly batch mostly sees clean numbers: hand the same string back without allocating.
        guard needsWork else { return raw }
        return String(unsafeUninitializedCapacity: raw.utf8.count) { buffer in
            var count = 0
            for byte in raw.utf8 where !isDroppedASCII(byte) {
                buffer[count] = isLowercaseASCII(byte) ? byte - 0x20 : byte
                count += 1
            }
            return count
        }
    }

    /// The slow path, for input with any non-ASCII character (pasted from web pages, mail or a Chinese IME).
    private static func normalizeUnicode(_ raw: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars where !isDropped(scalar) {
            var value = scalar.value
            // Full-width forms (U+FF01...U+FF5E) mirror ASCII 0x21...0x7E.
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if (0x61...0x7A).contains(value) { value -= 0x20 }
            result.append(Unicode.Scalar(value) ?? scalar)
        }
        return String(result)
    }

    /// The characters of `raw` that ``normalize(_:)`` keeps, as typed: one for each character of the normalized
    /// number, in order, so a message can name a character the way the person typed it (`l`, not `L`).
    static func typedCharacters(_ raw: String) -> [Unicode.Scalar] {
        raw.unicodeScalars.filter { !isDropped($0) }
    }

    /// Whether normalization drops `scalar`. For ASCII it agrees with ``isDroppedASCII(_:)``.
    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        // Format characters are the invisible ones (zero-width space, byte order mark) that copy-paste brings.
        return properties.isWhitespace || properties.generalCategory == .dashPunctuation
            || properties.generalCategory == .format || scalar == "\u{2212}"
    }

    private static func isDroppedASCII(_ byte: UInt8) -> Bool {
        // Space, tab, line feed, vertical tab, form feed, carriage return and hyphen-minus.
        byte == 0x20 || (0x09...0x0D).contains(byte) || byte == 0x2D
    }

    private static func isLowercaseASCII(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
}
