import Foundation

/// Plays USPS's REST API at its own paths: OAuth 2.0 client-credentials tokens (`/oauth2/v3/token`), Tracking 3.2
/// batches (`/tracking/v3r2/tracking`, 1 to 35 numbers) and Tracking 3 single lookups (`/tracking/v3/tracking/{n}`),
/// with tokens that expire, a rolling hourly quota per client, per-number 403 for labels outside the test client's
/// Mailer IDs, and 207 answers mixing details and errors.
///
/// Runs on the simulator's thread pool; the only shared state is the quota windows (one lock per client).
final class USPSAPI: Sendable {
    static let maximumBatchSize = 35
    static let contentType = "application/json"
    static let realm = "Bearer realm=\"https://api.usps.com\""

    let context: APIContext
    let tokens: USPSAccessTokens
    let lookup: USPSLookupService
    private let quotas: [USPSTestClient: SlidingWindowLimiter]

    init(context: APIContext, options: CarrierSimulator.USPSAPIOptions, fixtures: [String: USPSFixture]) {
        self.context = context
        self.tokens = USPSAccessTokens(lifetime: options.tokenLifetime)
        self.lookup = USPSLookupService(fixtures: fixtures, simulatedDate: context.simulatedDate)
        if let calls = options.callsPerWindow {
            self.quotas = Dictionary(
                uniqueKeysWithValues: USPSTestClient.allCases.map { ($0, SlidingWindowLimiter(limit: calls, window: options.quotaWindow)) }
            )
        } else {
            self.quotas = [:]
        }
    }

    func plan(for endpoint: APIEndpoint, request: SimulatorRequest) -> ResponsePlan {
        switch endpoint {
        case .uspsToken:
            return .respond(self.token(request))
        case .uspsTrackingBatch:
            return self.trackingCall(request, apiVersion: USPSErrorBody.v3r2) { self.batch(request) }
        case .uspsTracking(let number):
            return self.trackingCall(request, apiVersion: USPSErrorBody.v3) { self.single(number, request: request) }
        case .track17, .emsTrackQuery:
            return .respond(Self.json(404, USPSErrorBody.status(404, apiVersion: USPSErrorBody.v3)))
        }
    }

    // MARK: - Token

    private func token(_ request: SimulatorRequest) -> PlannedResponse {
        let fields = Self.formOrJSONFields(request)
        guard let grant = fields["grant_type"], !grant.isEmpty else {
            return Self.json(400, USPSErrorBody.oauth("invalid_request", "The request is missing a required parameter: grant_type."))
        }
        guard grant == "client_credentials" else {
            return Self.json(
                400, USPSErrorBody.oauth("unsupported_grant_type", "The authorization grant type is not supported by the authorization server.")
            )
        }
        guard let client = USPSTestClient(clientID: fields["client_id"] ?? "", clientSecret: fields["client_secret"] ?? "") else {
            var response = Self.json(
                401,
                USPSErrorBody.oauth(
                    "invalid_client",
                    "The client application credentials provided in the request are missing, invalid, inactive or not approved for access."
                )
            )
            response.extraHeaders.append(PlannedHeader(name: "WWW-Authenticate", value: Self.realm))
            return response
        }
        // A scope the app is not entitled to is dropped silently, as USPS does; without one, the app's default.
        let scopes: [String]
        if let requested = fields["scope"] {
            let asked = requested.split(whereSeparator: \.isWhitespace).map(String.init)
            scopes = asked.filter { client.entitledScopes.contains($0) }
        } else {
            scopes = client.entitledScopes
        }
        let hasTracking = scopes.contains("tracking")
        let token = self.tokens.issue(for: client, hasTrackingScope: hasTracking, issuedAt: self.context.elapsed)
        self.context.counters.api.recordUSPSTokenIssued()

        var writer = JSONWriter(capacity: 1_024)
        writer.beginObject()
        writer.string("access_token", token)
        writer.string("token_type", "Bearer")
        writer.integer("issued_at", Int(Date().timeIntervalSince1970 * 1_000))
        writer.integer("expires_in", Int(self.tokens.lifetime.components.seconds))
        writer.string("status", "approved")
        writer.string("scope", scopes.joined(separator: " "))
        writer.string("issuer", "https://keyc.usps.com/realms/USPS")
        writer.string("client_id", client.clientID)
        writer.string("application_name", client.applicationName)
        writer.string("api_products", "[Public Access I]")
        writer.string("public_key", "LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KU0lNVUxBVE9SLUtFWS1OT1QtUkVBTAotLS0tLUVORCBQVUJMSUMgS0VZLS0tLS0K")
        writer.endObject()
        return Self.json(200, writer.bytes)
    }

    /// The fields of a urlencoded form or of a JSON object body (string values only).
    private static func formOrJSONFields(_ request: SimulatorRequest) -> [String: String] {
        let firstByte = request.body.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        if request.hasJSONBody || (!request.hasFormBody && firstByte == UInt8(ascii: "{")) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] else { return [:] }
            return object.compactMapValues { $0 as? String }
        }
        var fields: [String: String] = [:]
        for name in ["grant_type", "client_id", "client_secret", "scope"] {
            if let value = FormURLEncoding.firstValue(named: name, in: request.body) {
                fields[name] = value
            }
        }
        return fields
    }

    // MARK: - Tracking calls

    /// Authenticates a tracking call and spends quota, then answers with `answer`.
    private func trackingCall(
        _ request: SimulatorRequest,
        apiVersion: String,
        answer: () -> ResponsePlan
    ) -> ResponsePlan {
        let client: USPSTestClient
        switch self.authorize(request) {
        case .success(let authorized):
            client = authorized
        case .failure(let rejection):
            self.context.counters.api.recordUSPSUnauthorized()
            let body: [UInt8]
            switch rejection {
            case .missingOrUnknown: body = USPSErrorBody.missingToken(apiVersion: apiVersion)
            case .expired: body = USPSErrorBody.expiredToken(apiVersion: apiVersion)
            case .noTrackingScope: body = USPSErrorBody.noTrackingScope(apiVersion: apiVersion)
            }
            var response = Self.json(401, body)
            response.extraHeaders.append(PlannedHeader(name: "WWW-Authenticate", value: Self.realm))
            return .respond(response)
        }
        if let quota = self.quotas[client], let wait = quota.admit(at: self.context.elapsed) {
            self.context.counters.api.recordUSPSQuotaExceeded()
            return .respond(Self.error(429, retryAfterSeconds: Self.wholeSeconds(wait), apiVersion: apiVersion))
        }
        return answer()
    }

    private enum Rejection: Error {
        case missingOrUnknown
        case expired
        case noTrackingScope
    }

    private func authorize(_ request: SimulatorRequest) -> Result<USPSTestClient, Rejection> {
        guard let header = request.header("Authorization"), header.utf8.count > 7,
            header.prefix(7).lowercased() == "bearer "
        else { return .failure(.missingOrUnknown) }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        switch self.tokens.check(token, at: self.context.elapsed) {
        case .valid(let client, hasTrackingScope: true): return .success(client)
        case .valid(_, hasTrackingScope: false): return .failure(.noTrackingScope)
        case .expired: return .failure(.expired)
        case .unknown: return .failure(.missingOrUnknown)
        }
    }

    /// `POST /tracking/v3r2/tracking`.
    private func batch(_ request: SimulatorRequest) -> ResponsePlan {
        let numbers: [String]
        switch USPSBatchRequest.parse(request.body) {
        case .success(let parsed):
            numbers = parsed
        case .failure(let problem):
            self.context.counters.api.recordUSPSTrackingCall(numbers: 0)
            return .respond(
                Self.json(400, USPSErrorBody.invalidRequest(apiVersion: USPSErrorBody.v3r2, reason: problem.reason, detail: problem.detail))
            )
        }
        self.context.counters.api.recordUSPSTrackingCall(numbers: numbers.count)
        return self.withFaults(numbers: numbers, apiVersion: USPSErrorBody.v3r2) { self.batchAnswer(numbers) }
    }

    /// The v3r2 answer: 200 with every detail, 207 mixing details and error items, or for a single failing number
    /// a plain error with its status.
    private func batchAnswer(_ numbers: [String]) -> PlannedResponse {
        let lookups = numbers.map { self.lookup.lookup($0) }
        if numbers.count == 1, let failure = Self.failure(of: lookups[0], number: numbers[0], apiVersion: USPSErrorBody.v3r2) {
            return failure
        }
        let allFound = lookups.allSatisfy { if case .found = $0 { true } else { false } }
        var writer = JSONWriter(capacity: 6_000 * numbers.count)
        writer.beginArray()
        for (number, lookup) in zip(numbers, lookups) {
            switch lookup {
            case .found(_, let json?) where allFound:
                writer.raw(json)
            case .found(_, let json?):
                writer.raw(Self.withStatusCode(json))
            case .found(let record, nil):
                USPSDetailWriter.writeV3R2(record, statusCode: allFound ? nil : "200", into: &writer)
            case .notAuthorized:
                Self.writeItemFailure(status: 403, message: USPSErrorBody.forbiddenMessage(number: number), number: number, into: &writer)
            case .notFound, .notYetAvailable:
                Self.writeItemFailure(status: 404, message: USPSErrorBody.notFoundMessage, number: number, into: &writer)
            case .failure(let status, let message):
                Self.writeItemFailure(status: status, message: message, number: number, into: &writer)
            }
        }
        writer.endArray()
        return Self.json(allFound ? 200 : 207, writer.bytes)
    }

    /// `GET /tracking/v3/tracking/{number}`.
    private func single(_ rawNumber: String, request: SimulatorRequest) -> ResponsePlan {
        guard let number = TrackingNumber(normalizing: rawNumber), (4...34).contains(number.value.utf8.count) else {
            self.context.counters.api.recordUSPSTrackingCall(numbers: 0)
            return .respond(
                Self.json(
                    400,
                    USPSErrorBody.invalidRequest(
                        apiVersion: USPSErrorBody.v3, reason: "String \"\(rawNumber)\" does not match the trackingNumber pattern",
                        detail: "The tracking number must be 4 to 34 letters or digits."
                    )
                )
            )
        }
        self.context.counters.api.recordUSPSTrackingCall(numbers: 1)
        let isDetail = FormURLEncoding.firstValue(named: "expand", in: request.query)?.uppercased() == "DETAIL"
        return self.withFaults(numbers: [number.value], apiVersion: USPSErrorBody.v3) {
            let lookup = self.lookup.lookup(number.value)
            switch lookup {
            case .found(let record, _):
                return Self.json(200, isDetail ? USPSDetailWriter.v3Detail(record) : USPSDetailWriter.v3Summary(record))
            case .notYetAvailable:
                let message = USPSErrorBody.notYetAvailableMessage
                return Self.json(
                    400,
                    USPSErrorBody.body(
                        apiVersion: USPSErrorBody.v3, status: 400, message: message,
                        details: USPSErrorBody.details(status: 400, message: message, number: number.value)
                    )
                )
            default:
                return Self.failure(of: lookup, number: number.value, apiVersion: USPSErrorBody.v3)
                    ?? Self.json(404, USPSErrorBody.status(404, apiVersion: USPSErrorBody.v3))
            }
        }
    }

    /// `answer`, or the fault a special number or the fault dice give the call instead.
    private func withFaults(numbers: [String], apiVersion: String, answer: @escaping () -> PlannedResponse) -> ResponsePlan {
        let error = { (status: Int, retryAfter: Int?) in Self.error(status, retryAfterSeconds: retryAfter, apiVersion: apiVersion) }
        if let (number, fault) = self.context.specialFault(among: numbers) {
            return APIFaultPlan.plan(for: fault, seed: StableHash.fnv1a(number.utf8), normal: answer, error: error)
        }
        if let (fault, draw, retryAfter) = self.context.randomFault() {
            return APIFaultPlan.plan(for: fault, draw: draw, retryAfterSeconds: retryAfter, normal: answer, error: error)
        }
        return .respond(answer())
    }

    // MARK: - Helpers

    /// The plain error answer for a failed lookup, or `nil` when it was found.
    private static func failure(of lookup: USPSLookup, number: String, apiVersion: String) -> PlannedResponse? {
        let (status, message): (Int, String)
        switch lookup {
        case .found: return nil
        case .notAuthorized: (status, message) = (403, USPSErrorBody.forbiddenMessage(number: number))
        case .notFound, .notYetAvailable: (status, message) = (404, USPSErrorBody.notFoundMessage)
        case .failure(let code, let text): (status, message) = (code, text)
        }
        return Self.json(
            status,
            USPSErrorBody.body(
                apiVersion: apiVersion, status: status, message: message,
                details: USPSErrorBody.details(status: status, message: message, number: number)
            )
        )
    }

    /// A 207 error item: the error envelope merged with `statusCode` and `trackingNumber`.
    private static func writeItemFailure(status: Int, message: String, number: String, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.string("statusCode", String(status))
        writer.string("trackingNumber", number)
        USPSErrorBody.write(
            apiVersion: USPSErrorBody.v3r2, status: status, message: message,
            details: USPSErrorBody.details(status: status, message: message, number: number), into: &writer
        )
        writer.endObject()
    }

    /// A fixture's detail with `"statusCode":"200"` first, for a 207 answer.
    private static func withStatusCode(_ json: [UInt8]) -> [UInt8] {
        guard let brace = json.firstIndex(of: UInt8(ascii: "{")) else { return json }
        return Array(json[...brace]) + Array("\"statusCode\":\"200\",".utf8) + Array(json[(brace + 1)...])
    }

    private static func error(_ status: Int, retryAfterSeconds: Int?, apiVersion: String) -> PlannedResponse {
        var response = Self.json(status, USPSErrorBody.status(status, apiVersion: apiVersion))
        if let retryAfterSeconds {
            response.extraHeaders.append(PlannedHeader(name: "Retry-After", value: String(retryAfterSeconds)))
        }
        return response
    }

    static func json(_ status: Int, _ body: [UInt8]) -> PlannedResponse {
        PlannedResponse(status: status, contentType: Self.contentType, body: .bytes(body))
    }

    /// Whole seconds, rounded up, at least 1: a `Retry-After` that never invites an immediate retry.
    static func wholeSeconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}
