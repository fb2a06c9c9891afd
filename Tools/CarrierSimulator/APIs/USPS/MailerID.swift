/// The Mailer ID (MID) printed inside an IMpb tracking number, and the simulator's rule for which MIDs the test
/// client may track.
///
/// Since April 1 2026 USPS answers tracking requests only for labels printed with the caller's own MID (or one
/// that authorised it); any other label answers 403 per number. The simulator's test client owns every MID except
/// the reserved range **800000–899999** (six-digit MIDs starting with 8), which stands for a label platform's MID:
/// those numbers answer 403. Generated sample numbers never use that range unless asked
/// (``CarrierSimulator/sampleTrackingNumbers(carrier:count:seed:outsideUSPSMailerID:)``), and the fixtures'
/// numbers (MID 000000) are inside it.
///
/// IMpb layout: 2-digit application identifier (92–95), 3-digit service type code, then the MID: 9 digits when its
/// first digit is 9, else 6; then the serial and the check digit. A `420` + ZIP routing prefix comes first in the
/// 30- and 34-digit forms. The 20-digit legacy numbers carry no MID the rule can read and count as inside.
struct MailerID: Sendable, Hashable, CustomStringConvertible {
    let digits: String

    /// The first digit of the reserved range.
    static let reservedLeadingDigit = UInt8(ascii: "8")

    /// The MID of an IMpb number (upper-case ASCII digits), or `nil` when `number` is not an IMpb number.
    init?(impb number: [UInt8]) {
        guard let core = Self.impbCore(of: number), core.count >= 11 else { return nil }
        let start = core.startIndex + 5
        let length = core[start] == UInt8(ascii: "9") ? 9 : 6
        guard core.count >= 5 + length + 2 else { return nil }
        self.digits = String(decoding: core[start..<(start + length)], as: UTF8.self)
    }

    /// Whether the simulator's test client may track labels printed with this MID.
    var isTestClients: Bool {
        !(self.digits.utf8.count == 6 && self.digits.utf8.first == Self.reservedLeadingDigit)
    }

    var description: String {
        self.digits
    }

    /// Whether the test client may track `number`: every number but an IMpb number with a reserved MID.
    static func isAuthorized(_ number: String) -> Bool {
        MailerID(impb: Array(number.utf8))?.isTestClients ?? true
    }

    /// The 22- or 26-digit IMpb number inside `number`, without a `420` ZIP routing prefix.
    static func impbCore(of number: [UInt8]) -> ArraySlice<UInt8>? {
        guard number.allSatisfy({ CheckDigits.digit($0) != nil }) else { return nil }
        func isIMpb(_ digits: ArraySlice<UInt8>) -> Bool {
            (digits.count == 22 || digits.count == 26) && digits.first == UInt8(ascii: "9")
                && (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(digits[digits.startIndex + 1])
        }
        let isRouted = number.starts(with: Array("420".utf8))
        switch number.count {
        case 22, 26:
            return isIMpb(number[...]) ? number[...] : nil
        case 30 where isRouted:
            return isIMpb(number[8...]) ? number[8...] : nil
        case 34 where isRouted:
            if isIMpb(number[12...]) { return number[12...] }
            return isIMpb(number[8...]) ? number[8...] : nil
        default:
            return nil
        }
    }
}

extension MailerID {
    /// The three-digit service type code of an IMpb number (`001` Ground Advantage, `055` Priority Mail, ...).
    static func serviceTypeCode(of number: [UInt8]) -> String? {
        guard let core = Self.impbCore(of: number) else { return nil }
        return String(decoding: core.dropFirst(2).prefix(3), as: UTF8.self)
    }
}
