import Foundation
import GRDB
public import ShipTrackCarriers
public import ShipTrackModel

/// The state database remembers which numbers are registered with which source, for the nightly run and lookups.
extension BatchStore: RegistrationLedger {
    public func registered(_ numbers: [String], with source: SourceID) async -> Set<String> {
        guard !numbers.isEmpty else { return [] }
        return (try? read("read registrations") { db in
            var found = Set<String>()
            let statement = try db.cachedStatement(
                sql: "SELECT 1 FROM registrations WHERE source = ? AND tracking_number = ?")
            for number in numbers where try Bool.fetchOne(statement, arguments: [source.rawValue, number]) != nil {
                found.insert(number)
            }
            return found
        }) ?? []
    }

    public func record(_ numbers: [String], with source: SourceID) async {
        guard !numbers.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        _ = try? write("record registrations") { db in
            let statement = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO registrations (source, tracking_number, registered_at) VALUES (?, ?, ?)")
            for number in numbers { try statement.execute(arguments: [source.rawValue, number, now]) }
        }
    }

    public func forget(_ numbers: [String], with source: SourceID) async {
        guard !numbers.isEmpty else { return }
        _ = try? write("forget registrations") { db in
            let statement = try db.cachedStatement(sql: "DELETE FROM registrations WHERE source = ? AND tracking_number = ?")
            for number in numbers { try statement.execute(arguments: [source.rawValue, number]) }
        }
    }
}
