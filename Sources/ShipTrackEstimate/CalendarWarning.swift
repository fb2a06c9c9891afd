/// A year an estimate counts business days in although the policy has no official holiday list for it.
///
/// Business days in such a year skip only weekends (and any provisional holidays), so dates that depend on them may
/// be too early: the State Council publishes each year's holidays in November or December, and until the policy
/// lists them an order's promise can run into a Spring Festival nobody has entered. The estimate says so rather
/// than look exact.
///
/// Encodes as `{"year": 2027, "kind": "provisional_holidays", "provisional_holidays": [...], "message": "..."}`.
public struct CalendarWarning: Hashable, Sendable, Encodable, CustomStringConvertible {
    /// What the policy has for the year.
    public enum Kind: String, Hashable, Sendable, Encodable {
        /// Nothing: business days are Monday to Friday.
        case noHolidayList = "no_holiday_list"
        /// Only provisional holidays, estimated before the official list was published.
        case provisionalHolidays = "provisional_holidays"
    }

    /// The year without an official list.
    public let year: Int
    /// What the policy has for it.
    public let kind: Kind
    /// The provisional holidays assumed in the year (empty for ``Kind/noHolidayList``).
    public let provisionalHolidays: [StorePolicy.Holiday]

    public init(year: Int, provisionalHolidays: [StorePolicy.Holiday]) {
        self.year = year
        self.kind = provisionalHolidays.isEmpty ? .noHolidayList : .provisionalHolidays
        self.provisionalHolidays = provisionalHolidays
    }

    /// One sentence for people: which year, what was assumed, and what to do.
    public var description: String {
        switch kind {
        case .noHolidayList:
            return "\(year) has no official holiday list in the policy: business days in \(year) skip weekends "
                + "only, so dates counted through \(year) may be too early (add \(year)'s holidays when the State "
                + "Council publishes them)"
        case .provisionalHolidays:
            let assumed = provisionalHolidays.map { "\($0.name) \($0.days)" }.joined(separator: ", ")
            return "\(year) has no official holiday list yet: dates counted through \(year) assume the provisional "
                + "\(assumed) and may be off by a few days (replace it with the official list when the State "
                + "Council publishes it)"
        }
    }

    enum CodingKeys: String, CodingKey {
        case year, kind, message
        case provisionalHolidays = "provisional_holidays"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(kind, forKey: .kind)
        try container.encode(provisionalHolidays, forKey: .provisionalHolidays)
        try container.encode(description, forKey: .message)
    }
}
