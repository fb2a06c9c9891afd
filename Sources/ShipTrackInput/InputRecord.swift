/// What reading one row of an order file gives: the row, or why it was skipped.
public enum InputRecord: Hashable, Sendable {
    /// A valid row.
    case row(OrderRow)
    /// A row that cannot be used; the rows after it are still read.
    case rejected(RowError)

    /// The physical line the row starts on.
    public var line: Int {
        switch self {
        case .row(let row): row.line
        case .rejected(let error): error.line
        }
    }
}
