public import Foundation
public import Logging
public import ShipTrackModel
import ShipTrackHTTP
import ShipTrackNumbers

/// Looks up tracking numbers: identifies the carrier, fetches its page (and any follow-on leg), reads it.
public struct Tracker: Sendable {
    public let registry: CarrierRegistry
    private let fetcher: any PageFetching
    private let baseURLs: BaseURLs
    private let logger: Logger

    public init(registry: CarrierRegistry, fetcher: any PageFetching, baseURLs: BaseURLs = .init(), logger: Logger) {
        self.registry = registry
        self.fetcher = fetcher
        self.baseURLs = baseURLs
        self.logger = logger
    }

    /// Chooses the carrier for `number`: the one named, else the single carrier whose rules accept it.
    public func resolveCarrier(for number: String, named carrier: CarrierID? = nil) throws(TrackingError)
        -> (number: String, engine: CarrierEngine)
    {
        let normalized = TrackingNumber.normalize(number)
        guard !normalized.isEmpty else { throw TrackingError.invalidNumber(number, detail: "empty tracking number") }
        if let carrier {
            guard let engine = registry.engines[carrier] else {
                throw TrackingError.unknownCarrier(normalized, carrier: carrier.rawValue, known: registry.carrierIDs.map(\.rawValue))
            }
            // Naming the carrier skips identification, not validation: a wrong check digit is never sent.
            let identification = registry.identifier.identify(number)
            guard identification.matches.contains(where: { $0.carrier == carrier }) else {
                let mismatch = identification.nearMisses.first { $0.carrier == carrier }
                throw TrackingError.invalidNumber(
                    normalized,
                    detail: mismatch.map { "invalid: \($0.summary)" } ?? "not a \(carrier) tracking number")
            }
            return (normalized, engine)
        }
        let identification = registry.identifier.identify(number)
        switch identification.verdict {
        case .identified(let carrier, _):
            guard let engine = registry.engines[carrier] else {
                throw TrackingError.unknownCarrier(normalized, carrier: carrier.rawValue, known: registry.carrierIDs.map(\.rawValue))
            }
            return (normalized, engine)
        default:
            throw TrackingError.invalidNumber(normalized, detail: identification.explanation)
        }
    }

    /// Tracks one number. `destination` (ISO alpha-2) decides follow-on legs such as USPS for an ePacket to the US.
    public func track(_ number: String, carrier: CarrierID? = nil, destination: String? = nil, now: Date = Date())
        async throws(TrackingError) -> TrackingResult
    {
        let (normalized, engine) = try resolveCarrier(for: number, named: carrier)
        let legs = followOnLegs(of: engine, destination: destination)
        if legs.isEmpty {
            let (reading, url) = try await fetchLeg(engine, number: normalized)
            return result(number: normalized, carrier: engine.id, readings: [(engine.id, reading)], url: url, failures: [], now: now)
        }
        // Ask every leg at once; the timeline is their merge, and one failed leg still leaves the others' events.
        let outcomes = await withTaskGroup(of: (Int, Result<(PageReading, String), TrackingError>).self) { group in
            for (index, leg) in ([engine] + legs).enumerated() {
                group.addTask {
                    do throws(TrackingError) {
                        return (index, .success(try await fetchLeg(leg, number: normalized)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var collected: [(Int, Result<(PageReading, String), TrackingError>)] = []
            for await outcome in group { collected.append(outcome) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let allLegs = [engine] + legs
        var readings: [(CarrierID, PageReading)] = []
        var failures: [LegFailure] = []
        var errors: [TrackingError] = []
        var url = ""
        for (leg, outcome) in zip(allLegs, outcomes) {
            switch outcome {
            case .success(let (reading, legURL)):
                readings.append((leg.id, reading))
                if url.isEmpty { url = legURL }
            case .failure(let error):
                errors.append(error)
                failures.append(LegFailure(carrier: leg.id, message: error.detail))
            }
        }
        // With no leg answering, the first leg's failure is the answer (a not-found from both legs is not-found).
        guard !readings.isEmpty else { throw errors[0] }
        return result(number: normalized, carrier: engine.id, readings: readings, url: url, failures: failures, now: now)
    }

    private func followOnLegs(of engine: CarrierEngine, destination: String?) -> [CarrierEngine] {
        (engine.definition.followOnLegs ?? []).compactMap { leg in
            let applies = destination.map { code in leg.destinations.contains { $0.uppercased() == code.uppercased() } }
                ?? (leg.askWhenDestinationUnknown ?? false)
            return applies ? registry.engines[leg.carrier] : nil
        }
    }

    private func fetchLeg(_ engine: CarrierEngine, number: String) async throws(TrackingError) -> (PageReading, String) {
        let request = engine.request(for: number, baseURL: baseURLs.url(for: engine.id))
        let response: HTTPResponse
        do {
            response = try await fetcher.fetch(request, carrier: engine.id)
        } catch let error as HTTPClientError {
            throw TrackingError.transport(number, carrier: engine.id.rawValue, error: error)
        } catch is CancellationError {
            throw TrackingError.cancelled(number, carrier: engine.id.rawValue)
        } catch {
            throw TrackingError.fetchFailed(number, carrier: engine.id.rawValue, detail: "\(request.url): \(error)")
        }
        return (try engine.read(response, number: number, logger: logger), request.url)
    }

    private func result(
        number: String, carrier: CarrierID, readings: [(CarrierID, PageReading)], url: String, failures: [LegFailure],
        now: Date
    ) -> TrackingResult {
        var events: [TrackingEvent] = []
        var statusWithoutEvents = TrackingStatus.pending
        for (_, reading) in readings {
            switch reading {
            case .events(let legEvents): events += legEvents
            case .noEvents(let status): statusWithoutEvents = max(statusWithoutEvents, status)
            }
        }
        return TrackingResult(
            trackingNumber: number, carrier: carrier, events: TimelineMerger.merge(events), fetchedAt: now,
            sourceURL: url, legFailures: failures, statusWithoutEvents: statusWithoutEvents)
    }
}
