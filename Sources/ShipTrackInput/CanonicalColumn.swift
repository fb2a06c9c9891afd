/// A column of an order file as ShipTrack names it, whatever the file's own header calls it.
///
/// `order_id`, `destination` and `ordered_at` must have a value in every row. `tracking_number` must be a column of a
/// CSV file (so a mistyped mapping cannot make every order look unshipped) but may be empty in a row: not shipped
/// yet. `carrier` and `shipped_at` are optional columns, and so are `customer_name` and `customer_email`, whose values
/// never make a row rejected: bad text in them is cleaned, cut or dropped (see ``OrderRow/customerName``; only the
/// limit every CSV field is held to applies to them too).
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
    /// The customer's name, for the morning report and its messages. A CSV file without the column may name it in
    /// one of the shop exports' ways (``headerAliases``).
    case customerName = "customer_name"
    /// The customer's e-mail address, checked loosely; an address that fails the check is dropped, not the row.
    case customerEmail = "customer_email"

    /// The canonical name (`order_id`).
    public var description: String { rawValue }

    /// Whether every row must give a value.
    public var requiresValue: Bool {
        switch self {
        case .orderID, .destination, .orderedAt: true
        case .trackingNumber, .carrier, .shippedAt, .customerName, .customerEmail: false
        }
    }

    /// Whether this is one of the customer columns, whose values are cleaned rather than checked: they never reject
    /// a row.
    var isCustomerDetail: Bool { self == .customerName || self == .customerEmail }

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
        case .customerName: 6
        case .customerEmail: 7
        }
    }

    /// Other headers a CSV file may give this column under, most preferred first, matched by their letters and
    /// digits only (`Shipping Name`, `shipping_name`). Used only when the column is neither mapped nor in the header
    /// under its own name, and only for the customer columns: reading the wrong column there costs a greeting, while a
    /// guessed `order_id` or `destination` would cost the batch its orders, so those are never guessed.
    ///
    /// The parcel goes to the shipping name, so it comes before the billing name (which some payment methods leave
    /// empty). `Email` is Shopify's; `billing_email` and `customer_email` are WooCommerce exporters'.
    var headerAliases: [String] {
        switch self {
        case .customerName: ["Customer Name", "Shipping Name", "Billing Name", "Buyer Name", "Recipient Name"]
        case .customerEmail: ["Customer Email", "Email", "E-mail", "Email Address", "Billing Email", "Buyer Email"]
        case .orderID, .trackingNumber, .carrier, .destination, .orderedAt, .shippedAt: []
        }
    }

    /// `order_id, tracking_number, carrier, destination, ordered_at, shipped_at, customer_name, customer_email`, for
    /// messages.
    static let namesList = allCases.map(\.rawValue).joined(separator: ", ")
}
