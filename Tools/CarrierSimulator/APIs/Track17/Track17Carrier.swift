/// 17TRACK's carrier codes for the carriers ShipTrack meets, how 17TRACK describes them, and its number rules.
enum Track17Carrier {
    static let chinaPost = 3011
    static let chinaEMS = 3013
    static let usps = 21051

    /// A carrier as a provider of `track_info.tracking.providers[]`.
    struct Provider {
        var key: Int
        var name: String
        var alias: String
        var tel: String
        var homepage: String
        var country: String
    }

    static func provider(_ key: Int) -> Provider {
        switch key {
        case Self.usps:
            Provider(key: key, name: "USPS", alias: "USPS", tel: "+1 800-275-8777", homepage: "https://www.usps.com/", country: "US")
        case Self.chinaEMS:
            Provider(key: key, name: "China EMS", alias: "China EMS ( ePacket )", tel: "+86 11183", homepage: "http://www.ems.com.cn/", country: "CN")
        default:
            Provider(key: key, name: "China Post", alias: "China Post", tel: "+86 11183", homepage: "http://www.chinapost.com.cn/", country: "CN")
        }
    }

    /// Whether 17TRACK accepts `number` (normalised) as a tracking number: 5 to 40 letters or digits, and an
    /// UPU S10 shape (two letters, nine digits, two letters) whenever it starts and ends with letters.
    static func isValidFormat(_ number: String) -> Bool {
        let bytes = Array(number.utf8)
        guard (5...40).contains(bytes.count) else { return false }
        guard let first = bytes.first, let last = bytes.last, CheckDigits.isLetter(first), CheckDigits.isLetter(last) else {
            return true
        }
        return bytes.count == 13 && CheckDigits.isLetter(bytes[1]) && CheckDigits.isLetter(bytes[11])
            && bytes[2..<11].allSatisfy { CheckDigits.digit($0) != nil }
    }

    /// The carrier 17TRACK's auto-detection picks: China Post for S10 numbers from China (EMS for `E?`), USPS for
    /// IMpb numbers; `nil` when it cannot tell.
    static func detect(_ number: String) -> Int? {
        let bytes = Array(number.utf8)
        if bytes.count == 13, bytes[11] == UInt8(ascii: "C"), bytes[12] == UInt8(ascii: "N"), isValidFormat(number) {
            return bytes[0] == UInt8(ascii: "E") ? Self.chinaEMS : Self.chinaPost
        }
        if CheckDigits.isValidUSPS(bytes) {
            return Self.usps
        }
        return nil
    }
}
