/// Reads fields of `application/x-www-form-urlencoded` text: a query string or a form body.
enum FormURLEncoding {
    /// The decoded value of the first field called `name` in `encoded` (such as `a=1&tLabels=9400...`), or `nil`
    /// when there is no such field or its value is not valid percent-encoded UTF-8.
    static func firstValue(named name: String, in encoded: some Collection<UInt8>) -> String? {
        for field in encoded.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let separator = field.firstIndex(of: UInt8(ascii: "="))
            let encodedName = field[..<(separator ?? field.endIndex)]
            guard decode(encodedName) == name else { continue }
            guard let separator else { return "" }
            return decode(field[field.index(after: separator)...])
        }
        return nil
    }

    /// Decodes `+` as a space and `%XX` as a byte; `nil` for a malformed escape or bytes that are not UTF-8.
    static func decode(_ encoded: some Collection<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index != encoded.endIndex {
            let byte = encoded[index]
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let high = encoded.index(after: index)
                guard high != encoded.endIndex else { return nil }
                let low = encoded.index(after: high)
                guard low != encoded.endIndex, let highValue = hexValue(encoded[high]),
                    let lowValue = hexValue(encoded[low])
                else { return nil }
                bytes.append(highValue << 4 | lowValue)
                index = low
            default:
                bytes.append(byte)
            }
            index = encoded.index(after: index)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
