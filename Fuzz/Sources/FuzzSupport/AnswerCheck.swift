import Foundation
public import ShipTrackCarriers
public import ShipTrackModel
import ShipTrackNumbers

/// Reads arbitrary bytes as a source's answer and checks that the reading is one of the typed outcomes, consistent
/// with itself, and encodable as the command prints it.
public enum AnswerCheck {
    /// Charsets a saved answer may be declared in (none, the usual, a Chinese page's, a Latin one, a bogus name).
    static let charsets: [String?] = [nil, "utf-8", "gb2312", "iso-8859-1", "x-no-such-charset", "utf-16"]

    /// What one run reads: chosen by the input's first three bytes.
    public struct Choice: CustomStringConvertible {
        public let engine: SourceEngine
        public let carrier: CarrierID
        public let number: String?
        public let charset: String?

        /// Byte 0 picks the source (sorted by id), byte 1 the carrier among those it serves, byte 2 whether a number
        /// is asked (bit 0) and the charset (the bits above).
        public init(source: UInt8, carrier: UInt8, flags: UInt8, registry: CarrierRegistry) {
            let ids = registry.sourceIDs
            engine = registry.sources[ids[Int(source) % ids.count]]!
            let served = engine.definition.serves.keys.sorted()
            self.carrier = served[Int(carrier) % served.count]
            number = flags & 1 == 0 ? nil : registry.carriers[self.carrier]?.numbers.testNumbers.valid.first
            charset = AnswerCheck.charsets[Int(flags >> 1) % AnswerCheck.charsets.count]
        }

        public var description: String {
            "\(engine.id) for \(carrier), number \(number ?? "none"), charset \(charset ?? "none")"
        }
    }

    /// Reads `bytes` as `choice` says and checks the result; crashes (for libFuzzer) on a broken promise.
    public static func check(_ bytes: [UInt8], choice: Choice) {
        let engine = choice.engine
        let reading = engine.read(
            saved: bytes, charset: choice.charset, context: "fuzz-answer", number: choice.number,
            carrier: choice.carrier, logger: FuzzRegistry.silentLogger)
        switch reading {
        case .whole(let error):
            check(error, choice: choice)
        case .items(let items):
            let numbers = items.map(\.number)
            FuzzCheck.require(Set(numbers).count == numbers.count, "\(choice): a number read twice: \(numbers)")
            if let asked = choice.number {
                FuzzCheck.require(
                    numbers.allSatisfy { $0 == TrackingNumber.normalize(asked) },
                    "\(choice): asked about \(asked), read \(numbers)")
            }
            for (number, result) in items {
                switch result {
                case .failure(let error):
                    check(error, choice: choice)
                case .success(.noEvents(let status, _)):
                    FuzzCheck.require(
                        TrackingStatus.allCases.contains(status), "\(choice): \(number) has no events and \(status)")
                case .success(.events(let events, let quality, _)):
                    check(events, quality: quality, number: number, choice: choice)
                }
            }
        }
    }

    private static func check(_ error: TrackingError, choice: Choice) {
        FuzzCheck.require(!error.outcome.hasTimeline, "\(choice): a failure with outcome \(error.outcome)")
        FuzzCheck.require(!error.detail.isEmpty, "\(choice): a failure (\(error.outcome)) without a detail")
        FuzzCheck.require(error.source == nil || error.source == choice.engine.id, "\(choice): \(error) names another source")
    }

    private static func check(_ events: [TrackingEvent], quality: ReadingQuality, number: String, choice: Choice) {
        FuzzCheck.require(
            quality.rowsUnderstood <= quality.rowsSeen && quality.unread.count <= quality.rowsSeen - quality.rowsUnderstood,
            "\(choice): \(number): \(quality.rowsUnderstood) of \(quality.rowsSeen) rows understood, "
                + "\(quality.unread.count) unread kept")
        FuzzCheck.require(
            events.count <= quality.rowsUnderstood, "\(choice): \(number): \(events.count) events from \(quality.rowsUnderstood) rows")
        let ordered = Timeline.ordered(events, legOrder: [choice.carrier])
        FuzzCheck.require(ordered.count == events.count, "\(choice): \(number): ordering lost events")
        // What `shiptrack parse-page` and the batch do with the events next: encode them.
        do { _ = try JSONEncoder().encode(ordered) } catch {
            FuzzCheck.fail("\(choice): \(number): the events do not encode: \(error)")
        }
    }
}
