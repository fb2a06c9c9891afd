/// FNV-1a (64 bits): a hash that is the same on every run and every platform, unlike Swift's seeded `Hasher`.
enum StableHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func fnv1a(_ bytes: some Sequence<UInt8>, seed: UInt64 = offsetBasis) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* prime
        }
        return hash
    }
}

/// SplitMix64: a tiny, fast generator whose whole output follows from its seed, so generated pages, faults and
/// order files are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9e37_79b9_7f4a_7c15
        return Self.mix(self.state)
    }

    /// The SplitMix64 finaliser: a good 64-bit mix of one value, for one-off draws such as the n-th request's.
    static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        return mixed ^ (mixed >> 31)
    }

    /// Uniform in `0 ..< 1`, with 53 random bits.
    mutating func unit() -> Double {
        Double(self.next() >> 11) * 0x1.0p-53
    }

    /// Uniform in `range` (the tiny modulo bias does not matter here).
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(self.next() % width)
    }

    /// Uniform in `range`.
    mutating func real(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * self.unit()
    }

    /// `true` with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        self.unit() < probability
    }

    /// One of `items`, uniformly; `items` must not be empty.
    mutating func element<Element>(of items: [Element]) -> Element {
        items[Int(self.next() % UInt64(items.count))]
    }
}

/// Values with integer weights, drawn in proportion to them.
///
/// The draw itself is on indices (``pickIndex(_:)``), which keeps the hot path free of generic metadata look-ups.
struct WeightedTable<Value: Sendable>: Sendable {
    let values: [Value]
    private let cumulative: [UInt64]
    private let total: UInt64

    init(_ entries: [(Value, Int)]) {
        precondition(!entries.isEmpty && entries.allSatisfy { $0.1 >= 0 })
        var total: UInt64 = 0
        var cumulative: [UInt64] = []
        for entry in entries {
            total += UInt64(entry.1)
            cumulative.append(total)
        }
        precondition(total > 0)
        self.values = entries.map(\.0)
        self.cumulative = cumulative
        self.total = total
    }

    func pick(_ random: inout SplitMix64) -> Value {
        self.values[self.pickIndex(&random)]
    }

    func pickIndex(_ random: inout SplitMix64) -> Int {
        let draw = random.next() % self.total
        return self.cumulative.withUnsafeBufferPointer { bounds in
            // The first bound above the draw, by binary search.
            var low = 0
            var high = bounds.count - 1
            while low < high {
                let middle = (low + high) / 2
                if draw < bounds[middle] {
                    high = middle
                } else {
                    low = middle + 1
                }
            }
            return low
        }
    }
}
