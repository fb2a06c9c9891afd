/// A value a message template can name in braces (`{customer_name}`).
public enum Placeholder: String, CaseIterable, Hashable, Sendable {
    /// The customer's name, when the order file has it.
    case customerName = "customer_name"
    /// The order number.
    case orderID = "order_id"
    /// The tracking number of the parcel the flag is about (every number of the order, comma-separated, for a flag
    /// about the whole order).
    case trackingNumber = "tracking_number"
    /// The carrier's public tracking page for that parcel.
    case trackingLink = "tracking_link"
    /// The carrier's name (`USPS`, `ePacket (China Post)`).
    case carrier
    /// The parcel's status in plain English (`In transit`, `Held by customs`).
    case status
    /// The destination country's name.
    case destination
    /// The day the order was placed.
    case orderedOn = "ordered_on"
    /// The latest promised delivery day.
    case promisedBy = "promised_by"
    /// The last day of the delivery guarantee.
    case guaranteeEnds = "guarantee_ends"
    /// The last day a refund or reshipment can be requested; missing once that day has passed.
    case refundWindowCloses = "refund_window_closes"
    /// The store's name.
    case storeName = "store_name"

    /// `customer_name, order_id, ...`, for error messages.
    static let namesList = allCases.map(\.rawValue).joined(separator: ", ")
}

/// The values of one message's placeholders. A value that is absent or empty is "missing": an optional section
/// (`[...]`) naming it is left out, and elsewhere it renders as nothing (see ``MessageTemplate``).
public struct MessageValues: Hashable, Sendable {
    private var values: [Placeholder: String]

    public init(_ values: [Placeholder: String] = [:]) {
        self.values = [:]
        for (key, value) in values { self[key] = value }
    }

    /// A value, or `nil` when missing.
    public subscript(_ placeholder: Placeholder) -> String? {
        get { values[placeholder] }
        set {
            // Line breaks and control characters from an order file have no place inside a sentence.
            let cleaned = newValue.map { text in
                String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
                    .trimmingWhitespace()
            }
            values[placeholder] = cleaned?.isEmpty == false ? cleaned : nil
        }
    }
}

/// A suggested message: a subject line and a body.
public struct SuggestedMessage: Hashable, Sendable {
    /// The subject line.
    public var subject: String
    /// The body, lines separated by `\n`.
    public var body: String

    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }

    /// `Subject: ...`, a blank line, and the body: what a person pastes into a mail.
    public var plainText: String { "Subject: \(subject)\n\n\(body)" }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
