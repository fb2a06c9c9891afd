/// The OAuth clients the simulated USPS API knows (see ``CarrierSimulator/TestCredentials``).
enum USPSTestClient: UInt8, Sendable, Hashable, CaseIterable {
    /// An app with the Tracking product: its default scope includes `tracking`.
    case withTracking = 1
    /// An app without it: tokens are issued, but never with `tracking`.
    case withoutTracking = 2

    /// The consumer key (`client_id`).
    var clientID: String {
        switch self {
        case .withTracking: CarrierSimulator.testCredentials.uspsClientID
        case .withoutTracking: CarrierSimulator.testCredentials.uspsClientIDWithoutTracking
        }
    }

    /// The consumer secret (`client_secret`).
    var clientSecret: String {
        CarrierSimulator.testCredentials.uspsClientSecret
    }

    /// The scopes the app is entitled to, in the order USPS lists them; the default scope of its tokens.
    var entitledScopes: [String] {
        switch self {
        case .withTracking:
            ["addresses", "tracking", "locations", "service-standards", "domestic-prices", "international-prices"]
        case .withoutTracking:
            ["domestic-prices", "addresses", "international-prices", "service-standards", "locations", "shipments"]
        }
    }

    var applicationName: String {
        switch self {
        case .withTracking: "ShipTrack Simulator App"
        case .withoutTracking: "ShipTrack Simulator App (no tracking)"
        }
    }

    /// The client with these credentials, or `nil` (a wrong secret is as unknown as a wrong id).
    init?(clientID: String, clientSecret: String) {
        guard let client = Self.allCases.first(where: { $0.clientID == clientID }), client.clientSecret == clientSecret
        else { return nil }
        self = client
    }
}
