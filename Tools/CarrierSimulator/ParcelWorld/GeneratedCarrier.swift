/// The carriers the simulator can generate pages for, by the `id` the routing file gives them.
enum GeneratedCarrier: String, Sendable, Hashable, CaseIterable {
    case usps
    case epacket
    case ems

    /// The carrier whose number `number` is (upper-case ASCII, no spaces), with a valid check digit; `nil` for
    /// anything else. ePacket is `L?########?CN`, EMS `E?########?CN`, USPS the IMpb forms.
    init?(numberOwner number: [UInt8]) {
        if CheckDigits.isValidS10(number, service: UInt8(ascii: "L"), country: "CN") {
            self = .epacket
        } else if CheckDigits.isValidS10(number, service: UInt8(ascii: "E"), country: "CN") {
            self = .ems
        } else if CheckDigits.isValidUSPS(number) {
            self = .usps
        } else {
            return nil
        }
    }

    /// The `Content-Type` the repository's routing file gives the carrier's pages.
    var contentType: String {
        switch self {
        case .usps: "text/html; charset=utf-8"
        case .epacket: "text/html"
        case .ems: EMSPartnerAPI.contentType
        }
    }

    /// Upper-cases `text` and drops spaces and dashes, as carriers and the client do.
    static func normalize(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") {
            bytes.append((UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte)
        }
        return bytes
    }
}
