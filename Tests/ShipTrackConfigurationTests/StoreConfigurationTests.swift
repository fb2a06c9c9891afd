import Foundation
import ShipTrackConfiguration
import ShipTrackModel
import Testing

/// The store's configuration file: every key read with its type, each mistake named by file and key.
@Suite("Store configuration file")
struct StoreConfigurationTests {
    static func load(_ json: String) throws -> StoreConfiguration {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-config-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try StoreConfiguration.load(path: url.path, environment: [:])
    }

    static func error(_ json: String) -> String? {
        do {
            _ = try load(json)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("No file at all is every default")
    func noFile() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-empty-\(UUID().uuidString)")
        let configuration = try StoreConfiguration.load(path: nil, environment: ["XDG_CONFIG_HOME": home.path])
        #expect(configuration.file == nil)
        #expect(configuration.sources.preferences.isEmpty)
        #expect(configuration.reports.keepDays == nil)
    }

    @Test("Every documented key is read with its type")
    func everyKey() throws {
        let configuration = try Self.load("""
            {
              "store": { "name": "Lotus Home Goods" },
              "database": "~/shop/state.sqlite",
              "policy": "/etc/shop/policy.json",
              "orders": { "format": "csv", "date_order": "dmy", "columns": { "order_id": "Name" } },
              "sources": {
                "credentials_file": "/etc/shop/credentials",
                "preferences": { "epacket": ["chinapost-page", "17track"] },
                "limits": { "usps-api": { "calls_per_hour": 0, "concurrency": 1 }, "17track": { "units_per_night": 100, "requests_per_second": 2.5 } },
                "longest_retry_wait": "10m",
                "base_url": "http://127.0.0.1:8080"
              },
              "reports": { "folder": "/srv/reports", "keep_days": 1, "csv_rows": "flag", "templates": "/etc/shop/messages.json", "group_readable": true }
            }
            """)
        #expect(configuration.storeName == "Lotus Home Goods")
        #expect(configuration.orders.dateOrder == "dmy")
        #expect(configuration.orders.columns == ["order_id": "Name"])
        #expect(configuration.sources.preferences["epacket"] == ["chinapost-page", "17track"])
        #expect(configuration.sources.limits["usps-api"]?.callsPerHour == 0, "0: no hourly count")
        #expect(configuration.sources.limits["usps-api"]?.concurrency == 1, "1 is a number, not true")
        #expect(configuration.sources.limits["17track"]?.unitsPerNight == 100)
        #expect(configuration.sources.limits["17track"]?.requestsPerSecond == 2.5)
        #expect(configuration.sources.longestRetryWait == .seconds(600))
        #expect(configuration.reports.keepDays == 1, "1 is a number, not true")
        #expect(configuration.reports.csvRows == "flag")
        #expect(configuration.reports.groupReadable == true)
    }

    @Test("Each mistake names the file, the key and what is wrong", arguments: [
        (#"{"reports": {"keep_day": 3}}"#, #"reports.keep_day: unknown key; did you mean "keep_days"?"#),
        (#"{"reports": {"keep_days": true}}"#, "reports.keep_days: must be a whole number from 1 to 3650"),
        (#"{"reports": {"keep_days": 0}}"#, "reports.keep_days: must be a whole number from 1 to 3650"),
        (#"{"reports": {"group_readable": 1}}"#, "reports.group_readable: must be true or false"),
        (#"{"reports": {"csv_rows": "rows"}}"#, "reports.csv_rows: must be one of order, flag"),
        (#"{"sources": {"preferences": {"usps": "usps-api"}}}"#, "sources.preferences.usps: must be a list of source names"),
        (#"{"sources": {"longest_retry_wait": "soon"}}"#, "sources.longest_retry_wait"),
        (#"{"sources": {"limits": {"usps-api": {"calls_per_hours": 5}}}}"#, "sources.limits.usps-api.calls_per_hours: unknown key"),
        (#"{"orders": {"columns": {"order_id": 7}}}"#, "orders.columns.order_id"),
        (#"[1, 2]"#, "must be an object"),
    ])
    func mistakes(json: String, expected: String) {
        let message = Self.error(json)
        #expect(message?.contains(expected) == true, "\(message ?? "accepted")")
        #expect(message?.contains(".json") == true, "names the file")
    }
}
