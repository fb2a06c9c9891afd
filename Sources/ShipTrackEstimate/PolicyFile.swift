import Foundation
import ShipTrackModel

/// The layout of `policy.json`, decoded as written and validated into a ``StorePolicy``.
struct PolicyFile: Decodable {
    var timeZone: String
    var processingBusinessDays: DayRangeFile
    var regions: [RegionFile]
    var trackingGraceBusinessDays: Int
    var stalledAfterDays: Int
    var refund: RefundFile
    var cancellationWindowHours: Int
    var holidayYears: [Int]
    var holidays: [HolidayFile]
    var workingDays: [WorkingDayFile]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case timeZone = "time_zone"
        case processingBusinessDays = "processing_business_days"
        case regions
        case trackingGraceBusinessDays = "tracking_grace_business_days"
        case stalledAfterDays = "stalled_after_days"
        case refund
        case cancellationWindowHours = "cancellation_window_hours"
        case holidayYears = "holiday_years"
        case holidays
        case workingDays = "working_days"
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timeZone = try container.decode(String.self, forKey: .timeZone)
        processingBusinessDays = try container.decode(DayRangeFile.self, forKey: .processingBusinessDays)
        regions = try container.decode([RegionFile].self, forKey: .regions)
        trackingGraceBusinessDays = try container.decode(Int.self, forKey: .trackingGraceBusinessDays)
        stalledAfterDays = try container.decode(Int.self, forKey: .stalledAfterDays)
        refund = try container.decode(RefundFile.self, forKey: .refund)
        cancellationWindowHours = try container.decode(Int.self, forKey: .cancellationWindowHours)
        holidayYears = try container.decode([Int].self, forKey: .holidayYears)
        holidays = try container.decode([HolidayFile].self, forKey: .holidays)
        workingDays = try container.decode([WorkingDayFile].self, forKey: .workingDays)
    }

    struct DayRangeFile: Decodable {
        var min: Int
        var max: Int

        enum CodingKeys: String, CodingKey, CaseIterable { case min, max }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            min = try container.decode(Int.self, forKey: .min)
            max = try container.decode(Int.self, forKey: .max)
        }

        /// The range, after checking neither end is negative and they are in order.
        func validated(_ error: (String, String) -> PolicyError, key: String) throws -> ClosedRange<Int> {
            guard min >= 0 else { throw error(key + ".min", "\(min) is negative") }
            guard max >= 0 else { throw error(key + ".max", "\(max) is negative") }
            guard min <= max else { throw error(key, "min \(min) > max \(max)") }
            return min...max
        }
    }

    struct RegionFile: Decodable {
        var id: String
        var name: String
        var transitBusinessDays: DayRangeFile

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, name
            case transitBusinessDays = "transit_business_days"
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            name = try container.decode(String.self, forKey: .name)
            transitBusinessDays = try container.decode(DayRangeFile.self, forKey: .transitBusinessDays)
        }
    }

    struct RefundFile: Decodable {
        var guaranteeDays: Int
        var dayKind: String
        var guaranteeStarts: String
        var requestDays: Int
        var closingWarningDays: Int
        var excludedReasons: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case guaranteeDays = "guarantee_days"
            case dayKind = "day_kind"
            case guaranteeStarts = "guarantee_starts"
            case requestDays = "request_days"
            case closingWarningDays = "closing_warning_days"
            case excludedReasons = "excluded_reasons"
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guaranteeDays = try container.decode(Int.self, forKey: .guaranteeDays)
            dayKind = try container.decode(String.self, forKey: .dayKind)
            guaranteeStarts = try container.decode(String.self, forKey: .guaranteeStarts)
            requestDays = try container.decode(Int.self, forKey: .requestDays)
            closingWarningDays = try container.decode(Int.self, forKey: .closingWarningDays)
            excludedReasons = try container.decode([String].self, forKey: .excludedReasons)
        }
    }

    /// One day (`date`) or a period (`from`, `to`), official unless `provisional` is true.
    struct HolidayFile: Decodable {
        var name: String
        var date: CalendarDay?
        var from: CalendarDay?
        var to: CalendarDay?
        var provisional: Bool

        enum CodingKeys: String, CodingKey, CaseIterable { case name, date, from, to, provisional }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            date = try container.decodeIfPresent(CalendarDay.self, forKey: .date)
            from = try container.decodeIfPresent(CalendarDay.self, forKey: .from)
            to = try container.decodeIfPresent(CalendarDay.self, forKey: .to)
            // Optional because nearly every entry is official; writing `false` is allowed.
            provisional = try container.decodeIfPresent(Bool.self, forKey: .provisional) ?? false
        }
    }

    /// An adjusted working day: a Saturday or Sunday declared a working day (调休上班).
    struct WorkingDayFile: Decodable {
        var name: String
        var date: CalendarDay

        enum CodingKeys: String, CodingKey, CaseIterable { case name, date }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            date = try container.decode(CalendarDay.self, forKey: .date)
        }
    }

    /// Checks every rule the decoder cannot, naming the key of the first problem.
    func validated(fileName: String) throws -> StorePolicy {
        let error = { (key: String, message: String) in PolicyError(file: fileName, keyPath: key, message: message) }

        guard let zone = TimeZone(identifier: timeZone) else {
            throw error(
                "time_zone", "\"\(timeZone)\" is not a known time zone (use an IANA name such as Asia/Shanghai)")
        }
        let processing = try processingBusinessDays.validated(error, key: "processing_business_days")

        var rulesByRegion: [Region: StorePolicy.RegionRules] = [:]
        for (index, entry) in regions.enumerated() {
            guard let region = Region(rawValue: entry.id) else {
                let known = Region.allCases.map(\.rawValue).joined(separator: ", ")
                throw error("regions.\(entry.id)", "unknown region (regions[\(index)]; known regions: \(known))")
            }
            guard rulesByRegion[region] == nil else { throw error("regions.\(entry.id)", "listed twice") }
            guard !entry.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw error("regions.\(entry.id).name", "is empty")
            }
            let transit = try entry.transitBusinessDays.validated(
                error, key: "regions.\(entry.id).transit_business_days")
            rulesByRegion[region] = StorePolicy.RegionRules(
                region: region, name: entry.name, transitBusinessDays: transit)
        }
        var regionRules: [StorePolicy.RegionRules] = []
        for region in Region.allCases {
            guard let rules = rulesByRegion[region] else {
                throw error(
                    "regions", "no entry for \"\(region.rawValue)\" (every region of the shipping table needs one)")
            }
            regionRules.append(rules)
        }

        guard trackingGraceBusinessDays >= 0 else {
            throw error("tracking_grace_business_days", "\(trackingGraceBusinessDays) is negative")
        }
        guard stalledAfterDays >= 1 else { throw error("stalled_after_days", "\(stalledAfterDays) is less than 1") }
        guard cancellationWindowHours >= 0 else {
            throw error("cancellation_window_hours", "\(cancellationWindowHours) is negative")
        }
        let refund = try self.refund.validated(error)
        let years = try validatedHolidayYears(error)
        let holidays = try validatedHolidays(error, years: years)
        let workingDays = try validatedWorkingDays(error, years: years, holidays: holidays)

        return StorePolicy(
            processingBusinessDays: processing, regionRules: regionRules,
            trackingGraceBusinessDays: trackingGraceBusinessDays, stalledAfterDays: stalledAfterDays, refund: refund,
            cancellationWindowHours: cancellationWindowHours, holidayYears: years, holidays: holidays,
            workingDays: workingDays,
            calendar: BusinessCalendar(
                timeZone: zone,
                holidays: holidays.flatMap { holiday in
                    (holiday.days.earliest.daysSinceEpoch...holiday.days.latest.daysSinceEpoch).map(
                        CalendarDay.init(daysSinceEpoch:))
                },
                workingDays: workingDays.map(\.day)))
    }

    /// The years whose official lists are complete: each once, within the span the calendar tabulates.
    private func validatedHolidayYears(_ error: (String, String) -> PolicyError) throws -> Set<Int> {
        var years = Set<Int>()
        for (index, year) in holidayYears.enumerated() {
            guard (1970...2199).contains(year) else {
                throw error("holiday_years[\(index)]", "\(year) is not a year from 1970 to 2199")
            }
            guard years.insert(year).inserted else { throw error("holiday_years[\(index)]", "\(year) is listed twice") }
        }
        return years
    }

    /// A period's years are the years of its first and last day.
    private static func years(of days: DayWindow) -> [Int] {
        let first = days.earliest.parts.year
        let last = days.latest.parts.year
        return first == last ? [first] : [first, last]
    }

    private func validatedHolidays(_ error: (String, String) -> PolicyError, years: Set<Int>) throws
        -> [StorePolicy.Holiday]
    {
        var holidays: [StorePolicy.Holiday] = []
        for (index, entry) in self.holidays.enumerated() {
            let key = "holidays[\(index)]"
            guard !entry.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw error(key + ".name", "is empty")
            }
            let days: DayWindow
            switch (entry.date, entry.from, entry.to) {
            case (let date?, nil, nil):
                days = DayWindow(earliest: date, latest: date)
            case (nil, let from?, let to?):
                guard from <= to else { throw error(key, "from \(from) is after to \(to)") }
                // A typo in a year (2062 for 2026) would otherwise close the warehouse for decades.
                guard from.days(to: to) < 60 else { throw error(key, "from \(from) to \(to) is longer than 60 days") }
                days = DayWindow(earliest: from, latest: to)
            default:
                throw error(key, "give either date, or from and to")
            }
            if let other = holidays.firstIndex(where: {
                $0.days.earliest <= days.latest && days.earliest <= $0.days.latest
            }) {
                throw error(
                    key,
                    "\(entry.name) \(days) overlaps holidays[\(other)] "
                        + "(\(holidays[other].name) \(holidays[other].days))"
                )
            }
            // An official entry outside the listed years would hide the warning for a year whose list is incomplete;
            // a provisional entry inside them is a guess left behind after the official list was entered.
            for year in Self.years(of: days) {
                if entry.provisional, years.contains(year) {
                    throw error(
                        key,
                        "\(entry.name) \(days) is provisional, but holiday_years lists \(year) as official: "
                            + "remove the provisional entry")
                }
                if !entry.provisional, !years.contains(year) {
                    throw error(
                        key,
                        "\(entry.name) \(days) is in \(year), which holiday_years does not list: add \(year) once its "
                            + "official list is complete, or mark the entry \"provisional\": true")
                }
            }
            holidays.append(StorePolicy.Holiday(name: entry.name, days: days, isProvisional: entry.provisional))
        }
        return holidays
    }

    /// Adjusted working days: weekend days of a listed year, each once, never inside a holiday.
    private func validatedWorkingDays(
        _ error: (String, String) -> PolicyError, years: Set<Int>, holidays: [StorePolicy.Holiday]
    ) throws -> [StorePolicy.WorkingDay] {
        var days: [StorePolicy.WorkingDay] = []
        for (index, entry) in workingDays.enumerated() {
            let key = "working_days[\(index)]"
            guard !entry.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw error(key + ".name", "is empty")
            }
            let day = entry.date
            guard day.isWeekend else {
                throw error(
                    key + ".date", "\(day.longDescription) is a weekday, which is a working day anyway: only a "
                        + "Saturday or Sunday can be an adjusted working day")
            }
            guard years.contains(day.parts.year) else {
                throw error(
                    key + ".date", "\(day) is in \(day.parts.year), which holiday_years does not list")
            }
            if let other = days.firstIndex(where: { $0.day == day }) {
                throw error(key + ".date", "\(day) is listed twice (working_days[\(other)])")
            }
            if let holiday = holidays.firstIndex(where: { $0.days.contains(day) }) {
                throw error(
                    key + ".date",
                    "\(day) is inside holidays[\(holiday)] (\(holidays[holiday].name) \(holidays[holiday].days))")
            }
            days.append(StorePolicy.WorkingDay(name: entry.name, day: day))
        }
        return days
    }
}

extension PolicyFile.RefundFile {
    fileprivate func validated(_ error: (String, String) -> PolicyError) throws -> StorePolicy.RefundRules {
        guard guaranteeDays >= 1 else { throw error("refund.guarantee_days", "\(guaranteeDays) is less than 1") }
        guard let dayKind = StorePolicy.DayKind(rawValue: dayKind) else {
            throw error("refund.day_kind", "\"\(dayKind)\" is not calendar or business")
        }
        guard let starts = StorePolicy.GuaranteeStart(rawValue: guaranteeStarts) else {
            let known = StorePolicy.GuaranteeStart.allCases.map(\.rawValue).joined(separator: " or ")
            throw error("refund.guarantee_starts", "\"\(guaranteeStarts)\" is not \(known)")
        }
        guard requestDays >= 0 else { throw error("refund.request_days", "\(requestDays) is negative") }
        guard closingWarningDays >= 0 else {
            throw error("refund.closing_warning_days", "\(closingWarningDays) is negative")
        }
        guard closingWarningDays <= requestDays else {
            throw error(
                "refund.closing_warning_days",
                "\(closingWarningDays) is longer than the request window (request_days \(requestDays))")
        }
        var excluded = Set<StatusReason>()
        for (index, name) in excludedReasons.enumerated() {
            guard let reason = StatusReason(rawValue: name) else {
                let known = StatusReason.allCases.map(\.rawValue).joined(separator: ", ")
                throw error("refund.excluded_reasons[\(index)]", "unknown reason \"\(name)\" (known: \(known))")
            }
            excluded.insert(reason)
        }
        return StorePolicy.RefundRules(
            guaranteeDays: guaranteeDays, dayKind: dayKind, guaranteeStarts: starts, requestDays: requestDays,
            closingWarningDays: closingWarningDays, excludedReasons: excluded)
    }
}
