/// Chooses the response plan for a routed request: the carrier's page for the number, its unknown-number page,
/// or the fault the routing file gives a special number. The second of the simulator's two steps.
///
/// With generated pages on, a number's page is its fixture if there is one, else a generated page, else the
/// unknown-number page. With fault rates, a share of those ordinary pages is replaced by a random fault; special
/// numbers never are.
struct ResponsePlanner: Sendable {
    private let specialNumbers: [TrackingNumber: SpecialNumberBehaviour]
    private let generatesPages: Bool
    private let faultDice: FaultDice?
    private let counters: StatisticsCounters?
    private let pageBlocking: CarrierSimulator.PageBlocking

    init(
        specialNumbers: [TrackingNumber: SpecialNumberBehaviour],
        generatesPages: Bool = false,
        faultDice: FaultDice? = nil,
        counters: StatisticsCounters? = nil,
        pageBlocking: CarrierSimulator.PageBlocking = CarrierSimulator.PageBlocking()
    ) {
        self.specialNumbers = specialNumbers
        self.generatesPages = generatesPages
        self.faultDice = faultDice
        self.counters = counters
        self.pageBlocking = pageBlocking
    }

    func plan(for decision: RoutingDecision) -> ResponsePlan {
        switch decision {
        case .unknownPath:
            return .respond(Self.textResponse(status: 404, "carrier-sim: no carrier page at this path\n"))
        case .methodNotAllowed(let carrier):
            var response = Self.textResponse(status: 405, "carrier-sim: this page expects \(carrier.method.rawValue)\n")
            response.extraHeaders = [PlannedHeader(name: "Allow", value: carrier.method.rawValue)]
            return .respond(response)
        case .api(let request):
            return .compute(request)
        case .apiMethodNotAllowed(let allowed):
            var response = Self.textResponse(status: 405, "carrier-sim: this API expects \(allowed.rawValue)\n")
            response.extraHeaders = [PlannedHeader(name: "Allow", value: allowed.rawValue)]
            return .respond(response)
        case .carrier(let carrier, let number):
            if let block = self.block(for: carrier) {
                // Bot protection answers before anything else, special numbers included.
                self.counters?.recordPageBlocked()
                return .respond(BlockPages.response(for: block, number: number, path: carrier.path))
            }
            guard let number else {
                // Real carriers answer a missing or malformed number with their normal "not found" page.
                return self.withRandomFault(Self.page(carrier, .fixture(candidates: [carrier.unknownNumberFixture])), on: carrier)
            }
            // An entry that only concerns an API (`track17_carrier`) leaves the page alone.
            if let special = self.specialNumbers[number], special.fault != nil || special.fileName != nil {
                if case .pageBlock(let block)? = special.fault {
                    self.counters?.recordPageBlocked()
                    return .respond(BlockPages.response(for: block, number: number, path: carrier.path))
                }
                return Self.plan(for: special, number: number, on: carrier)
            }
            let body: PlannedBody =
                self.generatesPages
                ? .fixtureOrGenerated(
                    fixture: carrier.fixture(for: number), carrierID: carrier.id, number: number.value,
                    fallback: carrier.unknownNumberFixture
                )
                : .fixture(candidates: Self.pages(for: number, on: carrier))
            return self.withRandomFault(Self.page(carrier, body), on: carrier)
        }
    }

    /// The bot protection the options put in front of `carrier`'s pages, if any.
    private func block(for carrier: CarrierRoute) -> PageBlock? {
        switch carrier.id {
        case "usps": self.pageBlocking.usps.map(PageBlock.akamai)
        case "epacket": self.pageBlocking.chinaPost.map(PageBlock.chinaPost)
        default: nil
        }
    }

    /// `response`, or the fault the dice give this request instead.
    private func withRandomFault(_ response: PlannedResponse, on carrier: CarrierRoute) -> ResponsePlan {
        guard let dice = self.faultDice, let (fault, draw) = dice.roll() else { return .respond(response) }
        self.counters?.recordRandomFault()
        switch fault {
        case .status500:
            return .respond(Self.textResponse(status: 500, "carrier-sim: simulated HTTP 500 (fault rate)\n"))
        case .status503, .status429:
            let code = fault == .status503 ? 503 : 429
            var response = Self.textResponse(status: code, "carrier-sim: simulated HTTP \(code) (fault rate)\n")
            response.extraHeaders.append(PlannedHeader(name: "Retry-After", value: "\(dice.retryAfterSeconds)"))
            return .respond(response)
        case .timeout:
            return .staySilent
        case .truncated:
            return .truncate(response)
        case .garbage:
            let seed = SplitMix64.mix(draw ^ 0x6761_7262_6167_6500)
            return .respond(Self.page(carrier, .junk(seed: seed, byteCount: SimulatedFault.defaultGarbageByteCount)))
        case .reset:
            return .resetConnection
        }
    }

    private static func plan(
        for special: SpecialNumberBehaviour,
        number: TrackingNumber,
        on carrier: CarrierRoute
    ) -> ResponsePlan {
        let candidates = special.fileName.map { [carrier.fixture(named: $0)] } ?? Self.pages(for: number, on: carrier)
        switch special.fault {
        case nil:
            return .respond(Self.page(carrier, .fixture(candidates: candidates)))
        case .status(let code, let retryAfterSeconds)?:
            var response =
                special.fileName == nil
                ? Self.textResponse(status: code, "carrier-sim: simulated HTTP \(code) for \(number)\n")
                : PlannedResponse(status: code, contentType: carrier.contentType, body: .fixture(candidates: candidates))
            if let retryAfterSeconds {
                response.extraHeaders.append(PlannedHeader(name: "Retry-After", value: "\(retryAfterSeconds)"))
            }
            return .respond(response)
        case .empty?:
            return .respond(Self.page(carrier, .empty))
        case .truncated?:
            return .truncate(Self.page(carrier, .fixture(candidates: candidates)))
        case .garbage(let byteCount)?:
            return .respond(Self.page(carrier, .junk(seed: Self.seed(for: number), byteCount: byteCount)))
        case .timeout?:
            return .staySilent
        case .reset?:
            return .resetConnection
        case .oversized(let byteCount)?:
            return .respond(Self.page(carrier, .padding(byteCount: byteCount)))
        case .gzip?:
            return .respond(Self.page(carrier, .gzippedFixture(candidates: candidates)))
        case .pageBlock(let block)?:
            return .respond(BlockPages.response(for: block, number: number, path: carrier.path))
        }
    }

    /// The number's own page, then the carrier's unknown-number page.
    private static func pages(for number: TrackingNumber, on carrier: CarrierRoute) -> [String] {
        [carrier.fixture(for: number), carrier.unknownNumberFixture]
    }

    private static func page(_ carrier: CarrierRoute, _ body: PlannedBody) -> PlannedResponse {
        PlannedResponse(status: 200, contentType: carrier.contentType, body: body)
    }

    private static func textResponse(status: Int, _ text: String) -> PlannedResponse {
        PlannedResponse(status: status, contentType: "text/plain; charset=utf-8", body: .text(text))
    }

    /// FNV-1a of the number: a stable seed (Swift's `hashValue` changes from run to run).
    private static func seed(for number: TrackingNumber) -> UInt64 {
        number.value.utf8.reduce(0xcbf2_9ce4_8422_2325) { hash, byte in
            (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
    }
}
