/// Reads one JSON Lines line, a flat JSON object, picking out the canonical keys, working on bytes.
///
/// The wanted keys' values are decoded into ``fields`` (escapes resolved) and their ranges recorded by canonical
/// index; other keys' values are checked and skipped, however nested (up to ``maxDepth``). Strings and numbers are
/// accepted as text (`"order_id": 1001`); `null` counts as absent; `tracking_number` may also be an array of strings,
/// joined with `,` (and so split again like a CSV cell). Any other value of a wanted key, a wanted key given twice,
/// or broken JSON is a problem of the row; except for the customer columns, which never reject a row: another kind of
/// value is ignored (as if absent), and of a key given twice the first value is kept.
struct JSONLineParser {
    /// A problem with the line: a message for the row, and the canonical column it concerns if any.
    struct Problem: Error {
        let code: RowError.Code
        let column: CanonicalColumn?
        let message: String
    }

    /// The wanted keys as comparison keys (``HeaderName/key(_:)``), by canonical index.
    let keys: [String]
    /// The wanted keys' UTF-8, for comparing ASCII keys without building strings.
    private let keyBytes: [[UInt8]]
    /// Where decoded values go; at least as long as the longest line.
    let fields: UnsafeMutablePointer<UInt8>
    /// Deepest nesting skipped in values nobody reads.
    static let maxDepth = 64

    init(keys: [String], fields: UnsafeMutablePointer<UInt8>) {
        self.keys = keys
        self.keyBytes = keys.map { Array($0.utf8) }
        self.fields = fields
    }

    /// The capacity ``fields`` needs for lines of `maxRecordBytes` (decoding never lengthens text).
    static func fieldsCapacity(maxRecordBytes: Int) -> Int { maxRecordBytes + 8 }

    /// Parses `bytes[start..<end]`, writing the wanted values into ``fields`` and their ranges into `slots`.
    func parse(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int, slots: inout [Range<Int>?])
        throws(Problem)
    {
        var cursor = Cursor(bytes: bytes, index: start, end: end, fields: fields, written: 0)
        cursor.skipWhitespace()
        guard cursor.peek == UInt8(ascii: "{") else {
            let found = cursor.atEnd ? "nothing" : cursor.describeNext()
            throw Problem(
                code: .malformedJSON, column: nil, message: "not a JSON object (the line starts with \(found))")
        }
        cursor.index += 1
        cursor.skipWhitespace()
        if cursor.peek == UInt8(ascii: "}") {
            cursor.index += 1
        } else {
            while true {
                cursor.skipWhitespace()
                guard cursor.peek == UInt8(ascii: "\"") else { throw cursor.unexpected("a key in double quotes") }
                let keyStart = cursor.written
                try cursor.string()
                let column = wantedColumn(
                    UnsafeBufferPointer(start: fields + keyStart, count: cursor.written - keyStart))
                cursor.written = keyStart
                cursor.skipWhitespace()
                guard cursor.peek == UInt8(ascii: ":") else { throw cursor.unexpected("\":\" after a key") }
                cursor.index += 1
                cursor.skipWhitespace()
                if let column {
                    if slots[column.index] == nil {
                        slots[column.index] = try cursor.wantedValue(column)
                    } else if column.isCustomerDetail {
                        try cursor.skipValue(depth: 0)
                    } else {
                        throw Problem(
                            code: .unexpectedJSONValue, column: column, message: "is given twice in the object")
                    }
                } else {
                    try cursor.skipValue(depth: 0)
                }
                cursor.skipWhitespace()
                if cursor.peek == UInt8(ascii: ",") {
                    cursor.index += 1
                    continue
                }
                guard cursor.peek == UInt8(ascii: "}") else { throw cursor.unexpected("\",\" or \"}\"") }
                cursor.index += 1
                break
            }
        }
        cursor.skipWhitespace()
        guard cursor.atEnd else {
            throw Problem(
                code: .malformedJSON, column: nil,
                message: "not valid JSON: text after the object at column \(cursor.index - start + 1)")
        }
    }

    /// The canonical column a decoded key names, if any: ASCII keys compared without building a string.
    private func wantedColumn(_ key: UnsafeBufferPointer<UInt8>) -> CanonicalColumn? {
        let trimmed = ByteText.trimmed(key)
        if trimmed.allSatisfy({ $0 < 0x80 }) {
            for (index, wanted) in keyBytes.enumerated() where wanted.count == trimmed.count {
                var same = true
                for (byte, wantedByte) in zip(trimmed, wanted) {
                    let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                    if lower != wantedByte {
                        same = false
                        break
                    }
                }
                if same { return CanonicalColumn.allCases[index] }
            }
            return nil
        }
        let name = HeaderName.key(String(decoding: key, as: UTF8.self))
        return keys.firstIndex(of: name).map { CanonicalColumn.allCases[$0] }
    }
}

/// A position in one line, and where decoded text is written.
private struct Cursor {
    let bytes: UnsafePointer<UInt8>
    var index: Int
    let end: Int
    let fields: UnsafeMutablePointer<UInt8>
    var written: Int

    var atEnd: Bool { index >= end }
    var peek: UInt8? { index < end ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while index < end {
            let byte = bytes[index]
            guard
                byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
                    || byte == UInt8(ascii: "\n")
            else { return }
            index += 1
        }
    }

    /// `"x"`, or `the end of the line`, for messages.
    func describeNext() -> String {
        guard let byte = peek else { return "the end of the line" }
        guard byte >= 0x20, byte < 0x7F else { return "byte 0x" + String(byte, radix: 16, uppercase: true) }
        return "\"\(Character(Unicode.Scalar(byte)))\""
    }

    func unexpected(_ expected: String) -> JSONLineParser.Problem {
        JSONLineParser.Problem(
            code: .malformedJSON, column: nil,
            message:
                "not valid JSON: expected \(expected) at column \(index + 1 - startOfLine), found \(describeNext())")
    }

    /// The first byte of the line, for columns in messages (the cursor starts there).
    let startOfLine: Int

    init(bytes: UnsafePointer<UInt8>, index: Int, end: Int, fields: UnsafeMutablePointer<UInt8>, written: Int) {
        self.bytes = bytes
        self.index = index
        self.end = end
        self.fields = fields
        self.written = written
        self.startOfLine = index
    }

    /// A wanted key's value: its range in `fields`, or `nil` for `null`.
    mutating func wantedValue(_ column: CanonicalColumn) throws(JSONLineParser.Problem) -> Range<Int>? {
        let start = written
        switch peek ?? 0 {
        case UInt8(ascii: "\""):
            try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number(copy: true)
        case UInt8(ascii: "n"):
            try literal("null")
            return nil
        case UInt8(ascii: "[") where column == .trackingNumber:
            index += 1
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                index += 1
                return start..<written
            }
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else {
                    throw JSONLineParser.Problem(
                        code: .unexpectedJSONValue, column: column,
                        message: "expected an array of strings, found \(kindOfNext()) in it")
                }
                if written > start {
                    fields[written] = UInt8(ascii: ",")
                    written += 1
                }
                try string()
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard peek == UInt8(ascii: "]") else { throw unexpected("\",\" or \"]\"") }
                index += 1
                break
            }
        default:
            if atEnd { throw unexpected("a value") }
            if column.isCustomerDetail {
                try skipValue(depth: 0)
                return nil
            }
            throw JSONLineParser.Problem(
                code: .unexpectedJSONValue, column: column,
                message: column == .trackingNumber
                    ? "expected a string or an array of strings, found \(kindOfNext())"
                    : "expected a string, found \(kindOfNext())")
        }
        return start..<written
    }

    /// `an object`, `an array`, `true`, for messages.
    func kindOfNext() -> String {
        switch peek ?? 0 {
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "t"): "true"
        case UInt8(ascii: "f"): "false"
        case UInt8(ascii: "n"): "null"
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): "a number"
        default: describeNext()
        }
    }

    /// Checks and skips any value, nested at most ``JSONLineParser/maxDepth`` deep.
    mutating func skipValue(depth: Int) throws(JSONLineParser.Problem) {
        guard depth < JSONLineParser.maxDepth else {
            throw JSONLineParser.Problem(
                code: .malformedJSON, column: nil,
                message: "not accepted: nested more than \(JSONLineParser.maxDepth) levels deep")
        }
        switch peek ?? 0 {
        case UInt8(ascii: "\""):
            let mark = written
            try string()
            written = mark
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number(copy: false)
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard peek == UInt8(ascii: "]") else { throw unexpected("\",\" or \"]\"") }
                index += 1
                return
            }
        case UInt8(ascii: "{"):
            index += 1
            skipWhitespace()
            if peek == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else { throw unexpected("a key in double quotes") }
                let mark = written
                try string()
                written = mark
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { throw unexpected("\":\" after a key") }
                index += 1
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard peek == UInt8(ascii: "}") else { throw unexpected("\",\" or \"}\"") }
                index += 1
                return
            }
        default:
            throw unexpected("a value")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONLineParser.Problem) {
        let count = word.utf8CodeUnitCount
        guard end - index >= count else { throw unexpected("\(word)") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw unexpected("\(word)")
        }
        index += count
    }

    /// A JSON number, copied as written when `copy`.
    mutating func number(copy: Bool) throws(JSONLineParser.Problem) {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard skipDigits() > 0 else { throw unexpected("a digit") }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() > 0 else { throw unexpected("a digit") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw unexpected("a digit") }
        }
        if copy {
            (fields + written).update(from: bytes + start, count: index - start)
            written += index - start
        }
    }

    private mutating func skipDigits() -> Int {
        let start = index
        while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    /// A JSON string at the cursor (on its opening quote), decoded into `fields`.
    mutating func string() throws(JSONLineParser.Problem) {
        index += 1
        while true {
            // Plain bytes up to the next quote, backslash or control character, copied in one go.
            let runStart = index
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                index += 1
            }
            if index > runStart {
                (fields + written).update(from: bytes + runStart, count: index - runStart)
                written += index - runStart
            }
            guard index < end else { throw unexpected("a closing quote") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            guard byte == UInt8(ascii: "\\") else {
                throw JSONLineParser.Problem(
                    code: .malformedJSON, column: nil,
                    message: "not valid JSON: control character 0x" + String(byte, radix: 16, uppercase: true)
                        + " in a string at column \(index + 1 - startOfLine) (write it as an escape)")
            }
            index += 1
            guard index < end else { throw unexpected("an escape") }
            let escape = bytes[index]
            index += 1
            let decoded: UInt8
            switch escape {
            case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
            case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
            case UInt8(ascii: "b"): decoded = 0x08
            case UInt8(ascii: "f"): decoded = 0x0C
            case UInt8(ascii: "n"): decoded = UInt8(ascii: "\n")
            case UInt8(ascii: "r"): decoded = UInt8(ascii: "\r")
            case UInt8(ascii: "t"): decoded = UInt8(ascii: "\t")
            case UInt8(ascii: "u"):
                try unicodeEscape()
                continue
            default:
                index -= 1
                throw unexpected("an escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u)")
            }
            fields[written] = decoded
            written += 1
        }
    }

    /// `\uXXXX` (the `\u` already read), with a second escape for a surrogate pair, written as UTF-8.
    private mutating func unicodeEscape() throws(JSONLineParser.Problem) {
        let escapeStart = index - 2
        var scalarValue = try hexQuad()
        if (0xD800...0xDBFF).contains(scalarValue) {
            guard end - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw loneSurrogate(at: escapeStart)
            }
            index += 2
            let low = try hexQuad()
            guard (0xDC00...0xDFFF).contains(low) else { throw loneSurrogate(at: escapeStart) }
            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalarValue) {
            throw loneSurrogate(at: escapeStart)
        }
        write(scalarValue)
    }

    /// A scalar value (not a surrogate) as UTF-8.
    private mutating func write(_ value: UInt32) {
        switch value {
        case ..<0x80:
            fields[written] = UInt8(value)
            written += 1
        case ..<0x800:
            fields[written] = UInt8(0xC0 | value >> 6)
            fields[written + 1] = UInt8(0x80 | value & 0x3F)
            written += 2
        case ..<0x10000:
            fields[written] = UInt8(0xE0 | value >> 12)
            fields[written + 1] = UInt8(0x80 | value >> 6 & 0x3F)
            fields[written + 2] = UInt8(0x80 | value & 0x3F)
            written += 3
        default:
            fields[written] = UInt8(0xF0 | value >> 18)
            fields[written + 1] = UInt8(0x80 | value >> 12 & 0x3F)
            fields[written + 2] = UInt8(0x80 | value >> 6 & 0x3F)
            fields[written + 3] = UInt8(0x80 | value & 0x3F)
            written += 4
        }
    }

    private func loneSurrogate(at escapeStart: Int) -> JSONLineParser.Problem {
        JSONLineParser.Problem(
            code: .malformedJSON, column: nil,
            message:
                "not valid JSON: the \\u escape at column \(escapeStart + 1 - startOfLine) is half a surrogate pair")
    }

    private mutating func hexQuad() throws(JSONLineParser.Problem) -> UInt32 {
        guard end - index >= 4 else { throw unexpected("four hexadecimal digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw unexpected("four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
