import ShipTrackModel

/// Membership of two-letter codes in ISO 3166-1, as a 26×26 table built once from ``ISOCountry/all``.
///
/// The country rule runs for every S10-shaped number in the nightly batch; indexing a table avoids building a
/// `String` per lookup.
enum ISO3166Alpha2Table {
    private static let assigned: [Bool] = {
        var table = [Bool](repeating: false, count: 26 * 26)
        for country in ISOCountry.all {
            if let index = index(of: country.alpha2.utf8) { table[index] = true }
        }
        return table
    }()

    /// Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper-case ASCII, as numbers are normalized).
    static func contains(_ code: some Collection<UInt8>) -> Bool {
        guard let index = index(of: code) else { return false }
        return assigned[index]
    }

    private static func index(of code: some Collection<UInt8>) -> Int? {
        guard code.count == 2, let first = code.first, let second = code.dropFirst().first,
            (0x41...0x5A).contains(first), (0x41...0x5A).contains(second)
        else { return nil }
        return Int(first - 0x41) * 26 + Int(second - 0x41)
    }
}
