public import Foundation
import Logging
import ShipTrackHTTP
import ShipTrackNumbers
public import ShipTrackModel
import ShipTrackXML
import Synchronization

/// One configured source, ready to ask: its compiled definition, credentials, token, limits and batching.
///
/// Every request of the process to this source goes through one client, so its limits hold whoever asks, one token
/// serves every request, and single-number lookups are gathered into the source's batches.
public final class SourceClient: Sendable {
    /// The compiled definition.
    public let engine: SourceEngine
    let baseURL: String
    let secrets: SecretStore
    let fetcher: any PageFetching
    let lane: SourceLane
    let tokens: TokenProvider?
    let ledger: (any RegistrationLedger)?
    let logger: Logger
    private let counters = Counters()
    private let trackBatcher: RequestBatcher<Result<ItemReading, TrackingError>>
    private let registerBatcher: RequestBatcher<Result<Void, TrackingError>>?

    /// Counters for the summary, tests and benchmarks.
    public struct Statistics: Sendable, Hashable {
        /// Tracking requests sent (a batch counts once).
        public var trackingRequests: Int
        /// Numbers asked in them.
        public var numbersAsked: Int
        /// Registration requests sent, and numbers newly registered by them.
        public var registrationRequests: Int
        public var numbersRegistered: Int
        /// Token requests sent.
        public var tokenRequests: Int
    }

    private final class Counters: Sendable {
        let trackingRequests = Atomic<Int>(0)
        let numbersAsked = Atomic<Int>(0)
        let registrationRequests = Atomic<Int>(0)
        let numbersRegistered = Atomic<Int>(0)
        /// Connections refused (or unreachable) in a row, with no answer since.
        let refusalsInARow = Atomic<Int>(0)
    }

    /// After this many connections refused in a row, the source is not asked again in this process: a source that is
    /// down would otherwise cost every shipment its full timeouts and retries.
    static let refusalsBeforeGivingUp = 8

    /// How long a partial batch waits for more numbers before it leaves.
    static let linger: Duration = .milliseconds(15)

    init(
        engine: SourceEngine, baseURL: String, secrets: SecretStore, fetcher: any PageFetching, limits: SourceLane.Limits,
        tokenCache: TokenCache?, ledger: (any RegistrationLedger)?, logger: Logger
    ) {
        self.engine = engine
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.secrets = secrets
        self.fetcher = fetcher
        self.lane = SourceLane(limits: limits)
        self.ledger = ledger
        self.logger = logger
        self.tokens = engine.auth.map { auth in
            TokenProvider(
                source: engine.id, auth: auth, baseURL: base, secrets: secrets, fetcher: fetcher, cache: tokenCache,
                logger: logger)
        }
        let source = engine.id
        // The batchers call back into this client; they are created with closures over a box filled just below.
        let box = ClientBox()
        trackBatcher = RequestBatcher(
            size: engine.batchSize, linger: Self.linger,
            perform: { batch in await box.client?.performTrack(batch) ?? [:] },
            cancelled: { asked in .failure(.cancelled(asked.number, carrier: asked.carrier.rawValue, source: source)) },
            missing: { asked in
                .failure(.carrierError(asked.number, carrier: asked.carrier.rawValue, source: source, detail: "no result for this number"))
            })
        registerBatcher = engine.registration.map { _ in
            RequestBatcher(
                size: engine.batchSize, linger: Self.linger,
                perform: { batch in await box.client?.performRegistration(batch) ?? [:] },
                cancelled: { asked in .failure(.cancelled(asked.number, carrier: asked.carrier.rawValue, source: source)) },
                missing: { asked in
                    .failure(.carrierError(asked.number, carrier: asked.carrier.rawValue, source: source, detail: "the registration answer has no item for this number"))
                })
        }
        box.client = self
    }

    /// Holds the client for its batchers' callbacks (set once, right after the client is made).
    private final class ClientBox: @unchecked Sendable {
        // Written once in the client's initialiser before any batcher can call back; read-only afterwards.
        nonisolated(unsafe) weak var client: SourceClient?
    }

    /// The source's identifier.
    public var id: SourceID { engine.id }

    /// Counters so far.
    public var statistics: Statistics {
        Statistics(
            trackingRequests: counters.trackingRequests.load(ordering: .relaxed),
            numbersAsked: counters.numbersAsked.load(ordering: .relaxed),
            registrationRequests: counters.registrationRequests.load(ordering: .relaxed),
            numbersRegistered: counters.numbersRegistered.load(ordering: .relaxed),
            tokenRequests: tokens?.requestsSent ?? 0)
    }

    /// Until when the source asked to wait, if it still does.
    public var pausedUntil: Date? { lane.pausedUntil }

    /// Requests in flight at once, as configured.
    public var laneConcurrency: Int { lane.limits.concurrency }

    /// Calls allowed per rolling hour, as configured (the source's own limit or the store's), if limited.
    public var callsPerHour: Int? { lane.limits.callsPerHour.flatMap { $0 > 0 ? $0 : nil } }

    /// Whether the source must be told about a number before it tracks it, and what that costs in quota units.
    public var unitsPerRegistration: Int? { engine.registration?.unitsPerNumber }

    /// Which of `numbers` the ledger says are registered with this source (all of them for a source without
    /// registration).
    public func registered(_ numbers: [String]) async -> Set<String> {
        guard engine.registration != nil else { return Set(numbers) }
        return await ledger?.registered(numbers, with: id) ?? []
    }

    /// What the source says about `asked`: its events, or a failure saying exactly why it could not answer.
    ///
    /// A source that tracks only registered numbers gets the number registered first (once: the ledger remembers);
    /// a number registered just now is "not yet", asked again on a later run.
    public func track(_ asked: AskedNumber) async throws(TrackingError) -> ItemReading {
        var justRegistered = false
        if let registerBatcher, let ledger {
            let known = await ledger.registered([asked.number], with: id)
            if !known.contains(asked.number) {
                try await registerBatcher.submit(asked).get()
                justRegistered = true
            }
        }
        let result = await trackBatcher.submit(asked)
        switch result {
        case .success(let reading): return reading
        case .failure(let error) where error.needsRegistration && registerBatcher != nil && !justRegistered:
            // The source forgot the number (it stops tracking after a while): register it again, come back later.
            await ledger?.forget([asked.number], with: id)
            try await registerBatcher?.submit(asked).get()
            throw TrackingError.outcome(
                .notYet, asked.number, carrier: asked.carrier.rawValue, source: id,
                detail: "registered with \(engine.definition.name) again just now; its first data usually comes within minutes, so it is checked again on the next run")
        case .failure(let error) where justRegistered && error.outcome == .notYet:
            throw TrackingError.outcome(
                .notYet, asked.number, carrier: asked.carrier.rawValue, source: id,
                detail: "registered with \(engine.definition.name) just now; its first data usually comes within minutes, so it is checked again on the next run")
        case .failure(let error):
            throw error
        }
    }

    /// Sends one tracking request for `batch` and reads each number's result. A new token is fetched once when the
    /// source refuses the one sent (expired); a second refusal means the credentials are wrong.
    func performTrack(_ batch: [AskedNumber]) async -> [String: Result<ItemReading, TrackingError>] {
        var unique: [AskedNumber] = []
        var seen = Set<String>()
        for asked in batch where seen.insert(asked.number).inserted { unique.append(asked) }
        var refreshed = false
        while true {
            let response: HTTPResponse
            let token: String?
            do throws(TrackingError) {
                token = try await tokens?.token()
                response = try await send(engine.track, items: unique, token: token)
            } catch {
                return failAll(unique, error)
            }
            counters.trackingRequests.add(1, ordering: .relaxed)
            counters.numbersAsked.add(unique.count, ordering: .relaxed)
            switch engine.read(response, asked: unique, logger: logger) {
            case .whole(let failure):
                if failure.refreshToken, let token, !refreshed {
                    tokens?.invalidate(token)
                    refreshed = true
                    logger.debug("the source refused the access token; fetching a new one", metadata: ["source": "\(id)"])
                    continue
                }
                let error = wholeError(
                    failure.outcome, message: failure.message, retryAfter: failure.retryAfter, kind: failure.kind, response: response)
                return failAll(unique, error)
            case .items(let items):
                return items.mapValues { result in result.mapError { $0.advising(engine.advice(for: $0.outcome)) } }
            }
        }
    }

    /// Registers `batch`; already-registered numbers count as registered.
    func performRegistration(_ batch: [AskedNumber]) async -> [String: Result<Void, TrackingError>] {
        guard let registration = engine.registration else { return [:] }
        var unique: [AskedNumber] = []
        var seen = Set<String>()
        for asked in batch where seen.insert(asked.number).inserted { unique.append(asked) }
        let response: HTTPResponse
        do throws(TrackingError) {
            response = try await send(registration.request, items: unique, token: try await tokens?.token())
        } catch {
            return failAll(unique, error)
        }
        counters.registrationRequests.add(1, ordering: .relaxed)
        if let failure = engine.classifyWhole(response) {
            let error = wholeError(failure.outcome, message: failure.message, retryAfter: failure.retryAfter, kind: failure.kind, response: response)
            return failAll(unique, error)
        }
        guard let document = try? MarkupDocument.parseJSON(response.body, context: response.displayURL, maxBytes: engine.maxBytes)
        else {
            return failAll(unique, .layoutNotRecognised("", carrier: "", source: id, detail: "the registration answer is not JSON"))
        }
        var results: [String: Result<Void, TrackingError>] = [:]
        let byNumber = Dictionary(unique.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let root = document.documentNode
        var registered: [String] = []
        for node in (try? root.select(registration.accepted)) ?? [] {
            let number = TrackingNumber.normalize(engine.firstText(registration.number, in: node))
            guard byNumber[number] != nil else { continue }
            results[number] = .success(())
            registered.append(number)
        }
        counters.numbersRegistered.add(registered.count, ordering: .relaxed)
        for node in (try? root.select(registration.rejected)) ?? [] {
            let number = TrackingNumber.normalize(engine.firstText(registration.number, in: node))
            guard let asked = byNumber[number] else { continue }
            let code = engine.firstText(registration.errorCode, in: node)
            let message = engine.firstText(registration.errorMessage, in: node)
            if registration.alreadyRegistered.contains(code) {
                results[number] = .success(())
                registered.append(number)
                continue
            }
            let outcome = registration.errorOutcomes[code] ?? .carrierError
            let said = "registration refused (\(code)\(message.isEmpty ? "" : ": \(message)"))"
            results[number] = .failure(
                outcome.error(number, carrier: asked.carrier.rawValue, source: id, message: said, retryAfter: nil)
                    .advising(engine.advice(for: outcome.trackingOutcome)))
        }
        if !registered.isEmpty { await ledger?.record(registered, with: id) }
        return results
    }

    /// Builds and sends one request through the lane; a `Retry-After` pauses the whole source.
    private func send(_ recipe: CompiledRequest, items: [AskedNumber], token: String?) async throws(TrackingError)
        -> HTTPResponse
    {
        let first = items.first
        let refusals = counters.refusalsInARow.load(ordering: .relaxed)
        if refusals >= Self.refusalsBeforeGivingUp {
            throw TrackingError.sourceDown(
                first?.number ?? "", carrier: first?.carrier.rawValue, source: id,
                detail: "\(engine.definition.name) refused every connection (\(refusals) in a row): not asked again in this run")
        }
        let values = TemplateValues(
            items: items.map { ($0.number, engine.code(for: $0.carrier)) }, token: token, secrets: secrets, sourceID: id)
        var request: HTTPRequest
        do { request = try recipe.build(base: baseURL, values: values) } catch {
            throw TrackingError.missingSecret(first?.number ?? "", carrier: first?.carrier.rawValue, source: id, detail: error.description)
        }
        // The transfer stops at this source's own limit instead of reading up to the client's (the largest of all).
        request.maxBodyBytes = engine.maxBytes
        let response: HTTPResponse
        do {
            response = try await lane.run { try await fetcher.fetch(request) }
        } catch let error as HTTPClientError {
            if error.isConnectFailure { counters.refusalsInARow.add(1, ordering: .relaxed) }
            throw TrackingError.transport(first?.number ?? "", carrier: first?.carrier.rawValue ?? "", source: id, error: error)
        } catch let paused as SourcePaused {
            switch paused.reason {
            case .askedToWait:
                throw TrackingError.sourcePaused(
                    first?.number ?? "", carrier: first?.carrier.rawValue, source: id,
                    detail: "not checked: \(engine.definition.name) asked to wait until \(Self.format(paused.until)), longer than this run waits")
            case .callsPerHour(let limit):
                throw TrackingError.outcome(
                    .quotaExhausted, first?.number ?? "", carrier: first?.carrier.rawValue, source: id,
                    detail: "\(engine.definition.name) allows \(limit) calls per hour and they are spent; the next is possible at \(Self.format(paused.until))",
                    retryAfter: .seconds(max(1, paused.until.timeIntervalSinceNow)))
            }
        } catch is CancellationError {
            throw TrackingError.cancelled(first?.number ?? "", carrier: first?.carrier.rawValue ?? "", source: id)
        } catch {
            throw TrackingError.fetchFailed(
                first?.number ?? "", carrier: first?.carrier.rawValue ?? "", source: id,
                detail: "\(Redaction.redact(request.displayURL, values: secrets.allValues)): \(error)")
        }
        counters.refusalsInARow.store(0, ordering: .relaxed)
        if [429, 503].contains(response.statusCode), let wait = response.retryAfter(now: Date()) { lane.pause(for: wait) }
        return response
    }

    private func wholeError(
        _ outcome: StateOutcome, message: String, retryAfter: Duration?, kind: WholeFailureKind, response: HTTPResponse
    ) -> TrackingError {
        let text = secrets.redact(message)
        let error: TrackingError
        switch kind {
        case .httpStatus(let status) where outcome == .fetchFailed:
            error = .httpStatus("", carrier: "", source: id, status: status, retryAfter: retryAfter, url: response.displayURL)
        case .emptyBody: error = .emptyBody("", carrier: "", source: id, url: response.displayURL)
        case .tooLarge: error = .tooLarge("", carrier: "", source: id, detail: text)
        case .layout: error = .layoutNotRecognised("", carrier: "", source: id, detail: text)
        default: error = outcome.error("", carrier: "", source: id, message: text, retryAfter: retryAfter)
        }
        if let retryAfter, [.rateLimited, .quotaExhausted].contains(outcome) { lane.pause(for: retryAfter) }
        return error.advising(engine.advice(for: error.outcome))
    }

    private func failAll<T>(_ batch: [AskedNumber], _ error: TrackingError) -> [String: Result<T, TrackingError>] {
        var results: [String: Result<T, TrackingError>] = [:]
        // Whatever failed the whole request (the token refused, the quota spent) gets the source's advice too.
        let error = error.advice == nil ? error.advising(engine.advice(for: error.outcome)) : error
        for asked in batch { results[asked.number] = .failure(error.about(asked.number, carrier: asked.carrier.rawValue)) }
        return results
    }

    /// The remaining allowance, where the source can say (17TRACK's `getquota`).
    public func remainingQuota() async throws(TrackingError) -> QuotaReading? {
        guard let quota = engine.quota else { return nil }
        let response = try await send(quota.request, items: [], token: try await tokens?.token())
        if let failure = engine.classifyWhole(response) {
            throw wholeError(failure.outcome, message: failure.message, retryAfter: failure.retryAfter, kind: failure.kind, response: response)
        }
        guard let document = try? MarkupDocument.parseJSON(response.body, context: response.displayURL, maxBytes: 1 << 20) else {
            throw TrackingError.layoutNotRecognised("", carrier: "", source: id, detail: "the quota answer is not JSON")
        }
        let root = document.documentNode
        func number(_ query: XPathQuery?) -> Int? {
            guard let query, let text = try? root.string(query) else { return nil }
            return Int(text.trimmingCharacters(in: .whitespaces))
        }
        guard let remaining = number(quota.remaining) else {
            throw TrackingError.layoutNotRecognised("", carrier: "", source: id, detail: "the quota answer has no remaining count")
        }
        return QuotaReading(remaining: remaining, total: number(quota.total))
    }

    /// Proves the credentials with the cheapest call the source has: a token request, else the quota call.
    public func checkCredentials() async throws(TrackingError) -> String {
        if let tokens {
            _ = try await tokens.token()
            return "token request accepted"
        }
        if let quota = try await remainingQuota() {
            return "quota: \(quota.remaining) left\(quota.total.map { " of \($0)" } ?? "")"
        }
        return "no cheap call to prove the credentials with"
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// A source's remaining allowance.
public struct QuotaReading: Sendable, Hashable, Codable {
    public var remaining: Int
    public var total: Int?
}

extension StateOutcome {
    /// The tracking outcome a failure of this state reports.
    var trackingOutcome: TrackingOutcome {
        switch self {
        case .notFound: .notFound
        case .notYet, .notRegistered: .notYet
        case .unauthorized: .unauthorized
        case .quotaExhausted: .quotaExhausted
        case .rateLimited: .rateLimited
        case .carrierError: .carrierError
        case .blocked: .blocked
        case .fetchFailed: .fetchFailed
        case .invalidNumber: .invalidInput
        case .noInformation, .infoReceived: .found
        }
    }
}
