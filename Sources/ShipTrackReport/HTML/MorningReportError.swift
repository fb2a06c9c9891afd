/// A morning report writer used out of order (a defect of the caller, reported instead of writing a broken page).
public struct MorningReportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The order that came out of order, when one did.
    public let orderID: String?
    /// What happened.
    public let message: String

    public init(orderID: String?, message: String) {
        self.orderID = orderID
        self.message = message
    }

    public var description: String {
        "morning report: " + (orderID.map { "order \($0): " } ?? "") + message
    }
}
