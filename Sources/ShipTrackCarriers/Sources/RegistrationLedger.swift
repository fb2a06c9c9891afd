public import ShipTrackModel
import Synchronization

/// Which numbers are registered with which source, remembered across nights and lookups, so a number is
/// registered once (17TRACK charges a quota unit per registration).
///
/// The nightly run and `lookup` keep it in the state database; tests and one-off uses may keep it in memory.
public protocol RegistrationLedger: Sendable {
    /// The numbers of `numbers` registered with `source`.
    func registered(_ numbers: [String], with source: SourceID) async -> Set<String>
    /// Remembers that `numbers` are registered with `source`.
    func record(_ numbers: [String], with source: SourceID) async
    /// Forgets registrations the source says it no longer has (it stopped tracking them).
    func forget(_ numbers: [String], with source: SourceID) async
}

/// A ledger in memory, for one process.
public final class InMemoryRegistrationLedger: RegistrationLedger {
    private let entries = Mutex<Set<String>>([])

    public init() {}

    public func registered(_ numbers: [String], with source: SourceID) async -> Set<String> {
        entries.withLock { entries in Set(numbers.filter { entries.contains("\(source)|\($0)") }) }
    }

    public func record(_ numbers: [String], with source: SourceID) async {
        entries.withLock { entries in for number in numbers { entries.insert("\(source)|\(number)") } }
    }

    public func forget(_ numbers: [String], with source: SourceID) async {
        entries.withLock { entries in for number in numbers { entries.remove("\(source)|\(number)") } }
    }
}
