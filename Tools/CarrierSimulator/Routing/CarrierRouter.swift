/// Routes a request to the carrier whose tracking page it asks for, and finds the tracking number in it.
struct CarrierRouter: Sendable {
    private let carriersByPath: [String: CarrierRoute]

    init(carriers: [CarrierRoute]) {
        // Paths are unique: the routing file is checked for that when it is loaded.
        self.carriersByPath = Dictionary(carriers.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func route(_ request: SimulatorRequest) -> RoutingDecision {
        // The APIs live at their real paths, which no page shares.
        if let decision = APIRouter.route(request) {
            return decision
        }
        guard let carrier = self.carriersByPath[String(request.path)] else {
            return .unknownPath
        }
        guard request.method.uppercased() == carrier.method.rawValue else {
            return .methodNotAllowed(carrier)
        }
        return .carrier(carrier, number: Self.number(in: request, for: carrier))
    }

    /// The number from the form body (for a `POST` carrier sent a urlencoded form) or else from the query string.
    private static func number(in request: SimulatorRequest, for carrier: CarrierRoute) -> TrackingNumber? {
        var raw: String?
        if carrier.method == .post && request.hasFormBody {
            raw = FormURLEncoding.firstValue(named: carrier.numberParameter, in: request.body)
        }
        if raw == nil {
            raw = FormURLEncoding.firstValue(named: carrier.numberParameter, in: request.query)
        }
        return raw.flatMap { TrackingNumber(normalizing: $0) }
    }
}
