#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall and CPU time of this process, read the way the C reference reads them (`clock_gettime`), so both sides of
/// a ratio are measured with the same clocks.
enum ProcessClock {
    /// Seconds on the monotonic clock.
    static var wallSeconds: Double { seconds(CLOCK_MONOTONIC) }

    /// CPU seconds used by every thread of this process so far.
    static var cpuSeconds: Double { seconds(CLOCK_PROCESS_CPUTIME_ID) }

    private static func seconds(_ clock: clockid_t) -> Double {
        var now = timespec()
        clock_gettime(clock, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
