import Foundation
import FuzzSupport
import ShipTrackCarriers
import ShipTrackModel
import ShipTrackNumbers

/// A few answers of each format that a definition which compiles must read without crashing, whatever it says.
private let sampleAnswers: [[UInt8]] = [
    "<html><body><table><tr><td>2026-03-02 10:00</td><td>NEW YORK, NY 10001</td><td>Delivered</td></tr></table></body></html>",
    "<?xml version=\"1.0\"?><response><traces><trace><acceptTime>2026-03-02 10:00:00</acceptTime><acceptAddress>北京</acceptAddress><remark>已妥投</remark></trace></traces></response>",
    "{\"code\":0,\"data\":{\"accepted\":[{\"number\":\"LX100011111CN\",\"track_info\":{\"tracking\":{\"providers\":[{\"events\":[{\"time_iso\":\"2026-03-02T10:00:00+08:00\",\"description\":\"Delivered\"}]}]}}}]}}",
].map { Array($0.utf8) }

/// libFuzzer's entry: the first byte chooses a carrier file (bit 0 set) or a source file; the rest is its JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDefinitions(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let isCarrier = input.byte() & 1 == 1
    let json = Data(input.rest())
    let origin = isCarrier ? "fuzz-carrier.json" : "fuzz-source.json"
    do {
        if isCarrier {
            check(try CarrierRegistry.compileCarrier(json, origin: origin))
        } else {
            check(try CarrierRegistry.compileSource(json, origin: origin))
        }
    } catch {
        // The loader's errors are typed: whatever is wrong must be a CarrierDefinitionError naming the file.
        FuzzCheck.require(error.file == origin, "an error names \(error.file), not \(origin)")
        FuzzCheck.require(!error.message.isEmpty, "an error without a message: \(error)")
    }
    return 0
}

/// A carrier that loads keeps its promise: each valid test number is claimed by one of its formats, no invalid one.
private func check(_ carrier: CarrierDefinition) {
    let identifier = TrackingNumberIdentifier(rules: [(carrier: carrier.id, rules: carrier.numbers)])
    for number in carrier.numbers.testNumbers.valid {
        let matches = identifier.identify(number).matches
        FuzzCheck.require(matches.count == 1, "valid test number \(number.debugDescription) matched \(matches.count) formats")
    }
    for number in carrier.numbers.testNumbers.invalid {
        FuzzCheck.require(identifier.identify(number).matches.isEmpty, "invalid test number \(number.debugDescription) matched")
    }
    for number in ["LX100011111CN", "9400100000000000000013", "", "EA100011111CN"] { _ = identifier.identify(number) }
}

/// A source that loads reads answers of any format, with and without a number, for every carrier it serves.
private func check(_ engine: SourceEngine) {
    for carrier in engine.definition.serves.keys.sorted().prefix(3) {
        for answer in sampleAnswers {
            for number in [nil, "LX100011111CN"] {
                _ = engine.read(
                    saved: answer, charset: nil, context: "fuzz-answer", number: number, carrier: carrier,
                    logger: FuzzRegistry.silentLogger)
            }
        }
    }
}
