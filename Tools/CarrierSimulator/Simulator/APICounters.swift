import Synchronization

/// The live counters behind `CarrierSimulator.APIStatistics`: one atomic per count, so counting never takes a lock.
final class APICounters: Sendable {
    private let uspsToken = Atomic<Int>(0)
    private let uspsTrackingBatch = Atomic<Int>(0)
    private let uspsTrackingSingle = Atomic<Int>(0)
    private let track17Register = Atomic<Int>(0)
    private let track17GetTrackInfo = Atomic<Int>(0)
    private let track17GetQuota = Atomic<Int>(0)
    private let track17StopTrack = Atomic<Int>(0)
    private let track17Retrack = Atomic<Int>(0)
    private let track17ChangeCarrier = Atomic<Int>(0)
    private let track17Other = Atomic<Int>(0)
    private let emsTrackQuery = Atomic<Int>(0)

    private let uspsTokensIssued = Atomic<Int>(0)
    private let uspsTrackingCalls = Atomic<Int>(0)
    private let uspsNumbersRequested = Atomic<Int>(0)
    private let uspsLargestCall = Atomic<Int>(0)
    private let uspsUnauthorized = Atomic<Int>(0)
    private let uspsQuotaExceeded = Atomic<Int>(0)
    private let track17Registrations = Atomic<Int>(0)
    private let track17QuotaUnitsSpent = Atomic<Int>(0)
    private let track17NumbersQueried = Atomic<Int>(0)
    private let track17LargestCall = Atomic<Int>(0)
    private let track17RateLimited = Atomic<Int>(0)

    func recordRequest(_ endpoint: CarrierSimulator.APIEndpointName) {
        switch endpoint {
        case .uspsToken: self.uspsToken.wrappingAdd(1, ordering: .relaxed)
        case .uspsTrackingBatch: self.uspsTrackingBatch.wrappingAdd(1, ordering: .relaxed)
        case .uspsTrackingSingle: self.uspsTrackingSingle.wrappingAdd(1, ordering: .relaxed)
        case .track17Register: self.track17Register.wrappingAdd(1, ordering: .relaxed)
        case .track17GetTrackInfo: self.track17GetTrackInfo.wrappingAdd(1, ordering: .relaxed)
        case .track17GetQuota: self.track17GetQuota.wrappingAdd(1, ordering: .relaxed)
        case .track17StopTrack: self.track17StopTrack.wrappingAdd(1, ordering: .relaxed)
        case .track17Retrack: self.track17Retrack.wrappingAdd(1, ordering: .relaxed)
        case .track17ChangeCarrier: self.track17ChangeCarrier.wrappingAdd(1, ordering: .relaxed)
        case .track17Other: self.track17Other.wrappingAdd(1, ordering: .relaxed)
        case .emsTrackQuery: self.emsTrackQuery.wrappingAdd(1, ordering: .relaxed)
        }
    }

    func recordUSPSTokenIssued() {
        self.uspsTokensIssued.wrappingAdd(1, ordering: .relaxed)
    }

    /// A USPS tracking call that spent quota, for `numbers` tracking numbers.
    func recordUSPSTrackingCall(numbers: Int) {
        self.uspsTrackingCalls.wrappingAdd(1, ordering: .relaxed)
        self.uspsNumbersRequested.wrappingAdd(numbers, ordering: .relaxed)
        self.uspsLargestCall.max(numbers, ordering: .relaxed)
    }

    func recordUSPSUnauthorized() {
        self.uspsUnauthorized.wrappingAdd(1, ordering: .relaxed)
    }

    func recordUSPSQuotaExceeded() {
        self.uspsQuotaExceeded.wrappingAdd(1, ordering: .relaxed)
    }

    /// A new 17TRACK registration that cost `units` quota units.
    func recordTrack17Registration(units: Int) {
        self.track17Registrations.wrappingAdd(1, ordering: .relaxed)
        self.track17QuotaUnitsSpent.wrappingAdd(units, ordering: .relaxed)
    }

    func recordTrack17Call(numbers: Int, isQuery: Bool) {
        self.track17LargestCall.max(numbers, ordering: .relaxed)
        if isQuery {
            self.track17NumbersQueried.wrappingAdd(numbers, ordering: .relaxed)
        }
    }

    func recordTrack17RateLimited() {
        self.track17RateLimited.wrappingAdd(1, ordering: .relaxed)
    }

    func snapshot() -> CarrierSimulator.APIStatistics {
        var requests: [CarrierSimulator.APIEndpointName: Int] = [:]
        for endpoint in CarrierSimulator.APIEndpointName.allCases {
            let count: Int
            switch endpoint {
            case .uspsToken: count = self.uspsToken.load(ordering: .relaxed)
            case .uspsTrackingBatch: count = self.uspsTrackingBatch.load(ordering: .relaxed)
            case .uspsTrackingSingle: count = self.uspsTrackingSingle.load(ordering: .relaxed)
            case .track17Register: count = self.track17Register.load(ordering: .relaxed)
            case .track17GetTrackInfo: count = self.track17GetTrackInfo.load(ordering: .relaxed)
            case .track17GetQuota: count = self.track17GetQuota.load(ordering: .relaxed)
            case .track17StopTrack: count = self.track17StopTrack.load(ordering: .relaxed)
            case .track17Retrack: count = self.track17Retrack.load(ordering: .relaxed)
            case .track17ChangeCarrier: count = self.track17ChangeCarrier.load(ordering: .relaxed)
            case .track17Other: count = self.track17Other.load(ordering: .relaxed)
            case .emsTrackQuery: count = self.emsTrackQuery.load(ordering: .relaxed)
            }
            if count > 0 { requests[endpoint] = count }
        }
        return CarrierSimulator.APIStatistics(
            requests: requests,
            uspsTokensIssued: self.uspsTokensIssued.load(ordering: .relaxed),
            uspsTrackingCalls: self.uspsTrackingCalls.load(ordering: .relaxed),
            uspsNumbersRequested: self.uspsNumbersRequested.load(ordering: .relaxed),
            uspsLargestCall: self.uspsLargestCall.load(ordering: .relaxed),
            uspsUnauthorized: self.uspsUnauthorized.load(ordering: .relaxed),
            uspsQuotaExceeded: self.uspsQuotaExceeded.load(ordering: .relaxed),
            track17Registrations: self.track17Registrations.load(ordering: .relaxed),
            track17QuotaUnitsSpent: self.track17QuotaUnitsSpent.load(ordering: .relaxed),
            track17NumbersQueried: self.track17NumbersQueried.load(ordering: .relaxed),
            track17LargestCall: self.track17LargestCall.load(ordering: .relaxed),
            track17RateLimited: self.track17RateLimited.load(ordering: .relaxed)
        )
    }
}
