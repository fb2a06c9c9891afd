public import Foundation
public import Logging
public import ShipTrackModel
import ShipTrackNumbers

/// Looks up tracking numbers: identifies the carrier, asks its sources in the store's order of preference (falling
/// back when one cannot answer), follows the parcel to the next carrier after a hand-over, and merges the legs into
/// one timeline.
public struct Tracker: Sendable {
    /// The sources to ask.
    public let sources: SourceSet
    private let logger: Logger

    public init(sources: SourceSet, logger: Logger) {
        self.sources = sources
        self.logger = logger
    }

    /// The carriers and sources known.
    public var registry: CarrierRegistry { sources.registry }

    /// Chooses the carrier for `number`: the one named, else the single carrier whose rules accept it.
    public func resolveCarrier(for number: String, named carrier: CarrierID? = nil) throws(TrackingError)
        -> (number: String, carrier: CarrierDefinition)
    {
        let normalized = TrackingNumber.normalize(number)
        guard !normalized.isEmpty else { throw TrackingError.invalidNumber(number, detail: "empty tracking number") }
        if let carrier {
            guard let definition = registry.carriers[carrier] else {
                throw TrackingError.unknownCarrier(normalized, carrier: carrier.rawValue, known: registry.carrierIDs.map(\.rawValue))
            }
            // Naming the carrier skips identification, not validation: a wrong check digit is never sent.
            let identification = registry.identifier.identify(number)
            guard identification.matches.contains(where: { $0.carrier == carrier }) else {
                let mismatch = identification.nearMisses.first { $0.carrier == carrier }
                throw TrackingError.invalidNumber(
                    normalized, detail: mismatch.map { "invalid: \($0.summary)" } ?? "not a \(carrier) tracking number")
            }
            return (normalized, definition)
        }
        let identification = registry.identifier.identify(number)
        switch identification.verdict {
        case .identified(let carrier, _):
            guard let definition = registry.carriers[carrier] else {
                throw TrackingError.unknownCarrier(normalized, carrier: carrier.rawValue, known: registry.carrierIDs.map(\.rawValue))
            }
            return (normalized, definition)
        default:
            throw TrackingError.invalidNumber(normalized, detail: identification.explanation)
        }
    }

    /// Tracks one number. `destination` (ISO alpha-2) decides follow-on legs such as USPS for an ePacket to the US;
    /// without it, a follow-on leg is asked when the first leg's events show the parcel reached its country.
    public func track(_ number: String, carrier: CarrierID? = nil, destination: String? = nil, now: Date = Date())
        async throws(TrackingError) -> TrackingResult
    {
        let (normalized, definition) = try resolveCarrier(for: number, named: carrier)
        let followOn = definition.followOnLegs ?? []
        let known = destination.map { code in followOn.filter { $0.destinations.contains(code.uppercased()) } }

        // With the destination known, every leg is asked at once; otherwise the first leg decides whether to go on.
        var legs: [(CarrierID, Result<LegAnswer, TrackingError>)] = []
        if let known, !known.isEmpty {
            let asked = [definition.id] + known.map(\.carrier)
            legs = await withTaskGroup(of: (Int, Result<LegAnswer, TrackingError>).self) { group in
                for (index, leg) in asked.enumerated() {
                    // The typed do-catch lives in `legResult`: Swift 6.3's release build mis-compiled it inside this
                    // child task's closure (the night trapped here; debug builds did not).
                    group.addTask { (index, await legResult(leg, number: normalized)) }
                }
                var collected: [(Int, Result<LegAnswer, TrackingError>)] = []
                for await outcome in group { collected.append(outcome) }
                return collected.sorted { $0.0 < $1.0 }.map { (asked[$0.0], $0.1) }
            }
            // A source that tracks the whole journey answered the first leg with every leg: drop the others' copies.
            if case .success(let first) = legs[0].1, first.wholeJourney { legs = [legs[0]] }
        } else {
            let first = await legResult(definition.id, number: normalized)
            legs = [(definition.id, first)]
            if destination == nil, case .success(let answer) = first, !answer.wholeJourney {
                let reached = Set(answer.events.compactMap(\.location.countryCode))
                for leg in followOn where leg.destinations.contains(where: reached.contains) {
                    legs.append((leg.carrier, await legResult(leg.carrier, number: normalized)))
                }
            }
        }

        var answers: [(CarrierID, LegAnswer)] = []
        var failures: [LegFailure] = []
        var errors: [TrackingError] = []
        for (leg, outcome) in legs {
            switch outcome {
            case .success(let answer): answers.append((leg, answer))
            case .failure(let error):
                errors.append(error)
                failures.append(LegFailure(carrier: leg, outcome: error.outcome, message: error.description))
            }
        }
        // With no leg answering, the first leg's failure is the answer (a not-found from both legs is not-found).
        guard let origin = answers.first?.1 else { throw errors[0] }
        let legOrder = [definition.id] + followOn.map(\.carrier)
        var statusWithoutEvents = TrackingStatus.pending
        for (_, answer) in answers where answer.events.isEmpty { statusWithoutEvents = max(statusWithoutEvents, answer.statusWithoutEvents) }
        var quality = ReadingQuality(rowsSeen: 0, rowsUnderstood: 0)
        for (_, answer) in answers {
            quality.rowsSeen += answer.quality.rowsSeen
            quality.rowsUnderstood += answer.quality.rowsUnderstood
            quality.unread += answer.quality.unread
        }
        return TrackingResult(
            trackingNumber: normalized, carrier: definition.id, source: origin.source,
            events: Timeline.merged(answers.map(\.1.events), legOrder: legOrder), fetchedAt: now,
            sourceURL: origin.url, legFailures: failures, statusWithoutEvents: statusWithoutEvents,
            fallbacks: answers.flatMap(\.1.fallbacks), reading: quality, notes: answers.flatMap(\.1.notes),
            legOrder: legOrder)
    }

    /// What one leg's sources said.
    struct LegAnswer: Sendable {
        var events: [TrackingEvent]
        var statusWithoutEvents: TrackingStatus
        var quality: ReadingQuality
        var notes: [String]
        var source: SourceID
        var fallbacks: [SourceFallback]
        var url: String
        var wholeJourney: Bool
    }

    /// One leg's answer or failure, as a value.
    private func legResult(_ carrier: CarrierID, number: String) async -> Result<LegAnswer, TrackingError> {
        do throws(TrackingError) { return .success(try await trackLeg(carrier, number: number)) } catch { return .failure(error) }
    }

    /// Asks `carrier`'s sources in order until one answers; a source that cannot answer for reasons of its own
    /// (blocked, unauthorized, quota exhausted) hands over to the next, and the result says so.
    func trackLeg(_ carrier: CarrierID, number: String) async throws(TrackingError) -> LegAnswer {
        let chain = sources.chain(for: carrier)
        guard !chain.isEmpty else {
            let wanted = sources.preferences[carrier] ?? []
            let needs = wanted.compactMap { source -> String? in
                guard case .noCredentials(let names) = sources.unavailable[source] else { return nil }
                return "\(source) needs \(names.joined(separator: " and "))"
            }
            throw TrackingError.noSource(
                number, carrier: carrier.rawValue,
                detail: "no source for \(carrier) is configured" + (needs.isEmpty ? "" : " (\(needs.joined(separator: "; ")))")
                    + ": see docs/sources.md")
        }
        var fallbacks: [SourceFallback] = []
        var last: TrackingError?
        for client in chain {
            do {
                let reading = try await client.track(AskedNumber(number: number, carrier: carrier))
                if !fallbacks.isEmpty {
                    logger.notice(
                        "used a fallback source",
                        metadata: ["number": "\(number)", "source": "\(client.id)",
                                   "instead_of": "\(fallbacks.map(\.source.rawValue).joined(separator: ","))"])
                }
                let url = client.baseURL
                switch reading {
                case .events(let events, let quality, let notes):
                    return LegAnswer(
                        events: events, statusWithoutEvents: .pending, quality: quality, notes: notes, source: client.id,
                        fallbacks: fallbacks, url: url, wholeJourney: client.engine.definition.tracksWholeJourney ?? false)
                case .noEvents(let status, let notes):
                    return LegAnswer(
                        events: [], statusWithoutEvents: status, quality: ReadingQuality(rowsSeen: 0, rowsUnderstood: 0),
                        notes: notes, source: client.id, fallbacks: fallbacks, url: url,
                        wholeJourney: client.engine.definition.tracksWholeJourney ?? false)
                }
            } catch where error.outcome.fallsBack {
                fallbacks.append(
                    SourceFallback(source: client.id, outcome: error.outcome, message: error.detail + (error.advice.map { ". \($0)" } ?? "")))
                last = error
            } catch {
                var failure = error
                failure.fallbacks = fallbacks
                throw failure
            }
        }
        var failure = last ?? TrackingError.noSource(number, carrier: carrier.rawValue, detail: "no source answered")
        failure.fallbacks = Array(fallbacks.dropLast())
        throw failure
    }
}
