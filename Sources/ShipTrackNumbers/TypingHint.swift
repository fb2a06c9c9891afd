/// A likely typing mistake behind a number that fails, said in plain words, with the number it would otherwise be.
///
/// Check digits exist to catch these: S10 and mod 10 catch every single wrong digit, and S10 every swap of two
/// neighbouring digits (mod 10 with weights 3, 1 all but swaps of digits 5 apart). So a failed check digit is
/// explained as "one digit may be mistyped", and each neighbouring swap that would give a valid number is offered.
/// A letter where a digit belongs (O for 0, I or l for 1) is caught before any check digit, because the pattern
/// does not match at all; such letters are swapped for their digits and the result offered when it is valid.
public enum TypingHint: Hashable, Sendable, Encodable {
    /// The check digit fails: it should be `expectedCheck` for the digits as typed.
    case mistypedDigit(expectedCheck: Int)
    /// Exchanging the `first` and `second` digits of the number (counted among its digits, from 1) gives
    /// `corrected`, which is valid.
    case swappedDigits(first: Int, second: Int, corrected: String)
    /// Reading `letters` of `number` (normalized) as the digits they look like gives `corrected`, which is valid.
    case lookalikeLetters([LookalikeLetter], number: String, corrected: String)

    /// A letter typed where a digit belongs.
    public struct LookalikeLetter: Hashable, Sendable, Encodable {
        /// The letter as typed (`O`, `o`, `I`, `l`).
        public let letter: String
        /// Its position in the normalized number, from 1.
        public let position: Int
        /// The digit it looks like.
        public let digit: Int

        public init(letter: String, position: Int, digit: Int) {
            self.letter = letter
            self.position = position
            self.digit = digit
        }
    }

    /// At most this many swaps are spelt out; mod 10 can offer several, and a long list helps nobody.
    static let swapsShown = 2

    /// The hints as one sentence: `the check digit should be 5: one digit may be mistyped, or digits 3 and 4 may be
    /// swapped: LX472916353CN would be valid`, or `'O' in position 3 looks like a zero: LKO83055129CN →
    /// LK083055129CN is valid`.
    public static func sentence(_ hints: [TypingHint]) -> String {
        var parts: [String] = []
        var swaps: [(first: Int, second: Int, corrected: String)] = []
        for hint in hints {
            switch hint {
            case .mistypedDigit(let expected):
                parts.append("the check digit should be \(expected): one digit may be mistyped")
            case .swappedDigits(let first, let second, let corrected):
                swaps.append((first, second, corrected))
            case .lookalikeLetters(let letters, let number, let corrected):
                let named = letters.map { "'\($0.letter)' in position \($0.position) looks like a \(name($0.digit))" }
                parts.append("\(list(named)): \(number) → \(corrected) is valid")
            }
        }
        if swaps.count > swapsShown {
            parts.append("two neighbouring digits may be swapped (\(swaps.count) swaps would give a valid number)")
        } else {
            parts += swaps.map { "digits \($0.first) and \($0.second) may be swapped: \($0.corrected) would be valid" }
        }
        return parts.joined(separator: ", or ")
    }

    private static func name(_ digit: Int) -> String { digit == 0 ? "zero" : "one" }

    private static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }

    enum CodingKeys: String, CodingKey {
        case kind, letters, number, corrected, first, second
        case expectedCheck = "expected_check"
    }

    /// `{"kind": "mistyped_digit", "expected_check": 5}`, `{"kind": "swapped_digits", "first": 3, "second": 4,
    /// "corrected": "..."}`, `{"kind": "lookalike_letters", "letters": [...], "number": "...", "corrected": "..."}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .mistypedDigit(let expected):
            try container.encode("mistyped_digit", forKey: .kind)
            try container.encode(expected, forKey: .expectedCheck)
        case .swappedDigits(let first, let second, let corrected):
            try container.encode("swapped_digits", forKey: .kind)
            try container.encode(first, forKey: .first)
            try container.encode(second, forKey: .second)
            try container.encode(corrected, forKey: .corrected)
        case .lookalikeLetters(let letters, let number, let corrected):
            try container.encode("lookalike_letters", forKey: .kind)
            try container.encode(letters, forKey: .letters)
            try container.encode(number, forKey: .number)
            try container.encode(corrected, forKey: .corrected)
        }
    }
}
