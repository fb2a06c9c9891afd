/// A key of the routing file. Every object there is read through this one key type, so that keys the simulator
/// does not know can be listed and rejected (a typo must not silently turn a fault off).
struct RoutingFileKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    let stringValue: String
    let intValue: Int?

    init(_ name: String) {
        self.stringValue = name
        self.intValue = nil
    }

    init(stringLiteral name: String) {
        self.init(name)
    }

    init?(stringValue: String) {
        self.init(stringValue)
    }

    /// An array index, spelled the way Foundation's `JSONDecoder` spells its own, so key paths print alike.
    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}
