import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Delivers SIGINT and SIGTERM as values instead of letting them kill the process, so the command can stop the
/// simulator cleanly and exit 0.
final class TerminationSignals {
    private let sources: [any DispatchSourceSignal]
    private let received: AsyncStream<Int32>

    init() {
        let (received, continuation) = AsyncStream.makeStream(of: Int32.self)
        self.received = received
        self.sources = [SIGINT, SIGTERM].map { number in
            // The default action must be off for the dispatch source to see the signal instead of the process dying.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    deinit {
        for source in self.sources {
            source.cancel()
        }
    }

    /// Waits for the next SIGINT or SIGTERM and returns its number.
    func next() async -> Int32 {
        for await number in self.received {
            return number
        }
        return SIGTERM
    }
}
