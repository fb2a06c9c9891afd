/// A `--column` argument that cannot be used, naming the item as given.
///
/// Printed as `column mapping "dest=Ship Country": "dest" is not a canonical column (order_id, …)`.
public struct ColumnMappingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The argument as given (`dest=Ship Country`).
    public let item: String
    /// What is wrong with it.
    public let message: String

    public init(item: String, message: String) {
        self.item = item
        self.message = message
    }

    public var description: String { "column mapping \"\(item)\": \(message)" }
}
