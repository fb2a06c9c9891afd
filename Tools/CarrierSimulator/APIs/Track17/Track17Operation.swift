/// The 17TRACK v2.2 operations the simulator answers (`POST /track/v2.2/<operation>`).
enum Track17Operation: String, Sendable, Hashable {
    case register
    case getTrackInfo = "gettrackinfo"
    case getQuota = "getquota"
    case stopTrack = "stoptrack"
    case retrack
    case changeCarrier = "changecarrier"

    var statisticsEndpoint: CarrierSimulator.APIEndpointName {
        switch self {
        case .register: .track17Register
        case .getTrackInfo: .track17GetTrackInfo
        case .getQuota: .track17GetQuota
        case .stopTrack: .track17StopTrack
        case .retrack: .track17Retrack
        case .changeCarrier: .track17ChangeCarrier
        }
    }

    /// Whether the call reads or writes tracking data (faults by rate and special numbers apply to these).
    var carriesTrackingData: Bool {
        self == .register || self == .getTrackInfo
    }
}
