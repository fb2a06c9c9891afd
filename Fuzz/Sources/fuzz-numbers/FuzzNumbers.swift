import Foundation
import FuzzSupport
import ShipTrackCarriers
import ShipTrackModel
import ShipTrackNumbers

/// libFuzzer's entry: the bytes (as UTF-8, invalid sequences replaced) are a tracking number as typed or pasted.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumbers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let raw = String(decoding: input.rest(), as: UTF8.self)
    let registry = FuzzRegistry.shared
    let identification = registry.identifier.identify(raw)

    FuzzCheck.require(identification.input == raw, "the identification does not keep the input")
    let normalized = identification.normalized
    FuzzCheck.require(normalized == TrackingNumber.normalize(raw), "identify normalizes differently from normalize")
    FuzzCheck.require(TrackingNumber.normalize(normalized) == normalized, "normalizing twice changes \(normalized.debugDescription)")
    FuzzCheck.require(
        !normalized.unicodeScalars.contains { $0.properties.isWhitespace || ("a"..."z").contains($0) },
        "the normalized number \(normalized.debugDescription) keeps white space or a lower-case letter")
    if normalized.isEmpty {
        FuzzCheck.require(identification.matches.isEmpty && identification.nearMisses.isEmpty, "an empty number matched")
    }
    // Normalization is the only step before matching: the normalized number identifies the same way.
    let again = registry.identifier.identify(normalized)
    FuzzCheck.require(
        again.matches == identification.matches && again.nearMisses == identification.nearMisses,
        "\(raw.debugDescription) and its normalized form \(normalized.debugDescription) identify differently")
    for match in identification.matches {
        let formats = registry.carriers[match.carrier]?.numbers.formats.count ?? 0
        FuzzCheck.require(match.formatIndex < formats, "a match names format \(match.formatIndex) of \(match.carrier)")
    }
    for miss in identification.nearMisses {
        FuzzCheck.require(!miss.message.isEmpty, "a near miss of \(miss.carrier) without a message")
    }
    switch identification.verdict {
    case .identified(let carrier, _):
        FuzzCheck.require(identification.matches.allSatisfy { $0.carrier == carrier }, "identified despite another carrier")
    case .ambiguous(let matches):
        FuzzCheck.require(Set(matches.map(\.carrier)).count > 1, "ambiguous between matches of one carrier")
    case .invalid(let reason):
        FuzzCheck.require(identification.matches.isEmpty && !reason.isEmpty, "invalid with a match or no reason")
    case .unknownShape:
        FuzzCheck.require(identification.matches.isEmpty && identification.nearMisses.isEmpty, "unknown yet matched")
    }
    do { _ = try JSONEncoder().encode(identification) } catch {
        FuzzCheck.fail("the identification of \(raw.debugDescription) does not encode: \(error)")
    }
    return 0
}
