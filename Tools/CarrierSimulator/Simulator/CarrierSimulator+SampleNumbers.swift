extension CarrierSimulator {
    /// `count` distinct valid tracking numbers of `carrier` (`usps`, `epacket` or `ems`), the same for the same seed:
    /// numbers to drive generated pages with in load tests, clear of the fixtures' and special numbers' ranges.
    /// Returns an empty array for another carrier.
    ///
    /// USPS numbers carry a Mailer ID the simulator's USPS API test client may track, unless `outsideUSPSMailerID`
    /// asks for numbers printed with another MID (the reserved range 800000-899999), which the API answers with 403.
    public static func sampleTrackingNumbers(
        carrier: String,
        count: Int,
        seed: UInt64 = 1,
        outsideUSPSMailerID: Bool = false
    ) -> [String] {
        guard let carrier = GeneratedCarrier(rawValue: carrier), count > 0 else { return [] }
        var random = SplitMix64(seed: SplitMix64.mix(seed ^ 0x6e75_6d62_6572_73))
        var seen = Set<String>()
        var numbers: [String] = []
        numbers.reserveCapacity(count)
        while numbers.count < count {
            let number = String(
                decoding: TrackingNumberMaker.make(carrier, random: &random, outsideMailerID: outsideUSPSMailerID), as: UTF8.self
            )
            if seen.insert(number).inserted {
                numbers.append(number)
            }
        }
        return numbers
    }
}

/// Makes valid numbers for the generator's carriers.
enum TrackingNumberMaker {
    /// A valid number of `carrier`: ePacket `L?` and EMS `E?` S10 numbers from China with serials 10200000-99899999
    /// (below are the fixtures, above the special numbers), USPS 22-digit IMpb numbers starting 9400111, 9205590 or
    /// 9405511 (the fixtures and special numbers start 94001000), whose Mailer IDs (11xxxx, 90xxxxxxx) the USPS
    /// API's test client owns; with `outsideMailerID`, USPS numbers starting 9400180 (MID 80xxxx, reserved for
    /// another mailer).
    static func make(_ carrier: GeneratedCarrier, random: inout SplitMix64, outsideMailerID: Bool = false) -> [UInt8] {
        var number: [UInt8] = []
        Self.make(carrier, random: &random, into: &number, outsideMailerID: outsideMailerID)
        return number
    }

    /// Like ``make(_:random:outsideMailerID:)``, into `number` (its storage reused): the order generator makes many
    /// candidates.
    static func make(
        _ carrier: GeneratedCarrier,
        random: inout SplitMix64,
        into number: inout [UInt8],
        outsideMailerID: Bool = false
    ) {
        number.removeAll(keepingCapacity: true)
        switch carrier {
        case .epacket, .ems:
            let letters = carrier == .epacket ? Self.ePacketLetters : Self.emsLetters
            let serial = random.integer(in: 10_200_000...99_899_999)
            number.append(carrier == .epacket ? UInt8(ascii: "L") : UInt8(ascii: "E"))
            number.append(random.element(of: letters))
            // S10: weights 8 6 4 2 3 5 9 7; check = 11 - sum mod 11, with 10 -> 0 and 11 -> 5.
            var divisor = 10_000_000
            var sum = 0
            for weight in Self.s10Weights {
                let digit = serial / divisor % 10
                sum += digit * weight
                number.append(UInt8(ascii: "0") + UInt8(digit))
                divisor /= 10
            }
            let check = 11 - sum % 11
            number.append(UInt8(ascii: "0") + UInt8(check == 10 ? 0 : check == 11 ? 5 : check))
            number.append(UInt8(ascii: "C"))
            number.append(UInt8(ascii: "N"))
        case .usps:
            number.append(contentsOf: outsideMailerID ? Self.outsidePrefix : random.element(of: Self.uspsPrefixes))
            var digits = random.next()
            for _ in 0..<14 {
                number.append(UInt8(ascii: "0") + UInt8(digits % 10))
                digits /= 10
            }
            number.append(UInt8(ascii: "0") + UInt8(CheckDigits.usps(number) ?? 0))
        }
    }

    private static let s10Weights = [8, 6, 4, 2, 3, 5, 9, 7]
    private static let ePacketLetters = Array("XZKNTWY".utf8)
    private static let emsLetters = Array("ABEVZ".utf8)
    private static let uspsPrefixes = ["9400111", "9205590", "9405511"].map { Array($0.utf8) }
    /// Ground Advantage (STC 001) with a Mailer ID in the reserved range 80xxxx.
    private static let outsidePrefix = Array("9400180".utf8)
}
