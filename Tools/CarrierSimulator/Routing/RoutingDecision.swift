/// Where a request was routed: the first of the simulator's two steps (route, then plan a response).
enum RoutingDecision: Sendable, Hashable {
    /// The request is for `carrier`'s tracking page; `number` is `nil` when the request named no valid number.
    case carrier(CarrierRoute, number: TrackingNumber?)
    /// The path is a carrier's, but the method is not the one the carrier expects.
    case methodNotAllowed(CarrierRoute)
    /// A call to one of the carriers' APIs (USPS, 17TRACK, EMS partner interface).
    case api(APIRequest)
    /// An API's path, with the wrong method; `allowed` is the one it takes.
    case apiMethodNotAllowed(allowed: RequestMethod)
    /// No carrier lives at this path.
    case unknownPath
}

extension RoutingDecision {
    /// A one-line summary for the request log.
    var logDescription: String {
        switch self {
        case .carrier(let carrier, let number): "\(carrier.id) \(number?.value ?? "(no valid number)")"
        case .methodNotAllowed(let carrier): "\(carrier.id) (wrong method)"
        case .api(let request): "\(request.endpoint)"
        case .apiMethodNotAllowed: "API (wrong method)"
        case .unknownPath: "no carrier"
        }
    }
}
