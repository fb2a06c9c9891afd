/// A column of an order file as ShipTrack names it, whatever the file's own header calls it.
///
/// `order_id`, `destination` and `ordered_at` must have a value in every row. `tracking_number` must be a column of a
/// CSV file (so a mistyped mapping cannot make every order look unshipped) but may be empty in a row: not shipped
/// yet. `carrier` and `shipped_at` are optional columns.
public enum CanonicalColumn: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// The store's order number. Several rows with one order ID are one order with several parcels.
    case orderID = "order_id"
    /// Zero or more tracking numbers, separated by `;` or `,`.
    case trackingNumber = "tracking_number"
    /// The carrier's name, when the file says; otherwise the number identifies it.
    case carrier
    /// The destination country: an ISO 3166-1 code or an English name.
    case destination
    /// When the order was placed: ISO 8601 with an offset, or a plain date in the store's zone.
    case orderedAt = "ordered_at"
    /// When the store recorded the parcel as shipped, in the same forms as `ordered_at`.
    case shippedAt = "shipped_at"

    /// The canonical name (`order_id`).
    public var description: String { rawValue }

    /// Whether every row must give a value.
    public var requiresValue: Bool {
        switch self {
        case .orderID, .destination, .orderedAt: true
        case .trackingNumber, .carrier, .shippedAt: false
        }
    }

    /// Whether a CSV header must have this column.
    public var requiredInHeader: Bool { requiresValue || self == .trackingNumber }

    /// The column whose canonical name is `name`, ignoring case and surrounding whitespace.
    public init?(name: String) {
        let key = HeaderName.key(name)
        guard let column = CanonicalColumn.allCases.first(where: { $0.rawValue == key }) else { return nil }
        self = column
    }

    /// Position in ``allCases``, used to index per-column tables.
    var index: Int {
        switch self {
        case .orderID: 0
        case .trackingNumber: 1
        case .carrier: 2
        case .destination: 3
        case .orderedAt: 4
        case .shippedAt: 5
        }
    }

    /// `order_id, tracking_number, carrier, destination, ordered_at, shipped_at`, for messages.
    static let namesList = allCases.map(\.rawValue).joined(separator: ", ")
}
