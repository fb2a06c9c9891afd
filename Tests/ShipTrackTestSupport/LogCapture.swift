public import Logging
import Synchronization

/// Every log line a logger writes, at every level: for the tests that search logs for secrets.
public final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    /// The lines so far, one a line: level, message and metadata.
    public var text: String { lines.withLock { $0.joined(separator: "\n") } }

    /// A handler for `Logger(label:factory:)` that writes here, at trace level.
    public func handler() -> any LogHandler { CapturingHandler(capture: self) }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    private struct CapturingHandler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            capture.append("\(event.level) \(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })")
        }
    }
}
