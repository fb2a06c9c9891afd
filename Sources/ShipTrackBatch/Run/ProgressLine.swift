import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress display with rate and ETA, redrawn at most twice a second, only when stderr is a terminal
/// (cron mails stderr: it must not fill with carriage returns).
final class ProgressLine: Sendable {
    private struct State {
        var done = 0
        var lastDraw: ContinuousClock.Instant?
    }

    private let enabled: Bool
    private let started = ContinuousClock.now
    private let state = Mutex(State())
    private let label: String

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func advance(by count: Int, total: Int?) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            state.done += count
            if let last = state.lastDraw, now - last < .milliseconds(500) { return nil }
            state.lastDraw = now
            let seconds = max(0.001, Double((now - started) / .milliseconds(1)) / 1_000)
            let rate = Double(state.done) / seconds
            var text = "\r\(label): \(state.done)"
            if let total, total > 0 {
                text += "/\(total)"
                if rate > 0 { text += ", ETA \(Int(Double(max(0, total - state.done)) / rate)) s" }
            }
            return text + String(format: ", %.0f/s   ", rate)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
