/// "Did you mean ...?" for a country name that does not resolve: the names and aliases nearest to it by edit
/// distance, and the note of a known lookalike (`Columbia`).
///
/// Only consulted after an exact look-up failed, so it costs nothing on the batch's hot path; a miss compares the
/// name with the table's ~700 spellings, skipping those whose length alone rules them out.
struct CountrySuggestions: Sendable {
    /// One spelling of a country, normalized as ``CountryTable/normalize(_:)`` does, with the text to show.
    private struct Spelling: Sendable {
        let scalars: [Unicode.Scalar]
        let display: String
        let index: Int
    }

    private let spellings: [Spelling]
    /// Normalized lookalike names to the country they are mistaken for and the note to show.
    private let lookalikes: [String: (index: Int, note: String)]

    /// A suggestion: the spelling to show and the index of its country in the table.
    struct Suggestion: Hashable, Sendable {
        let display: String
        let index: Int
    }

    init(spellings: [(name: String, index: Int)], lookalikes: [(name: String, index: Int, note: String)]) {
        var seen = Set<String>()
        var list: [Spelling] = []
        for (name, index) in spellings {
            let normalized = CountryTable.normalize(name)
            guard seen.insert(normalized).inserted else { continue }
            list.append(Spelling(scalars: Array(normalized.unicodeScalars), display: name, index: index))
        }
        self.spellings = list
        var byName: [String: (index: Int, note: String)] = [:]
        for lookalike in lookalikes { byName[CountryTable.normalize(lookalike.name)] = (lookalike.index, lookalike.note) }
        self.lookalikes = byName
    }

    /// The lookalike entry for a normalized name, if the file lists it.
    func lookalike(_ normalized: String) -> (index: Int, note: String)? { lookalikes[normalized] }

    /// Up to three countries whose names are nearest to `normalized`, nearest first, each once.
    ///
    /// Short inputs get no suggestion (a two- or three-letter text is a code, and every code is one edit from
    /// dozens of others); longer ones allow 1 edit up to 5 letters, 2 up to 8, then 3. Only names within one edit
    /// of the nearest are offered, so "Austrila" gets Austria (1) and Australia (2) but not a far third.
    func nearest(to normalized: String) -> [Suggestion] {
        let input = Array(normalized.unicodeScalars)
        let limit =
            switch input.count {
            case ...3: 0
            case ...5: 1
            case ...8: 2
            default: 3
            }
        guard limit > 0 else { return [] }
        var found: [(distance: Int, order: Int, suggestion: Suggestion)] = []
        for (order, spelling) in spellings.enumerated() where abs(spelling.scalars.count - input.count) <= limit {
            let distance = Self.distance(input, spelling.scalars, limit: limit)
            if distance <= limit {
                found.append((distance, order, Suggestion(display: spelling.display, index: spelling.index)))
            }
        }
        guard let best = found.map(\.distance).min() else { return [] }
        var countries = Set<Int>()
        return
            found
            .filter { $0.distance <= best + 1 }
            .sorted { ($0.distance, $0.order) < ($1.distance, $1.order) }
            .filter { countries.insert($0.suggestion.index).inserted }
            .prefix(3)
            .map(\.suggestion)
    }

    /// Optimal string alignment distance (insertions, deletions, substitutions and swaps of neighbours, each 1),
    /// or a value above `limit` as soon as every alignment exceeds it.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
