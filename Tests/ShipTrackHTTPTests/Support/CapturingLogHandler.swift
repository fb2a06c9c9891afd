import Logging
import Synchronization

/// A log handler that keeps every line (message and metadata, as text) so a test can read what was logged.
struct CapturingLogHandler: LogHandler {
    /// The lines logged through every copy of this handler.
    final class Storage: Sendable {
        private let lines = Mutex<[String]>([])

        /// Each line as `level message key=value ...`, metadata keys in order.
        var text: [String] { lines.withLock { $0 } }

        func append(_ line: String) { lines.withLock { $0.append(line) } }
    }

    let storage: Storage
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = all.keys.sorted().map { "\($0)=\(all[$0]!)" }
        storage.append((["\(event.level)", "\(event.message)"] + fields).joined(separator: " "))
    }

    /// A logger at trace level whose lines land in `storage`.
    static func logger(_ storage: Storage) -> Logger {
        Logger(label: "capture") { _ in CapturingLogHandler(storage: storage) }
    }
}
