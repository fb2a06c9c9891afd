/// How header names, JSON keys and mapping targets are compared: surrounding white space dropped, case ignored.
enum HeaderName {
    /// The comparison key of a name (`" Shipping Country "` → `shipping country`).
    static func key(_ name: some StringProtocol) -> String {
        String(name).trimmedWhitespace.lowercased()
    }
}

extension String {
    /// Without surrounding white space.
    var trimmedWhitespace: String {
        var scalars = unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        var trimmed = String.UnicodeScalarView()
        trimmed.append(contentsOf: scalars)
        return String(trimmed)
    }
}
