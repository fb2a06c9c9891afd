public import Foundation

/// The store's shipping and refund policy as data: processing time, transit windows per region, tracking grace,
/// guarantee and refund windows, cancellation window, time zone and holidays.
///
/// ``builtIn`` is `Policy/policy.json` as embedded in the binary, equal to the published policy; a store overrides it
/// with its own file through ``load(contentsOf:)``. Every value is validated when loaded, and errors name the file
/// and the key (`policy.json: regions.asia.transit_business_days: min 20 > max 10`).
public struct StorePolicy: Sendable {
    /// The store's time zone: which day an instant falls on, and where business days are counted.
    public var timeZone: TimeZone { calendar.timeZone }
    /// Processing time in business days (published: 2–5).
    public let processingBusinessDays: ClosedRange<Int>
    /// Business days after the order day within which the carrier should have information on the parcel
    /// ("placed more than 5 business days ago and there is still no information"; published: 5).
    public let trackingGraceBusinessDays: Int
    /// Calendar days without a new carrier event after which a moving parcel is `stalled` (ShipTrack's rule: 10).
    public let stalledAfterDays: Int
    /// The delivery guarantee and the refund window.
    public let refund: RefundRules
    /// How long after the order it can still be cancelled (published: 12 hours).
    public let cancellationWindowHours: Int
    /// The years whose official holiday lists are complete (`holiday_years`). Business days counted in any other
    /// year raise a ``CalendarWarning``.
    public let holidayYears: Set<Int>
    /// Non-working periods of the store, in file order; provisional ones are guesses for a year not yet listed.
    public let holidays: [Holiday]
    /// Saturdays and Sundays the store works (adjusted working days), in file order.
    public let workingDays: [WorkingDay]
    /// Business days in the store's zone: Monday to Friday minus ``holidays``, plus ``workingDays``.
    public let calendar: BusinessCalendar
    /// Per-region rules, indexed by `Region.index`.
    private let regionRules: [RegionRules]
    /// Runs of consecutive ``holidayYears``, from 1 January of the first to 31 December of the last, so that an
    /// estimate inside one needs no year arithmetic to know it has nothing to warn about.
    let listedSpans: [ClosedRange<CalendarDay>]

    /// The cancellation window in seconds.
    public var cancellationWindow: TimeInterval { TimeInterval(cancellationWindowHours) * 3_600 }

    /// The name and transit window of a region.
    public func rules(for region: Region) -> RegionRules { regionRules[region.index] }

    /// Transit time to `region` in business days, after processing.
    public func transitBusinessDays(for region: Region) -> ClosedRange<Int> {
        regionRules[region.index].transitBusinessDays
    }

    /// The name and transit window of one row of the shipping-time table.
    public struct RegionRules: Hashable, Sendable {
        /// The region.
        public let region: Region
        /// Its name as published (`Canada, Europe`).
        public let name: String
        /// Its transit window in business days.
        public let transitBusinessDays: ClosedRange<Int>
    }

    /// A non-working period of the store, one day or several.
    public struct Holiday: Hashable, Sendable, Encodable {
        /// Its name (`Spring Festival`).
        public let name: String
        /// Its first and last day, both included.
        public let days: DayWindow
        /// Whether the dates are an estimate made before the official list was published.
        public let isProvisional: Bool

        public init(name: String, days: DayWindow, isProvisional: Bool = false) {
            self.name = name
            self.days = days
            self.isProvisional = isProvisional
        }

        enum CodingKeys: String, CodingKey {
            case name, from, to, provisional
        }

        /// `{"name": "Spring Festival", "from": "2027-02-05", "to": "2027-02-12", "provisional": true}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(days.earliest, forKey: .from)
            try container.encode(days.latest, forKey: .to)
            try container.encode(isProvisional, forKey: .provisional)
        }
    }

    /// A Saturday or Sunday the store works, declared to bridge a holiday (调休上班).
    public struct WorkingDay: Hashable, Sendable {
        /// The holiday it belongs to (`Spring Festival`).
        public let name: String
        /// The day.
        public let day: CalendarDay
    }

    /// Decodes and validates a policy file's contents.
    /// - Parameter fileName: how errors name the file (`policy.json`).
    /// - Throws: ``PolicyError`` naming the file and the key.
    public init(json: Data, fileName: String = "policy.json") throws {
        let file: PolicyFile
        do {
            file = try JSONDecoder().decode(PolicyFile.self, from: json)
        } catch {
            throw PolicyError.decoding(error, file: fileName)
        }
        self = try file.validated(fileName: fileName)
    }

    init(
        processingBusinessDays: ClosedRange<Int>, regionRules: [RegionRules], trackingGraceBusinessDays: Int,
        stalledAfterDays: Int, refund: RefundRules, cancellationWindowHours: Int, holidayYears: Set<Int>,
        holidays: [Holiday], workingDays: [WorkingDay], calendar: BusinessCalendar
    ) {
        self.processingBusinessDays = processingBusinessDays
        self.regionRules = regionRules
        self.trackingGraceBusinessDays = trackingGraceBusinessDays
        self.stalledAfterDays = stalledAfterDays
        self.refund = refund
        self.cancellationWindowHours = cancellationWindowHours
        self.holidayYears = holidayYears
        self.holidays = holidays
        self.workingDays = workingDays
        self.calendar = calendar
        var spans: [ClosedRange<CalendarDay>] = []
        var runStart: Int?
        for year in holidayYears.sorted() {
            let start = runStart ?? year
            if !holidayYears.contains(year + 1),
                let first = CalendarDay(year: start, month: 1, day: 1),
                let last = CalendarDay(year: year, month: 12, day: 31)
            {
                spans.append(first...last)
                runStart = nil
            } else {
                runStart = start
            }
        }
        self.listedSpans = spans
    }

    /// Loads and validates a store's policy file.
    /// - Throws: ``PolicyError`` naming the file (by its last path component) and the key; unreadable files too.
    public static func load(contentsOf url: URL) throws -> StorePolicy {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PolicyError(file: url.path, keyPath: "", message: "cannot be read (\(error.localizedDescription))")
        }
        return try StorePolicy(json: data, fileName: url.lastPathComponent)
    }

    /// The published policy: `Policy/policy.json` as embedded in the binary.
    public static let builtIn: StorePolicy = {
        do {
            return try StorePolicy(json: Data(builtInJSON.utf8), fileName: "policy.json")
        } catch {
            // The embedded file is tested on every run (EmbeddedPolicyTests); reaching this is a build defect.
            fatalError("the built-in Policy/policy.json is invalid: \(error)")
        }
    }()

    /// The text of the built-in `policy.json`, for a store that wants to start its own file from it.
    public static var builtInJSON: String { embeddedFile(named: "policy.json") }
}

/// The embedded copy of a file in `Policy/`, or an empty string (which then fails to decode loudly).
func embeddedFile(named name: String) -> String {
    embeddedPolicyFiles.first { $0.name == name }?.contents ?? ""
}

extension Region {
    /// Position in `allCases`, for array-backed tables.
    var index: Int {
        switch self {
        case .unitedStates: 0
        case .canadaEurope: 1
        case .australiaNewZealand: 2
        case .centralSouthAmerica: 3
        case .asia: 4
        case .africa: 5
        }
    }
}
