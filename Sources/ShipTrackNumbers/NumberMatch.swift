public import ShipTrackModel

/// A format whose pattern and rules all pass for a number: the carrier and service the number belongs to.
public struct NumberMatch: Hashable, Sendable, Encodable {
    /// The carrier whose file holds the format.
    public let carrier: CarrierID
    /// The format's service, such as `ePacket`.
    public let service: String
    /// The format's index in the carrier's `numbers.formats`.
    public let formatIndex: Int

    /// Creates a match; identification creates these, tests may too.
    public init(carrier: CarrierID, service: String, formatIndex: Int) {
        self.carrier = carrier
        self.service = service
        self.formatIndex = formatIndex
    }

    enum CodingKeys: String, CodingKey {
        case carrier, service
        case formatIndex = "format_index"
    }
}
