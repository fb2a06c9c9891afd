/// The named check-digit algorithms, each implemented once; carrier files choose one and give its parameters.
enum CheckDigitAlgorithm: Hashable, Sendable {
    /// No check digit: the pattern alone decides.
    case none
    /// UPU S10: weights 8 6 4 2 3 5 9 7 over the 8 serial digits; check = 11 − (sum mod 11), 10 → 0, 11 → 5.
    case s10
    /// Weighted sum mod 10: `weights` apply from the rightmost digit leftwards, repeating;
    /// check = (10 − sum mod 10) mod 10. `prefix` digits are weighted as if they preceded the serial.
    case mod10(weights: [Int], prefix: [UInt8])

    /// The names carrier files may use, in the order the docs list them.
    static let names = ["s10", "mod10", "none"]

    /// The outcome of computing a check digit for a captured serial.
    enum Computation: Hashable, Sendable {
        case digit(Int)
        /// The serial cannot be checked by this algorithm; the message says why.
        case unusable(String)
    }

    /// The name used in messages, such as `S10` in "S10 check digit is 5, number has 9".
    var displayName: String {
        switch self {
        case .none: "none"
        case .s10: "S10"
        case .mod10: "mod10"
        }
    }

    /// Whether the pattern must capture `serial` and `check`.
    var needsSerialAndCheck: Bool { self != .none }

    /// Computes the check digit for `serial`, given as ASCII bytes.
    func compute<Serial: BidirectionalCollection<UInt8>>(serial: Serial) -> Computation {
        switch self {
        case .none:
            return .unusable("no check digit algorithm")
        case .s10:
            return Self.s10(serial)
        case .mod10(let weights, let prefix):
            return Self.mod10(serial, weights: weights, prefix: prefix)
        }
    }

    private static let s10Weights = [8, 6, 4, 2, 3, 5, 9, 7]

    private static func s10<Serial: Collection<UInt8>>(_ serial: Serial) -> Computation {
        guard serial.count == 8 else {
            return .unusable("S10 needs an 8-digit serial, the pattern captured \(serial.count) characters")
        }
        var sum = 0
        for (byte, weight) in zip(serial, s10Weights) {
            guard let digit = asciiDigit(byte) else { return .unusable("S10 serial must be digits") }
            sum += digit * weight
        }
        switch 11 - sum % 11 {
        case 10: return .digit(0)
        case 11: return .digit(5)
        case let check: return .digit(check)
        }
    }

    private static func mod10<Serial: BidirectionalCollection<UInt8>>(
        _ serial: Serial, weights: [Int], prefix: [UInt8]
    ) -> Computation {
        guard !serial.isEmpty else { return .unusable("mod10 needs a serial, the pattern captured none") }
        // Weighting from the right keeps a form's weights independent of its length (the GS1 and USPS convention).
        var sum = 0
        var position = 0
        for byte in serial.reversed() {
            guard let digit = asciiDigit(byte) else { return .unusable("mod10 serial must be digits") }
            sum += digit * weights[position % weights.count]
            position += 1
        }
        for byte in prefix.reversed() {
            sum += Int(byte - 0x30) * weights[position % weights.count]
            position += 1
        }
        return .digit((10 - sum % 10) % 10)
    }

    static func asciiDigit(_ byte: UInt8) -> Int? {
        (0x30...0x39).contains(byte) ? Int(byte - 0x30) : nil
    }
}
