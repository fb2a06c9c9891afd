/// A target from issue 6, held as a bound on a figure, with the verdict for a measured value.
struct Target: Sendable {
    enum Bound: Sendable {
        case atLeast(Double)
        case atMost(Double)
    }

    let bound: Bound
    /// How the table states it (`≥ 0.90× C`).
    let text: String

    static func atLeast(_ value: Double, _ text: String) -> Target { Target(bound: .atLeast(value), text: text) }
    static func atMost(_ value: Double, _ text: String) -> Target { Target(bound: .atMost(value), text: text) }

    /// Whether `value` meets the target.
    func isMet(by value: Double) -> Bool {
        switch bound {
        case .atLeast(let limit): value >= limit
        case .atMost(let limit): value <= limit
        }
    }

    /// `met`, or by how much it is missed, relative to the target.
    func verdict(_ value: Double) -> String {
        if isMet(by: value) { return "met" }
        switch bound {
        case .atLeast(let limit): return "missed: \(Format.percent(1 - value / limit)) short"
        case .atMost(let limit): return "missed: \(Format.percent(value / limit - 1)) over"
        }
    }
}
