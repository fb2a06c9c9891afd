import Foundation

/// Plays 17TRACK's API v2.2 (`POST /track/v2.2/<operation>`, header `17token`): registration that costs quota and
/// fetches asynchronously, `gettrackinfo` built from what China Post and USPS hold (both legs of an ePacket to the
/// US), the 40-number limit, 3 requests per second per key, and the whole-call and per-item errors.
final class Track17API: Sendable {
    static let maximumNumbers = 40
    static let contentType = "application/json"

    let context: APIContext
    let account: Track17Account
    let chinaPost: ChinaPostLookupService
    let usps: USPSLookupService
    let registrationDelay: Duration
    let fixtures: Track17Fixtures

    init(
        context: APIContext,
        options: CarrierSimulator.Track17Options,
        chinaPost: ChinaPostLookupService,
        usps: USPSLookupService,
        fixtures: Track17Fixtures = Track17Fixtures()
    ) {
        self.context = context
        self.fixtures = fixtures
        self.account = Track17Account(options: options)
        self.chinaPost = chinaPost
        self.usps = usps
        self.registrationDelay = options.registrationDelay
    }

    func plan(operation rawOperation: String, request: SimulatorRequest) -> ResponsePlan {
        guard let operation = Track17Operation(rawValue: rawOperation) else {
            return .respond(PlannedResponse(status: 404, contentType: "text/plain; charset=utf-8", body: .text("Not Found\n")))
        }
        switch request.header("17token") {
        case CarrierSimulator.testCredentials.track17APIKey:
            break
        case CarrierSimulator.testCredentials.track17APIKeyFromOtherIP:
            return .respond(Self.json(401, Track17Body.failure(.ipNotWhitelisted)))
        default:
            return .respond(Self.json(401, Track17Body.failure(.invalidKey)))
        }
        if let limiter = self.account.rateLimiter, limiter.admit(at: self.context.elapsed) != nil {
            self.context.counters.api.recordTrack17RateLimited()
            return .respond(Self.json(429, Track17Body.rateLimited))
        }
        if operation == .getQuota {
            return .respond(Self.json(200, self.quota()))
        }
        let items: [[String: Any]]
        switch Self.items(in: request.body) {
        case .success(let parsed): items = parsed
        case .failure(let error): return .respond(Self.json(200, Track17Body.refused(error)))
        }
        self.context.counters.api.recordTrack17Call(numbers: items.count, isQuery: operation == .getTrackInfo)

        let answer = { Self.json(200, self.answer(operation, items: items)) }
        guard operation.carriesTrackingData else { return .respond(answer()) }
        let error = { (status: Int, retryAfter: Int?) -> PlannedResponse in
            var response = Self.json(status, Track17Body.status(status))
            if let retryAfter { response.extraHeaders.append(PlannedHeader(name: "Retry-After", value: String(retryAfter))) }
            return response
        }
        let numbers = items.compactMap { $0["number"] as? String }
        if let (number, fault) = self.context.specialFault(among: numbers) {
            return APIFaultPlan.plan(for: fault, seed: StableHash.fnv1a(number.utf8), normal: answer, error: error)
        }
        if let (fault, draw, retryAfter) = self.context.randomFault() {
            return APIFaultPlan.plan(for: fault, draw: draw, retryAfterSeconds: retryAfter, normal: answer, error: error)
        }
        return .respond(answer())
    }

    // MARK: - Operations

    /// The `{"code": 0, "data": {"accepted": [...], "rejected": [...]}}` answer of an item operation.
    private func answer(_ operation: Track17Operation, items: [[String: Any]]) -> [UInt8] {
        var accepted = JSONWriter(capacity: 8_192 * max(1, items.count))
        var rejected = JSONWriter(capacity: 256)
        accepted.beginArray("accepted")
        rejected.beginArray("rejected")
        for item in items {
            let raw = item["number"] as? String ?? ""
            guard let number = TrackingNumber(normalizing: raw), Track17Carrier.isValidFormat(number.value) else {
                Self.reject(raw, carrier: .number(0), .invalidFormat, into: &rejected)
                continue
            }
            switch operation {
            case .register: self.register(number.value, item: item, accepted: &accepted, rejected: &rejected)
            case .getTrackInfo: self.trackInfo(number.value, item: item, accepted: &accepted, rejected: &rejected)
            case .stopTrack: self.stop(number.value, item: item, accepted: &accepted, rejected: &rejected)
            case .retrack: self.retrack(number.value, item: item, accepted: &accepted, rejected: &rejected)
            case .changeCarrier: self.changeCarrier(number.value, item: item, accepted: &accepted, rejected: &rejected)
            case .getQuota: break
            }
        }
        accepted.endArray()
        rejected.endArray()
        var writer = JSONWriter(capacity: accepted.bytes.count + rejected.bytes.count + 64)
        writer.beginObject()
        writer.integer("code", 0)
        writer.beginObject("data")
        writer.raw(accepted.bytes)
        writer.raw(rejected.bytes)
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }

    private func register(_ number: String, item: [String: Any], accepted: inout JSONWriter, rejected: inout JSONWriter) {
        let given = Self.carrier(item["carrier"])
        if let given, given <= 0 {
            Self.reject(number, carrier: .number(given), .invalidCarrier, into: &rejected)
            return
        }
        // A number the routing file gives a `track17_carrier` is held under that carrier whatever it was
        // registered with: 17TRACK "corrects" it (origin 1), a carrier disagreement.
        let assigned = self.special(number)?.track17Carrier
        let carrier: Int
        let origin: Int
        if let given {
            (carrier, origin) = assigned.map { $0 == given ? (given, 2) : ($0, 1) } ?? (given, 2)
        } else if let detected = assigned ?? Track17Carrier.detect(number) {
            (carrier, origin) = (detected, 1)
        } else {
            Self.reject(number, carrier: .number(0), .carrierUndetectable, into: &rejected)
            return
        }
        let tag = item["tag"] as? String
        let now = self.context.elapsed
        let outcome: Track17Error? = self.account.withRegistrations(of: number) { registrations in
            if registrations.contains(where: { $0.carrier == carrier }) { return .alreadyRegistered }
            guard self.account.spendUnit() else { return .quotaUsedUp }
            registrations.append(Track17Account.Registration(carrier: carrier, registeredAt: now, tag: tag))
            return nil
        }
        if let outcome {
            Self.reject(number, carrier: .number(carrier), outcome, into: &rejected)
            return
        }
        self.context.counters.api.recordTrack17Registration(units: 1)
        accepted.beginObject()
        accepted.integer("origin", origin)
        accepted.string("number", number)
        accepted.integer("carrier", carrier)
        accepted.null("email")
        accepted.null("lang")
        accepted.string("tag", tag)
        accepted.endObject()
    }

    private func trackInfo(_ number: String, item: [String: Any], accepted: inout JSONWriter, rejected: inout JSONWriter) {
        let given = Self.carrier(item["carrier"])
        let registration = self.account.withRegistrations(of: number) { registrations in
            // Asked under another carrier than the one 17TRACK holds it under, the number answers as held.
            registrations.first { $0.carrier == given } ?? registrations.first
        }
        guard let registration else {
            Self.reject(number, carrier: .number(given ?? 0), .notRegistered, into: &rejected)
            return
        }
        guard self.context.elapsed - registration.registeredAt >= self.registrationDelay else {
            // Real answers carry the carrier as a string here.
            Self.reject(number, carrier: .text(String(registration.carrier)), .noTrackingInfoYet, into: &rejected)
            return
        }
        accepted.beginObject()
        accepted.string("number", number)
        accepted.integer("carrier", registration.carrier)
        accepted.null("param")
        accepted.string("tag", registration.tag)
        if let fixture = self.fixtures.trackInfo(for: number) {
            accepted.raw(fixture, key: "track_info")
        } else {
            self.trackInfo(number: number, carrier: registration.carrier).write(into: &accepted)
        }
        accepted.endObject()
    }

    private func stop(_ number: String, item: [String: Any], accepted: inout JSONWriter, rejected: inout JSONWriter) {
        let given = Self.carrier(item["carrier"])
        let outcome: Result<Int, Track17Error> = self.account.withRegistrations(of: number) { registrations in
            guard let index = registrations.firstIndex(where: { given == nil || $0.carrier == given }) else {
                return .failure(.notRegistered)
            }
            guard !registrations[index].isStopped else { return .failure(.stopNotTracking) }
            registrations[index].isStopped = true
            return .success(registrations[index].carrier)
        }
        Self.write(outcome, number: number, given: given, accepted: &accepted, rejected: &rejected)
    }

    private func retrack(_ number: String, item: [String: Any], accepted: inout JSONWriter, rejected: inout JSONWriter) {
        let given = Self.carrier(item["carrier"])
        let outcome: Result<Int, Track17Error> = self.account.withRegistrations(of: number) { registrations in
            guard let index = registrations.firstIndex(where: { given == nil || $0.carrier == given }) else {
                return .failure(.notRegistered)
            }
            guard registrations[index].isStopped else { return .failure(.retrackNotStopped) }
            guard !registrations[index].hasRetracked else { return .failure(.retrackedAlready) }
            registrations[index].isStopped = false
            registrations[index].hasRetracked = true
            return .success(registrations[index].carrier)
        }
        Self.write(outcome, number: number, given: given, accepted: &accepted, rejected: &rejected)
    }

    private func changeCarrier(_ number: String, item: [String: Any], accepted: inout JSONWriter, rejected: inout JSONWriter) {
        let old = Self.carrier(item["carrier_old"])
        guard let new = Self.carrier(item["carrier_new"]) else {
            Self.reject(number, carrier: .number(old ?? 0), .newCarrierMissing, into: &rejected)
            return
        }
        guard new > 0 else {
            Self.reject(number, carrier: .number(old ?? 0), .invalidNewCarrier, into: &rejected)
            return
        }
        let outcome: Result<Int, Track17Error> = self.account.withRegistrations(of: number) { registrations in
            let candidates = registrations.indices.filter { old == nil || registrations[$0].carrier == old }
            guard !(old == nil && candidates.count > 1) else { return .failure(.ambiguousOldCarrier) }
            guard let index = candidates.first else { return .failure(.notRegisteredUnderOldCarrier) }
            guard registrations[index].carrier != new else { return .failure(.sameCarrier) }
            guard !registrations[index].isStopped else { return .failure(.changeOfStoppedNumber) }
            guard registrations[index].carrierChanges < 5 else { return .failure(.tooManyCarrierChanges) }
            guard !registrations.contains(where: { $0.carrier == new }) else { return .failure(.alreadyRegistered) }
            registrations[index].carrier = new
            registrations[index].carrierChanges += 1
            return .success(new)
        }
        Self.write(outcome, number: number, given: old, accepted: &accepted, rejected: &rejected)
    }

    private func quota() -> [UInt8] {
        let used = self.account.quotaUsedCount
        var writer = JSONWriter(capacity: 256)
        writer.beginObject()
        writer.integer("code", 0)
        writer.beginObject("data")
        writer.integer("quota_total", self.account.quotaTotal)
        writer.integer("quota_used", used)
        writer.integer("quota_remain", max(0, self.account.quotaTotal - used))
        writer.integer("today_used", used)
        writer.integer("max_track_daily", max(self.account.quotaTotal, 10_000))
        writer.integer("free_email_quota", 300)
        writer.integer("free_email_quotaused", 0)
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }

    // MARK: - Track info

    /// The `track_info` of `number` registered under `carrier`.
    func trackInfo(number: String, carrier: Int) -> Track17TrackInfo {
        var info = Track17TrackInfo(
            number: number, providers: [], shipper: (nil, nil, nil, nil), recipient: (nil, nil, nil, nil), serviceType: nil,
            localProvider: nil, now: self.context.worldNow
        )
        var china: ChinaPostRecord?
        var chinaKnowsNumber = false
        if carrier != Track17Carrier.usps {
            switch self.chinaPost.lookup(number) {
            case .record(let record): (china, chinaKnowsNumber) = (record, true)
            case .pending: chinaKnowsNumber = true
            case .notFound: break
            }
        }
        let isUSPSLeg = carrier == Track17Carrier.usps || chinaKnowsNumber
        let usps = isUSPSLeg ? self.usps.record(for: number) : nil
        let chinaService = number.hasPrefix("E") ? "EMS" : "ePacket"
        if let usps {
            let service = Self.plainText(usps.mailClass)
            info.providers.append(
                .init(provider: Track17Carrier.provider(Track17Carrier.usps), serviceType: service, events: usps.events.map(Track17Event.init(usps:)))
            )
            info.shipper = (usps.origin.country ?? "US", usps.origin.state, usps.origin.city, usps.origin.zip)
            info.recipient = (usps.destination.country ?? "US", usps.destination.state, usps.destination.city, usps.destination.zip)
            info.serviceType = service
        }
        if chinaKnowsNumber {
            let events = (china?.traces ?? []).reversed().map(Track17Event.init(trace:))
            info.providers.append(.init(provider: Track17Carrier.provider(carrier), serviceType: chinaService, events: events))
            info.shipper = ("CN", china?.originProvince, china?.originCity, nil)
            if usps == nil {
                info.recipient = (china?.destinationCountry, nil, china?.destinationCity, nil)
            } else {
                info.localProvider = (number, "USPS", Track17Carrier.usps)
            }
            info.serviceType = chinaService
        }
        return info
    }

    // MARK: - Helpers

    private func special(_ number: String) -> SpecialNumberBehaviour? {
        TrackingNumber(normalizing: number).flatMap { self.context.specialNumbers[$0] }
    }

    /// The items of an item operation's body: a JSON array of 1 to 40 objects.
    private static func items(in body: [UInt8]) -> Result<[[String: Any]], Track17Error> {
        guard let value = try? JSONSerialization.jsonObject(with: Data(body)), let array = value as? [Any], !array.isEmpty else {
            return .failure(.invalidData)
        }
        guard array.count <= Self.maximumNumbers else { return .failure(.tooManyNumbers) }
        let objects = array.compactMap { $0 as? [String: Any] }
        guard objects.count == array.count else { return .failure(.invalidData) }
        return .success(objects)
    }

    /// A carrier code given as a number or a numeric string.
    private static func carrier(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        if let text = value as? String { return Int(text) }
        return nil
    }

    /// How a rejected item spells its carrier: usually a number, a string in some answers.
    private enum CarrierSpelling {
        case number(Int)
        case text(String)
    }

    private static func reject(_ number: String, carrier: CarrierSpelling, _ error: Track17Error, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.string("number", number)
        switch carrier {
        case .number(let code): writer.integer("carrier", code)
        case .text(let code): writer.string("carrier", code)
        }
        writer.beginObject("error")
        writer.integer("code", error.rawValue)
        writer.string("message", error.message(number: number))
        writer.endObject()
        writer.endObject()
    }

    private static func write(
        _ outcome: Result<Int, Track17Error>,
        number: String,
        given: Int?,
        accepted: inout JSONWriter,
        rejected: inout JSONWriter
    ) {
        switch outcome {
        case .success(let carrier):
            accepted.beginObject()
            accepted.string("number", number)
            accepted.integer("carrier", carrier)
            accepted.endObject()
        case .failure(let error):
            Self.reject(number, carrier: .number(given ?? 0), error, into: &rejected)
        }
    }

    /// `USPS Ground Advantage<SUP>&#153;</SUP>` → `USPS Ground Advantage`.
    private static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        var inEntity = false
        for character in html {
            switch character {
            case "<": inTag = true
            case ">": inTag = false
            case "&" where !inTag: inEntity = true
            case ";" where inEntity: inEntity = false
            default: if !inTag && !inEntity { text.append(character) }
            }
        }
        return text
    }

    private static func json(_ status: Int, _ body: [UInt8]) -> PlannedResponse {
        PlannedResponse(status: status, contentType: Self.contentType, body: .bytes(body))
    }
}
