/// How header names, JSON keys and mapping targets are compared: surrounding white space dropped, case ignored.
enum HeaderName {
    /// The comparison key of a name (`" Shipping Country "` → `shipping country`).
    static func key(_ name: some StringProtocol) -> String {
        String(name).trimmedWhitespace.lowercased()
    }

    /// A name reduced to its letters and digits, lower-cased (`Tracking-Number ` → `trackingnumber`), for telling a
    /// typo from another name.
    static func letters(_ name: some StringProtocol) -> [Character] {
        name.lowercased().filter { $0.isLetter || $0.isNumber }.map { $0 }
    }

    /// The header in `header` (not at a position in `excluding`) that looks like a typo of `target`, with its
    /// position: equal once reduced to letters and digits (`Order-ID` for `order_id`), or one edit away from it (two
    /// for names of more than eight letters: `trackng_number`, `Tracking Nunber`). The nearest wins, then the first.
    static func closest(to target: String, in header: [String], excluding: Set<Int>) -> (Int, String)? {
        let wanted = letters(target)
        guard !wanted.isEmpty else { return nil }
        let allowed = wanted.count > 8 ? 2 : 1
        var best: (position: Int, name: String, distance: Int)? = nil
        for (position, name) in header.enumerated() where !excluding.contains(position) && name.count <= 200 {
            let distance = editDistance(letters(name), wanted, limit: allowed)
            guard distance <= allowed, distance < best?.distance ?? Int.max else { continue }
            best = (position, name, distance)
        }
        return best.map { ($0.position, $0.name) }
    }

    /// Levenshtein distance between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
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
