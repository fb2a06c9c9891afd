import Foundation
import Synchronization

/// Issues and checks the simulated USPS access tokens without keeping a table of them: a token carries its
/// client, whether it has the `tracking` scope and when it was issued, masked and sealed with a key drawn when the
/// simulator is created, so it reads as opaque random text. Checking a token therefore takes no lock, and a token
/// made up by a client (or issued by another simulator) is unknown.
///
/// The hash is SplitMix64-based, not cryptographic: it only has to make guessing unlikely in a test.
final class USPSAccessTokens: Sendable {
    /// What a presented token turned out to be.
    enum Check: Sendable, Hashable {
        case valid(USPSTestClient, hasTrackingScope: Bool)
        case expired
        case unknown
    }

    let lifetime: Duration
    private let key: (UInt64, UInt64)
    private let serial = Atomic<UInt32>(0)

    init(lifetime: Duration) {
        var generator = SystemRandomNumberGenerator()
        self.key = (generator.next(), generator.next())
        self.lifetime = lifetime
    }

    /// A new token for `client`, issued `issuedAt` after the simulator's epoch.
    func issue(for client: USPSTestClient, hasTrackingScope: Bool, issuedAt: Duration) -> String {
        var generator = SystemRandomNumberGenerator()
        let nonce: UInt64 = generator.next()
        var payload: [UInt8] = [1, client.rawValue, hasTrackingScope ? 1 : 0]
        Self.append(UInt64(max(0, Self.milliseconds(issuedAt))), to: &payload)
        Self.append(UInt64(self.serial.wrappingAdd(1, ordering: .relaxed).newValue), to: &payload)
        var token: [UInt8] = []
        Self.append(nonce, to: &token)
        token += self.masked(payload, nonce: nonce)
        let seal = self.seal(token)
        Self.append(seal.0, to: &token)
        Self.append(seal.1, to: &token)
        return Self.base64URL(token)
    }

    /// What `token` is at `now` (time since the simulator's epoch).
    func check(_ token: String, at now: Duration) -> Check {
        guard let bytes = Self.decodeBase64URL(token), bytes.count == Self.tokenLength else { return .unknown }
        let sealed = Array(bytes[0..<(Self.tokenLength - 16)])
        let seal = self.seal(sealed)
        guard Self.readUInt64(bytes, at: Self.tokenLength - 16) == seal.0, Self.readUInt64(bytes, at: Self.tokenLength - 8) == seal.1
        else { return .unknown }
        let payload = self.masked(Array(sealed[8...]), nonce: Self.readUInt64(sealed, at: 0))
        guard payload[0] == 1, let client = USPSTestClient(rawValue: payload[1]) else { return .unknown }
        let issuedAt = Int64(bitPattern: Self.readUInt64(payload, at: 3))
        guard Self.milliseconds(now) < issuedAt + Self.milliseconds(self.lifetime) else { return .expired }
        return .valid(client, hasTrackingScope: payload[2] == 1)
    }

    /// Nonce, then version, client, scope, issue time and serial (masked so the token looks random), then the seal.
    private static let tokenLength = 8 + 3 + 8 + 8 + 16

    /// `bytes` XORed with a key stream drawn from the key and the nonce (its own inverse).
    private func masked(_ bytes: [UInt8], nonce: UInt64) -> [UInt8] {
        var stream = SplitMix64(seed: self.key.0 ^ SplitMix64.mix(nonce ^ self.key.1))
        var word: UInt64 = 0
        return bytes.enumerated().map { index, byte in
            if index % 8 == 0 { word = stream.next() }
            return byte ^ UInt8(truncatingIfNeeded: word >> UInt64(8 * (index % 8)))
        }
    }

    private func seal(_ payload: [UInt8]) -> (UInt64, UInt64) {
        var first = self.key.0
        var second = self.key.1
        var index = 0
        while index < payload.count {
            var word: UInt64 = 0
            for offset in 0..<8 where index + offset < payload.count {
                word |= UInt64(payload[index + offset]) << (8 * offset)
            }
            first = SplitMix64.mix(first ^ word)
            second = SplitMix64.mix(second ^ word ^ first)
            index += 8
        }
        return (SplitMix64.mix(first ^ self.key.1), SplitMix64.mix(second ^ self.key.0))
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    private static func readUInt64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 {
            value |= UInt64(bytes[offset + index]) << (8 * index)
        }
        return value
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        String(
            Data(bytes).base64EncodedString().compactMap { character -> Character? in
                switch character {
                case "+": "-"
                case "/": "_"
                case "=": nil
                default: character
                }
            }
        )
    }

    private static func decodeBase64URL(_ text: String) -> [UInt8]? {
        guard text.utf8.count < 128 else { return nil }
        var standard = String(text.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while standard.utf8.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map(Array.init)
    }
}
