import Foundation

/// Number formatting for the table: thousands separated by commas, as the issue writes its targets.
enum Format {
    /// `1,234` or `1,234.5` with `decimals` digits after the point.
    static func number(_ value: Double, decimals: Int = 0) -> String {
        let rounded = String(format: "%.\(decimals)f", abs(value))
        let parts = rounded.split(separator: ".", maxSplits: 1)
        var whole = ""
        for (index, digit) in parts[0].reversed().enumerated() {
            if index > 0, index % 3 == 0 { whole.append(",") }
            whole.append(digit)
        }
        let sign = value < 0 && rounded.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + String(whole.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A figure with about three significant digits: `1,234`, `56.7`, `0.912`.
    static func figure(_ value: Double) -> String {
        switch abs(value) {
        case 100...: number(value)
        case 10..<100: number(value, decimals: 1)
        case 1..<10: number(value, decimals: 2)
        default: number(value, decimals: 3)
        }
    }

    /// `0.93×`.
    static func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }

    /// `12%` (of a fraction).
    static func percent(_ fraction: Double) -> String { String(format: "%.0f%%", fraction * 100) }

    /// `1.5 s`, `850 ms`.
    static func duration(_ seconds: Double) -> String {
        seconds >= 1 ? "\(figure(seconds)) s" : "\(figure(seconds * 1_000)) ms"
    }

    /// `66.2 MB` (10^6 bytes, as MB/s is).
    static func megabytes(_ bytes: Double) -> String { "\(figure(bytes / 1e6)) MB" }
}
