/// Plays the EMS partner interface China Post offers EUB (ePacket) shippers:
/// `GET /partner/api/public/p/track/query/{en|cn}/{number}` with the headers `version: international_eub_us_1.1` and
/// `authenticate: <token>`. Answers `<traces>` oldest first, the `<response>` error envelope (V02 for a wrong token,
/// V03 for a wrong version, with HTTP 200 as no other status was ever seen), or the literal body `null` for a
/// number it does not know.
final class EMSPartnerAPI: Sendable {
    static let contentType = "text/xml;charset=UTF-8"

    let context: APIContext
    let lookup: ChinaPostLookupService

    init(context: APIContext, lookup: ChinaPostLookupService) {
        self.context = context
        self.lookup = lookup
    }

    func plan(language rawLanguage: String, number rawNumber: String, request: SimulatorRequest) -> ResponsePlan {
        guard request.header("authenticate") == CarrierSimulator.testCredentials.emsToken else {
            return .respond(Self.xml(EMSTraceWriter.unknownUser))
        }
        guard request.header("version") == EMSTraceWriter.version else {
            return .respond(Self.xml(EMSTraceWriter.wrongVersion))
        }
        guard let language = EMSLanguage(rawValue: rawLanguage) else {
            return .respond(PlannedResponse(status: 404, contentType: "text/html;charset=UTF-8", body: .text("<html><body><h1>404 Not Found</h1></body></html>\n")))
        }
        guard let number = TrackingNumber(normalizing: rawNumber) else {
            return .respond(Self.xml(EMSTraceWriter.unknownNumber))
        }
        let answer = { self.answer(for: number.value, language: language) }
        let error = { (status: Int, retryAfter: Int?) -> PlannedResponse in
            var response = PlannedResponse(status: status, contentType: Self.contentType, body: .bytes(EMSTraceWriter.internalError))
            if let retryAfter { response.extraHeaders.append(PlannedHeader(name: "Retry-After", value: String(retryAfter))) }
            return response
        }
        if let (special, fault) = self.context.specialFault(among: [number.value]) {
            return APIFaultPlan.plan(for: fault, seed: StableHash.fnv1a(special.utf8), normal: answer, error: error)
        }
        if let (fault, draw, retryAfter) = self.context.randomFault() {
            return APIFaultPlan.plan(for: fault, draw: draw, retryAfterSeconds: retryAfter, normal: answer, error: error)
        }
        return .respond(answer())
    }

    private func answer(for number: String, language: EMSLanguage) -> PlannedResponse {
        if let fixture = self.lookup.fixtures.answer(for: number, language: language) {
            return Self.xml(fixture)
        }
        switch self.lookup.lookup(number) {
        case .notFound:
            return Self.xml(EMSTraceWriter.unknownNumber)
        case .pending:
            return Self.xml(EMSTraceWriter.traces(ChinaPostRecord(number: number, traces: []), language: language))
        case .record(let record):
            return Self.xml(EMSTraceWriter.traces(record, language: language))
        }
    }

    private static func xml(_ body: [UInt8]) -> PlannedResponse {
        PlannedResponse(status: 200, contentType: Self.contentType, body: .bytes(body))
    }
}

extension ChinaPostRecord {
    /// A record with no details but its traces.
    init(number: String, traces: [Trace]) {
        self.init(
            number: number, destinationCountry: nil, destinationCity: nil, originCity: nil, originProvince: nil,
            traces: traces
        )
    }
}
