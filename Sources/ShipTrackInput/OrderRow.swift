public import Foundation
public import ShipTrackEstimate

/// One valid row of an order file: one order, or one more parcel of an order already seen (same ``orderID``).
///
/// Every field is checked: the country is known, the times parse and the ship time is not before the order time.
/// Tracking numbers are only trimmed, not validated: identifying them is the batch's job.
public struct OrderRow: Hashable, Sendable {
    /// The physical line the row starts on (1 is the first line of the file, the header of a CSV file).
    public var line: Int
    /// The store's order number, trimmed.
    public var orderID: String
    /// The row's tracking numbers in file order, trimmed; empty when nothing has shipped yet.
    public var trackingNumbers: [String]
    /// The carrier the file names, trimmed, or `nil` when the column is absent or empty.
    public var carrier: String?
    /// The destination as the country table resolved it.
    public var destination: ResolvedCountry
    /// The destination as the file wrote it, trimmed (`Deutschland`, `GB`).
    public var rawDestination: String
    /// When the order was placed. Not checked against "now": the batch knows what "now" is.
    public var orderedAt: Date
    /// When the parcel was recorded as shipped, if the file says; never before ``orderedAt``.
    public var shippedAt: Date?
    /// The customer's name, or `nil` when the column is absent or empty. Trimmed; control characters removed (a line
    /// break or tab becomes a space); at most ``maxCustomerNameScalars`` Unicode scalars, cut between characters.
    /// Any script is kept as written; bytes that are not UTF-8 show as U+FFFD. Never a reason to reject the row.
    public var customerName: String?
    /// The customer's e-mail address as written (trimmed, control characters removed, case kept), or `nil` when the
    /// column is absent or empty or the address fails the loose check: exactly one `@` with text on both sides, no
    /// white space, valid UTF-8, at most ``maxCustomerEmailBytes`` bytes as written. A failed address is dropped, not
    /// the row, and counted in ``OrderFileStatistics/invalidEmails``.
    public var customerEmail: String?

    /// The longest ``customerName`` kept, in Unicode scalars: any real name, but not a page of text in every row of a
    /// report.
    public static let maxCustomerNameScalars = 200
    /// The longest ``customerEmail`` accepted, in UTF-8 bytes: the most SMTP can deliver to (RFC 5321's 256-byte path
    /// less its angle brackets). A longer address is invalid, never cut: a cut address is someone else's.
    public static let maxCustomerEmailBytes = 254

    public init(
        line: Int, orderID: String, trackingNumbers: [String], carrier: String?, destination: ResolvedCountry,
        rawDestination: String, orderedAt: Date, shippedAt: Date?, customerName: String? = nil,
        customerEmail: String? = nil
    ) {
        self.line = line
        self.orderID = orderID
        self.trackingNumbers = trackingNumbers
        self.carrier = carrier
        self.destination = destination
        self.rawDestination = rawDestination
        self.orderedAt = orderedAt
        self.shippedAt = shippedAt
        self.customerName = customerName
        self.customerEmail = customerEmail
    }
}
