import ArgumentParser
import ShipTrackEstimate

/// `--date-order`, and the one timestamp parser every option and order-file time of a command is read with.
struct TimeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            How to read slash dates such as 03/04/2026 whose day could be the month: mdy (MM/DD/YYYY) or dmy \
            (DD/MM/YYYY). Without it such dates are refused; 11/20/2026 and 20/11/2026 are read either way.
            """)
    var dateOrder: String?

    func validate() throws {
        if let dateOrder, TimestampParser.DateOrder(name: dateOrder) == nil {
            throw ValidationError("--date-order must be mdy or dmy")
        }
    }

    /// The parser for `policy`'s zone with the chosen date order (the option, else the configuration's
    /// `orders.date_order`).
    func parser(policy: StorePolicy, configured: String? = nil) -> TimestampParser {
        TimestampParser(policy: policy, dateOrder: (dateOrder ?? configured).flatMap(TimestampParser.DateOrder.init(name:)))
    }
}
