/// The carrier API endpoints the simulator plays, at the paths the real services use.
enum APIEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// `POST /oauth2/v3/token`: USPS OAuth 2.0 client-credentials token.
    case uspsToken
    /// `POST /tracking/v3r2/tracking`: USPS Tracking 3.2, up to 35 numbers per call.
    case uspsTrackingBatch
    /// `GET /tracking/v3/tracking/{number}`: USPS Tracking 3, one number (`number` as sent, percent-decoded).
    case uspsTracking(number: String)
    /// `POST /track/v2.2/{operation}`: 17TRACK API v2.2 (`operation` as sent).
    case track17(operation: String)
    /// `GET /partner/api/public/p/track/query/{language}/{number}`: the EMS partner interface for EUB shippers.
    case emsTrackQuery(language: String, number: String)

    /// The statistics bucket of the endpoint.
    var statisticsEndpoint: CarrierSimulator.APIEndpointName {
        switch self {
        case .uspsToken: .uspsToken
        case .uspsTrackingBatch: .uspsTrackingBatch
        case .uspsTracking: .uspsTrackingSingle
        case .track17(let operation): Track17Operation(rawValue: operation)?.statisticsEndpoint ?? .track17Other
        case .emsTrackQuery: .emsTrackQuery
        }
    }

    var description: String {
        switch self {
        case .uspsToken: "USPS token"
        case .uspsTrackingBatch: "USPS tracking v3r2"
        case .uspsTracking(let number): "USPS tracking v3 \(number)"
        case .track17(let operation): "17TRACK \(operation)"
        case .emsTrackQuery(let language, let number): "EMS track query \(language) \(number)"
        }
    }
}

/// A routed API call: the endpoint and the whole request (headers and body matter to every API).
struct APIRequest: Sendable, Hashable {
    var endpoint: APIEndpoint
    var request: SimulatorRequest
}

/// Recognises the APIs' paths; everything else goes to the routing file's carriers.
enum APIRouter {
    static let uspsTokenPath = "/oauth2/v3/token"
    static let uspsBatchPath = "/tracking/v3r2/tracking"
    static let uspsSinglePrefix = "/tracking/v3/tracking/"
    static let track17Prefix = "/track/v2.2/"
    static let emsPrefix = "/partner/api/public/p/track/query/"

    /// Whether `target` may be an API's (a cheap test on its first path segment, before any parsing).
    static func mayBeAPI(_ target: String) -> Bool {
        target.hasPrefix("/oauth2/") || target.hasPrefix("/tracking/") || target.hasPrefix("/track/")
            || target.hasPrefix("/partner/")
    }

    /// The decision for an API path, or `nil` when the path is not an API's.
    static func route(_ request: SimulatorRequest) -> RoutingDecision? {
        let path = request.path
        let endpoint: APIEndpoint
        let method: RequestMethod
        if path == Self.uspsTokenPath {
            (endpoint, method) = (.uspsToken, .post)
        } else if path == Self.uspsBatchPath {
            (endpoint, method) = (.uspsTrackingBatch, .post)
        } else if path.hasPrefix(Self.uspsSinglePrefix) {
            let number = path.dropFirst(Self.uspsSinglePrefix.count)
            guard !number.isEmpty, !number.contains("/") else { return nil }
            (endpoint, method) = (.uspsTracking(number: Self.percentDecoded(number)), .get)
        } else if path.hasPrefix(Self.track17Prefix) {
            let operation = path.dropFirst(Self.track17Prefix.count)
            guard !operation.isEmpty, !operation.contains("/") else { return nil }
            (endpoint, method) = (.track17(operation: String(operation)), .post)
        } else if path.hasPrefix(Self.emsPrefix) {
            let parts = path.dropFirst(Self.emsPrefix.count).split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            (endpoint, method) = (.emsTrackQuery(language: String(parts[0]), number: Self.percentDecoded(parts[1])), .get)
        } else {
            return nil
        }
        guard request.method.uppercased() == method.rawValue else {
            return .apiMethodNotAllowed(allowed: method)
        }
        return .api(APIRequest(endpoint: endpoint, request: request))
    }

    /// A path segment with `%XX` escapes decoded (`+` stays a plus: only a query turns it into a space); the
    /// segment as sent when it is not valid percent-encoded UTF-8.
    private static func percentDecoded(_ segment: Substring) -> String {
        guard segment.contains("%") else { return String(segment) }
        let input = Array(segment.utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%") {
                guard index + 2 < input.count, let high = Self.hexValue(input[index + 1]),
                    let low = Self.hexValue(input[index + 2])
                else { return String(segment) }
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? String(segment)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
