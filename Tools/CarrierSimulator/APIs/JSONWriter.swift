/// Writes JSON as bytes (compact, as the real APIs send it; pretty-printed on request), without Foundation's
/// encoder (the API answers are built per request, for up to 40 parcels each).
///
/// Callers open and close containers and write fields in order; the writer places commas, line breaks and
/// indentation. Strings are escaped as JSON requires; non-ASCII text stays UTF-8.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open container: whether it already holds an element.
    private var hasElement: [Bool] = []
    private let pretty: Bool

    init(capacity: Int = 4_096, pretty: Bool = false) {
        self.bytes.reserveCapacity(capacity)
        self.pretty = pretty
    }

    // MARK: - Containers

    mutating func beginObject(_ key: String? = nil) {
        self.prefix(key)
        self.bytes.append(UInt8(ascii: "{"))
        self.hasElement.append(false)
    }

    mutating func endObject() {
        self.close(UInt8(ascii: "}"))
    }

    mutating func beginArray(_ key: String? = nil) {
        self.prefix(key)
        self.bytes.append(UInt8(ascii: "["))
        self.hasElement.append(false)
    }

    mutating func endArray() {
        self.close(UInt8(ascii: "]"))
    }

    // MARK: - Values

    /// A string field, or `null` when `value` is `nil`.
    mutating func string(_ key: String, _ value: String?) {
        self.stringValue(key, value)
    }

    /// A string element of an array.
    mutating func element(_ value: String) {
        self.stringValue(nil, value)
    }

    private mutating func stringValue(_ key: String?, _ value: String?) {
        self.prefix(key)
        guard let value else {
            self.bytes += Self.null
            return
        }
        self.appendQuoted(value)
    }

    mutating func integer(_ key: String? = nil, _ value: Int?) {
        self.prefix(key)
        guard let value else {
            self.bytes += Self.null
            return
        }
        self.bytes += Array(String(value).utf8)
    }

    mutating func boolean(_ key: String? = nil, _ value: Bool) {
        self.prefix(key)
        self.bytes += value ? Self.trueBytes : Self.falseBytes
    }

    mutating func null(_ key: String? = nil) {
        self.prefix(key)
        self.bytes += Self.null
    }

    /// Bytes that already are one JSON value (such as a fixture's object), inserted as they are.
    mutating func raw(_ json: [UInt8], key: String? = nil) {
        self.prefix(key)
        self.bytes += json
    }

    // MARK: - Layout

    private mutating func prefix(_ key: String?) {
        if let last = self.hasElement.indices.last {
            if self.hasElement[last] { self.bytes.append(UInt8(ascii: ",")) }
            self.hasElement[last] = true
            self.newline(depth: self.hasElement.count)
        }
        if let key {
            self.appendQuoted(key)
            self.bytes.append(UInt8(ascii: ":"))
            if self.pretty { self.bytes.append(UInt8(ascii: " ")) }
        }
    }

    private mutating func close(_ bracket: UInt8) {
        let hadElement = self.hasElement.removeLast()
        if hadElement { self.newline(depth: self.hasElement.count) }
        self.bytes.append(bracket)
    }

    private mutating func newline(depth: Int) {
        guard self.pretty else { return }
        self.bytes.append(0x0A)
        for _ in 0..<(depth * 2) { self.bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func appendQuoted(_ text: String) {
        self.bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): self.bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): self.bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: self.bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: self.bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: self.bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                self.bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                self.bytes += [Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xf)]]
            default: self.bytes.append(byte)
            }
        }
        self.bytes.append(UInt8(ascii: "\""))
    }

    private static let null = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)
}
