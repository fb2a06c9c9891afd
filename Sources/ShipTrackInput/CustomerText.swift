/// The customer columns' values, cleaned from raw field bytes.
///
/// A name and an e-mail address from an order file are hostile text that ends up in an HTML report, a CSV file and
/// messages to customers, yet a bad one must never cost the row its parcel: so nothing here fails. Control characters
/// go (a line break or tab in a name becomes a space), and so do the bidirectional embedding, override and isolate
/// characters, which can make a name display as other text. Every script is kept as written.
///
/// Both work on trimmed bytes and take a fast path for printable ASCII, the common case, that builds the string
/// straight from the bytes.
enum CustomerText {
    /// What an e-mail field gives.
    enum Email: Equatable {
        /// Empty, or nothing but removed characters.
        case absent
        case valid(String)
        /// Text that fails the loose check: dropped, and counted.
        case invalid
    }

    /// Scalars looked at past the name's limit, so that the cut between characters sees how the character at the
    /// limit ends, while a name of 64 KiB costs no more than a short one.
    private static let lookahead = 32

    /// The name in `bytes` (already trimmed), cleaned and cut; `nil` when nothing is left.
    static func name(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count > 0 else { return nil }
        let limit = OrderRow.maxCustomerNameScalars
        if bytes.count <= limit {
            if isPrintableASCII(bytes, lowest: 0x20) { return ByteText.asciiString(bytes) }
            // Other scripts are common too (`李晨`, `María`): clean UTF-8 within the limit needs no more than
            // validating, and white space at its ends (the bytes are trimmed of ASCII blanks only).
            if !mayNeedCleaning(bytes), let text = String(validating: bytes, as: UTF8.self),
                let first = text.unicodeScalars.first, !isWhiteSpace(first),
                let last = text.unicodeScalars.last, !isWhiteSpace(last)
            {
                return text
            }
        }
        var cleaned = String.UnicodeScalarView()
        var count = 0
        // Decoded lazily, so that a long field is read no further than the name it gives.
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            let scalar: Unicode.Scalar
            switch decoder.decode(&iterator) {
            case .scalarValue(let value): scalar = value
            case .emptyInput: break decoding
            case .error: scalar = "\u{FFFD}"
            }
            if isControlOrBreak(scalar) {
                // A line break or tab between words: one space, however many there are.
                guard let last = cleaned.last, last != " " else { continue }
                cleaned.append(" ")
            } else if isRemoved(scalar) {
                continue
            } else {
                cleaned.append(scalar)
            }
            count += 1
            if count > limit + lookahead { break decoding }
        }
        var text = String(cleaned).trimmedWhitespace
        if count > limit { text = cut(text, toScalars: limit).trimmedWhitespace }
        return text.isEmpty ? nil : text
    }

    /// The e-mail address in `bytes` (already trimmed), checked loosely: exactly one `@` with text on both sides, no
    /// white space, valid UTF-8, at most ``OrderRow/maxCustomerEmailBytes`` bytes as written (so a long field is
    /// refused without being read). Other control characters are removed.
    static func email(_ bytes: UnsafeBufferPointer<UInt8>) -> Email {
        guard bytes.count > 0 else { return .absent }
        guard bytes.count <= OrderRow.maxCustomerEmailBytes else { return .invalid }
        // Printable ASCII without a space, and where its one `@` is, in one pass over the bytes.
        var ats = 0
        var atIndex = 0
        var index = 0
        for byte in bytes {
            if byte < 0x21 || byte > 0x7E {
                ats = -1
                break
            }
            if byte == UInt8(ascii: "@") {
                ats += 1
                atIndex = index
            }
            index += 1
        }
        if ats >= 0 {
            guard ats == 1, atIndex > 0, atIndex < bytes.count - 1 else { return .invalid }
            return .valid(ByteText.asciiString(bytes))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .invalid }
        var cleaned = String.UnicodeScalarView()
        // Line breaks and tabs are white space, a fault of the address like a space; other control characters go.
        for scalar in text.unicodeScalars where isControlOrBreak(scalar) || !isRemoved(scalar) {
            cleaned.append(scalar)
        }
        let address = String(cleaned).trimmedWhitespace
        guard !address.isEmpty else { return .absent }
        guard hasOneInnerAt(address.utf8),
            !address.unicodeScalars.contains(where: \.properties.isWhitespace)
        else { return .invalid }
        return .valid(address)
    }

    /// Whether every byte is printable ASCII from `lowest` (0x20 with the space, 0x21 without) to `~`.
    @inline(__always)
    private static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>, lowest: UInt8) -> Bool {
        for byte in bytes where byte < lowest || byte > 0x7E { return false }
        return true
    }

    /// Whether `bytes` may encode a character ``name(_:)`` removes or replaces: an ASCII control character or DEL, a C1
    /// control (UTF-8 `C2 80` to `C2 9F`, NEL among them), or U+2028 to U+202E or U+2066 to U+2069 (`E2 80 A8` to
    /// `E2 80 AE`, `E2 81 A6` to `E2 81 A9`). Only looks at bytes; invalid UTF-8 is for the caller to find.
    private static func mayNeedCleaning(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < count, bytes[index + 1] <= 0x9F { return true }
            if byte == 0xE2, index + 2 < count {
                let second = bytes[index + 1]
                let third = bytes[index + 2]
                if second == 0x80, third >= 0xA8, third <= 0xAE { return true }
                if second == 0x81, third >= 0xA6, third <= 0xA9 { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether `scalar` has Unicode's White_Space property, whose 25 code points have not changed since Unicode 6:
    /// `properties.isWhitespace` without the property lookup, which costs more than the rest of a short name's
    /// reading.
    @inline(__always)
    private static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether `bytes` hold exactly one `@`, neither first nor last.
    private static func hasOneInnerAt(_ bytes: String.UTF8View) -> Bool {
        var count = 0
        var position = 0
        var atPosition = 0
        for byte in bytes {
            if byte == UInt8(ascii: "@") {
                count += 1
                atPosition = position
            }
            position += 1
        }
        return count == 1 && atPosition > 0 && atPosition < position - 1
    }

    /// Control characters (C0, DEL, C1) and the bidirectional embedding, override and isolate characters.
    private static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Control characters that break lines or space words (tab, line feed, vertical tab, form feed, carriage
    /// return, next line) and the Unicode line and paragraph separators.
    private static func isControlOrBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The longest start of `text` of whole characters with at most `limit` Unicode scalars.
    private static func cut(_ text: String, toScalars limit: Int) -> String {
        var kept = 0
        var end = text.startIndex
        for character in text {
            let scalars = character.unicodeScalars.count
            guard kept + scalars <= limit else { break }
            kept += scalars
            end = text.index(after: end)
        }
        return String(text[..<end])
    }
}
