/// Replaces a request's secrets by `[redacted]` in every URL, message and log line the HTTP layer produces.
///
/// A secret matches as an exact, case-sensitive substring, byte by byte, where each byte may also appear
/// percent-encoded (`%2F` or `%2f`) and a space also as `+` (form encoding). That one rule covers the secret as
/// written, as any encoder escaped it, and as libcurl or a server re-encoded it, without guessing which characters
/// a given encoder escapes. It runs only when text is made for people (an error, a log line, `displayURL`), never
/// per body byte; with no secrets it returns its input untouched.
struct Redactor: Sendable {
    /// What a secret becomes.
    static let replacement = "[redacted]"

    /// The secrets as UTF-8, longest first so a secret that contains another is replaced whole.
    private let secrets: [[UInt8]]

    /// `secrets` as given to ``HTTPRequest/redactions``; empty strings are ignored (they would match everywhere).
    init(_ secrets: [String]) {
        self.secrets = secrets.filter { !$0.isEmpty }.map { Array($0.utf8) }.sorted { $0.count > $1.count }
    }

    /// Whether there is nothing to hide.
    var isEmpty: Bool { secrets.isEmpty }

    /// `text` with every secret replaced.
    func redact(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var changed = false
        var index = 0
        scan: while index < bytes.count {
            for secret in secrets {
                if let end = matchEnd(of: secret, in: bytes, from: index) {
                    output.append(contentsOf: Self.replacement.utf8)
                    index = end
                    changed = true
                    continue scan
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    /// Where a match of `secret` starting at `start` ends, if there is one.
    private func matchEnd(of secret: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var position = start
        for expected in secret {
            guard position < bytes.count else { return nil }
            let byte = bytes[position]
            if byte == expected {
                position += 1
            } else if byte == UInt8(ascii: "%"), position + 2 < bytes.count,
                let high = Self.hexValue(bytes[position + 1]), let low = Self.hexValue(bytes[position + 2]),
                high << 4 | low == expected
            {
                position += 3
            } else if byte == UInt8(ascii: "+"), expected == UInt8(ascii: " ") {
                position += 1
            } else {
                return nil
            }
        }
        return position
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

extension Redactor {
    /// Whether any secret appears in `text` (in any of the forms ``redact(_:)`` replaces).
    func appears(in text: String) -> Bool { !isEmpty && redact(text) != text }
}
