import Foundation
import ShipTrackEstimate
import ShipTrackModel
import Testing

/// The built-in policy equals the published one, and bad policy files fail at load naming the key.
struct StorePolicyTests {
    @Test func builtInEqualsThePublishedPolicy() {
        let policy = StorePolicy.builtIn
        #expect(policy.processingBusinessDays == 2...5)
        #expect(policy.transitBusinessDays(for: .unitedStates) == 10...30)
        #expect(policy.transitBusinessDays(for: .canadaEurope) == 10...30)
        #expect(policy.transitBusinessDays(for: .australiaNewZealand) == 10...30)
        #expect(policy.transitBusinessDays(for: .centralSouthAmerica) == 15...30)
        #expect(policy.transitBusinessDays(for: .asia) == 10...20)
        #expect(policy.transitBusinessDays(for: .africa) == 15...45)
        #expect(policy.rules(for: .canadaEurope).name == "Canada, Europe")
        #expect(policy.trackingGraceBusinessDays == 5)
        #expect(policy.stalledAfterDays == 10)
        #expect(policy.refund.guaranteeDays == 45)
        #expect(policy.refund.dayKind == .calendar)
        #expect(policy.refund.guaranteeStarts == .handoverOrProcessingDeadline)
        #expect(policy.refund.requestDays == 15)
        #expect(policy.refund.closingWarningDays == 3)
        #expect(policy.refund.excludedReasons == [.customsHold, .addressIssue, .refused])
        #expect(policy.cancellationWindowHours == 12)
        #expect(policy.timeZone.identifier == "Asia/Shanghai")
        #expect(policy.holidayYears == [2025, 2026])
        // 13 official periods for 2025-2026 and the provisional Spring Festival 2027.
        #expect(policy.holidays.count == 14)
        #expect(policy.holidays.filter(\.isProvisional).map(\.name) == ["Spring Festival"])
        #expect(policy.workingDays.count == 11)
        #expect(policy.calendar.isHoliday(Support.day("2026-02-17")))
        #expect(policy.calendar.workingDays.contains(Support.day("2026-02-14")))
    }

    @Test func loadsAStoreFileAndNamesItInErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-policy-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let good = folder.appendingPathComponent("store.json")
        try Support.editedPolicyJSON { $0["stalled_after_days"] = 7 }.write(to: good)
        #expect(try StorePolicy.load(contentsOf: good).stalledAfterDays == 7)

        let bad = folder.appendingPathComponent("bad-store.json")
        try Support.editedPolicyJSON { $0["stalled_after_days"] = 0 }.write(to: bad)
        #expect(throws: PolicyError(file: "bad-store.json", keyPath: "stalled_after_days", message: "0 is less than 1"))
        {
            try StorePolicy.load(contentsOf: bad)
        }

        let missing = folder.appendingPathComponent("missing.json")
        let error = try #require(throws: PolicyError.self) { try StorePolicy.load(contentsOf: missing) }
        #expect(error.description.contains("missing.json: cannot be read"))
    }

    /// A bad file, the key its error must name and the message.
    struct BadFile: Sendable, CustomTestStringConvertible {
        let label: String
        let keyPath: String
        let message: String
        let edit: @Sendable (inout [String: Any]) -> Void
        var testDescription: String { label }
    }

    static let badFiles: [BadFile] = [
        BadFile(
            label: "transit min above max", keyPath: "regions.asia.transit_business_days", message: "min 20 > max 10"
        ) {
            $0["regions"] = regions(editing: "asia") { $0["transit_business_days"] = ["min": 20, "max": 10] }
        },
        BadFile(
            label: "negative transit", keyPath: "regions.africa.transit_business_days.min", message: "-15 is negative"
        ) {
            $0["regions"] = regions(editing: "africa") { $0["transit_business_days"] = ["min": -15, "max": 45] }
        },
        BadFile(label: "negative processing", keyPath: "processing_business_days.min", message: "-2 is negative") {
            $0["processing_business_days"] = ["min": -2, "max": 5]
        },
        BadFile(label: "processing min above max", keyPath: "processing_business_days", message: "min 5 > max 2") {
            $0["processing_business_days"] = ["min": 5, "max": 2]
        },
        BadFile(
            label: "unknown region", keyPath: "regions.oceania",
            message: "unknown region (regions[6]; known regions: united_states, canada_europe, australia_new_zealand, "
                + "central_south_america, asia, africa)"
        ) {
            var list = $0["regions"] as? [[String: Any]] ?? []
            list.append(["id": "oceania", "name": "Oceania", "transit_business_days": ["min": 10, "max": 30]])
            $0["regions"] = list
        },
        BadFile(
            label: "missing region", keyPath: "regions",
            message: "no entry for \"africa\" (every region of the shipping table needs one)"
        ) {
            $0["regions"] = (($0["regions"] as? [[String: Any]]) ?? []).filter { $0["id"] as? String != "africa" }
        },
        BadFile(label: "region twice", keyPath: "regions.asia", message: "listed twice") {
            var list = $0["regions"] as? [[String: Any]] ?? []
            list.append(["id": "asia", "name": "Asia", "transit_business_days": ["min": 10, "max": 20]])
            $0["regions"] = list
        },
        BadFile(
            label: "overlapping holidays", keyPath: "holidays[1]",
            message: "Bridge day 2026-02-20 – 2026-02-27 overlaps holidays[0] "
                + "(Spring Festival 2026-02-15 – 2026-02-23)"
        ) {
            $0["holidays"] = [
                ["name": "Spring Festival", "from": "2026-02-15", "to": "2026-02-23"],
                ["name": "Bridge day", "from": "2026-02-20", "to": "2026-02-27"],
            ]
        },
        BadFile(
            label: "holiday range reversed", keyPath: "holidays[0]", message: "from 2026-02-23 is after to 2026-02-15"
        ) {
            $0["holidays"] = [["name": "Spring Festival", "from": "2026-02-23", "to": "2026-02-15"]]
        },
        BadFile(
            label: "holiday date that does not exist", keyPath: "holidays[0].date",
            message: "\"2026-02-30\" is not a date (YYYY-MM-DD)"
        ) {
            $0["holidays"] = [["name": "Nowhere day", "date": "2026-02-30"]]
        },
        BadFile(
            label: "holiday with date and range", keyPath: "holidays[0]", message: "give either date, or from and to"
        ) {
            $0["holidays"] = [["name": "Both", "date": "2026-02-03", "from": "2026-02-03", "to": "2026-02-04"]]
        },
        BadFile(
            label: "official holiday in a year not listed", keyPath: "holidays[0]",
            message: "Spring Festival 2027-02-05 – 2027-02-12 is in 2027, which holiday_years does not list: add 2027 "
                + "once its official list is complete, or mark the entry \"provisional\": true"
        ) {
            $0["holidays"] = [["name": "Spring Festival", "from": "2027-02-05", "to": "2027-02-12"]]
        },
        BadFile(
            label: "provisional holiday in a listed year", keyPath: "holidays[13]",
            message: "Spring Festival 2027-02-05 – 2027-02-12 is provisional, but holiday_years lists 2027 as "
                + "official: remove the provisional entry"
        ) {
            $0["holiday_years"] = [2025, 2026, 2027]
        },
        BadFile(label: "holiday year twice", keyPath: "holiday_years[2]", message: "2026 is listed twice") {
            $0["holiday_years"] = [2025, 2026, 2026]
        },
        BadFile(label: "holiday year typo", keyPath: "holiday_years[1]", message: "20266 is not a year from 1970 to 2199") {
            $0["holiday_years"] = [2025, 20266]
        },
        BadFile(
            label: "working day on a weekday", keyPath: "working_days[0].date",
            message: "Tuesday 2026-03-03 is a weekday, which is a working day anyway: only a Saturday or Sunday can "
                + "be an adjusted working day"
        ) {
            $0["working_days"] = [["name": "Spring Festival", "date": "2026-03-03"]]
        },
        BadFile(
            label: "working day inside a holiday", keyPath: "working_days[0].date",
            message: "2026-02-21 is inside holidays[7] (Spring Festival 2026-02-15 – 2026-02-23)"
        ) {
            $0["working_days"] = [["name": "Spring Festival", "date": "2026-02-21"]]
        },
        BadFile(
            label: "working day in a year not listed", keyPath: "working_days[0].date",
            message: "2027-01-09 is in 2027, which holiday_years does not list"
        ) {
            $0["working_days"] = [["name": "New Year's Day", "date": "2027-01-09"]]
        },
        BadFile(label: "working day twice", keyPath: "working_days[1].date", message: "2026-02-14 is listed twice (working_days[0])")
        {
            $0["working_days"] = [
                ["name": "Spring Festival", "date": "2026-02-14"], ["name": "Spring Festival", "date": "2026-02-14"],
            ]
        },
        BadFile(label: "holiday years missing", keyPath: "holiday_years", message: "missing (required)") {
            $0["holiday_years"] = nil
        },
        BadFile(
            label: "unknown time zone", keyPath: "time_zone",
            message: "\"Mars/Olympus\" is not a known time zone (use an IANA name such as Asia/Shanghai)"
        ) {
            $0["time_zone"] = "Mars/Olympus"
        },
        BadFile(label: "negative grace", keyPath: "tracking_grace_business_days", message: "-1 is negative") {
            $0["tracking_grace_business_days"] = -1
        },
        BadFile(label: "negative cancellation window", keyPath: "cancellation_window_hours", message: "-12 is negative")
        {
            $0["cancellation_window_hours"] = -12
        },
        BadFile(label: "zero guarantee", keyPath: "refund.guarantee_days", message: "0 is less than 1") {
            $0["refund"] = refund { $0["guarantee_days"] = 0 }
        },
        BadFile(label: "negative refund window", keyPath: "refund.request_days", message: "-15 is negative") {
            $0["refund"] = refund { $0["request_days"] = -15 }
        },
        BadFile(
            label: "warning longer than window", keyPath: "refund.closing_warning_days",
            message: "20 is longer than the request window (request_days 15)"
        ) {
            $0["refund"] = refund { $0["closing_warning_days"] = 20 }
        },
        BadFile(
            label: "unknown day kind", keyPath: "refund.day_kind", message: "\"weekdays\" is not calendar or business"
        ) {
            $0["refund"] = refund { $0["day_kind"] = "weekdays" }
        },
        BadFile(
            label: "unknown excluded reason", keyPath: "refund.excluded_reasons[1]",
            message: "unknown reason \"weather\" (known: customs_hold, returning_to_sender, returned_to_sender, "
                + "address_issue, lost, damaged, refused, notice_left)"
        ) {
            $0["refund"] = refund { $0["excluded_reasons"] = ["customs_hold", "weather"] }
        },
        BadFile(
            label: "misspelt key", keyPath: "procesing_business_days",
            message: "unknown key (expected one of: time_zone, processing_business_days, regions, "
                + "tracking_grace_business_days, stalled_after_days, refund, cancellation_window_hours, holiday_years, "
                + "holidays, working_days; "
                + "comments go in keys starting with _)"
        ) {
            $0["procesing_business_days"] = $0["processing_business_days"]
        },
        BadFile(label: "missing key", keyPath: "stalled_after_days", message: "missing (required)") {
            $0["stalled_after_days"] = nil
        },
        BadFile(label: "wrong type", keyPath: "processing_business_days.min", message: "expected a whole number") {
            $0["processing_business_days"] = ["min": "two", "max": 5]
        },
    ]

    @Test(arguments: badFiles)
    func badFileIsRejectedNamingTheKey(_ bad: BadFile) throws {
        let json = try Support.editedPolicyJSON(bad.edit)
        let error = try #require(throws: PolicyError.self) { try StorePolicy(json: json) }
        #expect(error.file == "policy.json")
        #expect(error.keyPath == bad.keyPath)
        #expect(error.message == bad.message)
    }

    @Test func errorReadsFileKeyAndMessage() throws {
        let json = try Support.editedPolicyJSON {
            $0["regions"] = StorePolicyTests.regions(editing: "asia") {
                $0["transit_business_days"] = ["min": 20, "max": 10]
            }
        }
        let error = try #require(throws: PolicyError.self) { try StorePolicy(json: json) }
        #expect(error.description == "policy.json: regions.asia.transit_business_days: min 20 > max 10")
    }

    @Test func invalidJSONIsAnErrorForTheWholeFile() {
        let error = #expect(throws: PolicyError.self) { try StorePolicy(json: Data("{ not json".utf8)) }
        #expect(error?.keyPath == "")
        #expect(error?.message.hasPrefix("not valid JSON") == true)
    }

    @Test func commentKeysAreIgnored() throws {
        let policy = try Support.policy { $0["_my_note"] = "the store's own comment" }
        #expect(policy.processingBusinessDays == 2...5)
    }

    static func regions(editing id: String, _ edit: (inout [String: Any]) -> Void) -> [[String: Any]] {
        let object = try? JSONSerialization.jsonObject(with: Data(StorePolicy.builtInJSON.utf8)) as? [String: Any]
        return ((object?["regions"] as? [[String: Any]]) ?? []).map { region in
            var region = region
            if region["id"] as? String == id { edit(&region) }
            return region
        }
    }

    static func refund(_ edit: (inout [String: Any]) -> Void) -> [String: Any] {
        let object = try? JSONSerialization.jsonObject(with: Data(StorePolicy.builtInJSON.utf8)) as? [String: Any]
        var refund = (object?["refund"] as? [String: Any]) ?? [:]
        edit(&refund)
        return refund
    }
}
