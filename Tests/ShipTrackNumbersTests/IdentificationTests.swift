import Foundation
import ShipTrackModel
import ShipTrackNumbers
import Testing

@Suite("Identification")
struct IdentificationTests {
    /// Two carriers whose formats overlap on purpose: every 20-digit number starting 91-95 has both shapes.
    static func overlapping() throws -> [(carrier: String, json: String)] {
        let alpha = #"{ "service": "Alpha 20", "pattern": "^(?<serial>[0-9]{19})(?<check>[0-9])$", "#
            + #""check_digit": { "algorithm": "mod10", "weights": [3, 1] } }"#
        let beta = #"{ "service": "Beta 9x", "pattern": "^(?<serial>9[1-5][0-9]{17})(?<check>[0-9])$", "#
            + #""check_digit": { "algorithm": "mod10", "weights": [3, 1] } }"#
        return [("alpha", try numbersJSON(formats: [alpha])), ("beta", try numbersJSON(formats: [beta]))]
    }

    @Test("a number two carriers claim is ambiguous and lists both candidates")
    func ambiguous() throws {
        let identifier = try makeIdentifier(try Self.overlapping())
        // 9400111899223100012 weighs to 3 under [3, 1] from the right (see the USPS 20-digit legacy case).
        let identification = identifier.identify("94001118992231000123")
        let candidates = [
            NumberMatch(carrier: "alpha", service: "Alpha 20", formatIndex: 0),
            NumberMatch(carrier: "beta", service: "Beta 9x", formatIndex: 0),
        ]
        #expect(identification.matches == candidates)
        #expect(identification.verdict == .ambiguous(candidates))
    }

    @Test("overlapping shapes are not ambiguous when only one carrier's rules pass")
    func overlapResolvedByCheckDigit() throws {
        let sevenPrefixed = try makeIdentifier(try Self.overlapping()).identify("70190140000012345674")
        #expect(sevenPrefixed.verdict == .identified(carrier: "alpha", service: "Alpha 20"))
    }

    @Test("two formats of one carrier claiming a number identify the carrier, the first format's service")
    func sameCarrierTwice() throws {
        let json = try numbersJSON(formats: [
            #"{ "service": "First", "pattern": "^[0-9]+$", "check_digit": { "algorithm": "none" } }"#,
            #"{ "service": "Second", "pattern": "^[0-9]{4}$", "check_digit": { "algorithm": "none" } }"#,
        ])
        let identification = try makeIdentifier([("solo", json)]).identify("1234")
        #expect(identification.matches.count == 2)
        #expect(identification.verdict == .identified(carrier: "solo", service: "First"))
    }

    @Test("a number no pattern matches has an unknown shape")
    func unknownShape() throws {
        let identifier = try makeIdentifier(CarrierNumberBlocks.all)
        for number in ["1Z999AA10123456784", "", "   ", "LX47291635HK", "HELLO"] {
            let identification = identifier.identify(number)
            #expect(identification.verdict == .unknownShape, "\(number)")
            #expect(identification.nearMisses.isEmpty)
        }
    }

    @Test("a match wins over near misses of the same carrier's other forms")
    func matchBeatsNearMiss() throws {
        let identifier = try makeIdentifier(CarrierNumberBlocks.all)
        let identification = identifier.identify("0307 5512 0004 4821 9373")
        #expect(identification.verdict == .identified(carrier: "usps", service: "USPS 20-digit (legacy)"))
        #expect(identification.nearMisses.map(\.service) == ["USPS 20-digit (IMpb without channel 91)"])
    }

    @Test("encodes as stable snake_case JSON")
    func encodesJSON() throws {
        let identifier = try makeIdentifier(CarrierNumberBlocks.all)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json(_ number: String) throws -> String {
            String(decoding: try encoder.encode(identifier.identify(number)), as: UTF8.self)
        }
        #expect(
            try json("lx472916357cn")
                == #"{"correction":null,"input":"lx472916357cn","matches":[],"near_misses":[{"carrier":"epacket","#
                + #""format_index":0,"hints":[{"expected_check":3,"kind":"mistyped_digit"},"#
                + #"{"corrected":"LX472916375CN","first":8,"kind":"swapped_digits","second":9}],"#
                + #""message":"S10 check digit is 3, number has 7","rule":"check_digit","service":"ePacket"}],"#
                + #""normalized":"LX472916357CN","standard":null,"verdict":{"kind":"invalid","#
                + #""reason":"epacket ePacket: the check digit should be 3: one digit may be mistyped, "#
                + #"or digits 8 and 9 may be swapped: LX472916375CN would be valid"}}"#)
        #expect(
            try json("EA338102546CN")
                == #"{"correction":null,"input":"EA338102546CN","#
                + #""matches":[{"carrier":"ems","format_index":0,"service":"EMS"}],"#
                + #""near_misses":[],"normalized":"EA338102546CN","standard":null,"#
                + #""verdict":{"carrier":"ems","kind":"identified","service":"EMS"}}"#)
        #expect(
            try json("RR123456785GB")
                == #"{"correction":null,"input":"RR123456785GB","matches":[],"near_misses":[],"#
                + #""normalized":"RR123456785GB","#
                + #""standard":{"country":"GB","country_name":"United Kingdom","failures":[],"format":"s10","valid":true},"#
                + #""verdict":{"country":"GB","format":"s10","kind":"recognised_untracked","#
                + #""sentence":"valid S10 number from GB (United Kingdom); no source tracks it"}}"#)
        #expect(try json("nothing").hasSuffix(#""standard":null,"verdict":{"kind":"unknown_shape"}}"#))

        let ambiguous = try makeIdentifier(try Self.overlapping()).identify("94001118992231000123")
        let encoded = String(decoding: try encoder.encode(ambiguous.verdict), as: UTF8.self)
        #expect(
            encoded == #"{"candidates":[{"carrier":"alpha","format_index":0,"service":"Alpha 20"},"#
                + #"{"carrier":"beta","format_index":0,"service":"Beta 9x"}],"kind":"ambiguous"}"#)
    }

    @Test("one identifier serves many tasks at once")
    func concurrentUse() async throws {
        let identifier = try makeIdentifier(CarrierNumberBlocks.all)
        let numbers = ["LX472916353CN", "EA338102546CN", "9400111899223100012348", "LX472916357CN"]
        let verdicts = await withTaskGroup(of: String.self) { group in
            for index in 0..<200 {
                group.addTask { identifier.identify(numbers[index % numbers.count]).verdict.kind }
            }
            var kinds: [String: Int] = [:]
            for await kind in group { kinds[kind, default: 0] += 1 }
            return kinds
        }
        #expect(verdicts == ["identified": 150, "invalid": 50])
    }
}
