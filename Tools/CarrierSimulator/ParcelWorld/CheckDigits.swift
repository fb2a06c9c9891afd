/// The check digits of the numbers the simulator generates pages for and writes into order files: UPU S10 (ePacket,
/// EMS) and USPS IMpb "mod 10, weights 3 and 1". The same algorithms as `Carriers/*.json` name, implemented here
/// because the simulator does not depend on the client's modules.
enum CheckDigits {
    private static let s10Weights = [8, 6, 4, 2, 3, 5, 9, 7]

    /// The S10 check digit of eight serial digits (ASCII): 11 − (weighted sum mod 11), with 10 → 0 and 11 → 5.
    static func s10(_ serial: some Collection<UInt8>) -> Int? {
        guard serial.count == 8 else { return nil }
        var sum = 0
        for (byte, weight) in zip(serial, Self.s10Weights) {
            guard let digit = Self.digit(byte) else { return nil }
            sum += digit * weight
        }
        switch 11 - sum % 11 {
        case 10: return 0
        case 11: return 5
        case let check: return check
        }
    }

    /// The USPS mod-10 check digit of a serial (ASCII digits): weights 3, 1, 3, ... from the right,
    /// check = (10 − sum mod 10) mod 10.
    static func usps(_ serial: some BidirectionalCollection<UInt8>) -> Int? {
        var sum = 0
        for (index, byte) in serial.reversed().enumerated() {
            guard let digit = Self.digit(byte) else { return nil }
            sum += digit * (index % 2 == 0 ? 3 : 1)
        }
        return (10 - sum % 10) % 10
    }

    /// Whether `number` (upper-case ASCII) is `<two letters><8 digits><check><country>` with a valid S10 check
    /// digit, the first letter `service` and the country `country`.
    static func isValidS10(_ number: [UInt8], service: UInt8, country: StaticString) -> Bool {
        guard number.count == 13, number[0] == service, Self.isLetter(number[1]),
            number[11] == country.utf8Start[0], number[12] == country.utf8Start[1],
            let check = Self.s10(number[2..<10]), let printed = Self.digit(number[10])
        else { return false }
        return check == printed
    }

    /// Whether `number` is a USPS domestic tracking number with a valid check digit: IMpb 22 or 26 digits
    /// (channel 91-95), the 30- and 34-digit forms with a `420` ZIP routing prefix, or the 20-digit forms.
    static func isValidUSPS(_ number: [UInt8]) -> Bool {
        guard number.allSatisfy({ Self.digit($0) != nil }) else { return false }
        func impb(_ digits: ArraySlice<UInt8>) -> Bool {
            guard digits.count == 22 || digits.count == 26, digits.first == UInt8(ascii: "9"),
                let channel = digits.dropFirst().first, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(channel)
            else { return false }
            return Self.usps(digits.dropLast()) == Self.digit(digits[digits.endIndex - 1])
        }
        let isRouted = number.starts(with: Array("420".utf8))
        switch number.count {
        case 22, 26:
            return impb(number[...])
        case 30 where isRouted:
            return impb(number[8...])
        case 34 where isRouted:
            return impb(number[12...]) || impb(number[8...])
        case 20:
            // As the definition: a 20-digit number starting 91-95 is only the legacy form; others may also be an
            // IMpb number printed without its leading 91.
            let check = Self.digit(number[19])
            let legacy = Self.usps(number[0..<19]) == check
            let startsWithChannel = number[0] == UInt8(ascii: "9") && (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(number[1])
            return legacy || (!startsWithChannel && Self.usps(Array("91".utf8) + number[0..<19]) == check)
        default:
            return false
        }
    }

    static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
