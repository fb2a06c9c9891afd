import Foundation

/// The carrier APIs a simulator plays, with their state, and the dispatch of a routed API call to its API. Created
/// with the simulator, so tokens, quotas and registrations live as long as it does (across restarts).
final class APIServices: Sendable {
    let context: APIContext
    let usps: USPSAPI
    let track17: Track17API
    let ems: EMSPartnerAPI

    /// Loads the APIs' fixture files from `fixturesDirectory` (once: no request reads a file).
    ///
    /// - Throws: ``CarrierSimulatorError`` of kind ``CarrierSimulatorError/Kind/invalidAPIFixture``.
    init(
        fixturesDirectory: URL,
        options: CarrierSimulator.Options,
        specialNumbers: [TrackingNumber: SpecialNumberBehaviour],
        faultDice: FaultDice?,
        counters: StatisticsCounters
    ) throws {
        let context = APIContext(
            specialNumbers: specialNumbers,
            faultDice: faultDice,
            counters: counters,
            simulatedDate: options.generatedPages?.simulatedDate
        )
        self.context = context
        self.usps = USPSAPI(
            context: context, options: options.uspsAPI, fixtures: try USPSFixture.loadAll(fixturesDirectory: fixturesDirectory)
        )
        let chinaPost = ChinaPostLookupService(
            fixtures: try EMSFixtures(fixturesDirectory: fixturesDirectory), simulatedDate: context.simulatedDate
        )
        self.ems = EMSPartnerAPI(context: context, lookup: chinaPost)
        self.track17 = Track17API(
            context: context, options: options.track17, chinaPost: chinaPost, usps: self.usps.lookup,
            fixtures: try Track17Fixtures(fixturesDirectory: fixturesDirectory)
        )
    }

    /// The plan for an API call (on the thread pool: it may take state and per-number work).
    func plan(for call: APIRequest) -> ResponsePlan {
        self.context.counters.api.recordRequest(call.endpoint.statisticsEndpoint)
        switch call.endpoint {
        case .uspsToken, .uspsTrackingBatch, .uspsTracking:
            return self.usps.plan(for: call.endpoint, request: call.request)
        case .track17(let operation):
            return self.track17.plan(operation: operation, request: call.request)
        case .emsTrackQuery(let language, let number):
            return self.ems.plan(language: language, number: number, request: call.request)
        }
    }
}
