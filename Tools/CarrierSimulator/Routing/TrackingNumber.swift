/// A tracking number as the simulator uses it: trimmed, upper-cased, and 1 to 40 ASCII letters or digits.
///
/// Because nothing else gets through, a number is always safe to use as a file name: path traversal is
/// impossible by construction.
struct TrackingNumber: Sendable, Hashable, CustomStringConvertible {
    static let maximumLength = 40

    /// The normalised number, such as `9400111899223197428490` or `EE123456789CN`.
    let value: String

    /// Normalises `raw`, or returns `nil` when what remains after trimming is not 1 to 40 ASCII letters or digits.
    init?(normalizing raw: some StringProtocol) {
        let scalars = String(raw).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return nil }
        let trimmed = String(String.UnicodeScalarView(scalars[first...last]))
        // Checked before upper-casing, because upper-casing can turn non-ASCII letters into ASCII ones ("ß" → "SS").
        guard trimmed.utf8.count <= Self.maximumLength, trimmed.utf8.allSatisfy(FixtureFileName.isASCIIAlphanumeric(_:))
        else { return nil }
        self.value = trimmed.uppercased()
    }

    var description: String {
        self.value
    }
}
