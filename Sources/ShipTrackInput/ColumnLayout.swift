/// Where each canonical column is in a file, and how messages name it.
struct ColumnLayout {
    /// Per canonical column (``CanonicalColumn/index``): its position in the CSV header, or `nil` when absent.
    /// Empty for JSON Lines.
    let positions: [Int?]
    /// Per canonical column: the CSV header or JSON key that holds it, as a comparison key (``HeaderName/key(_:)``).
    let keys: [String]
    /// Per canonical column: how messages name it, `destination` or `destination (Ship Country)` when mapped.
    let labels: [String]
    /// The CSV header as written, trimmed; empty for JSON Lines.
    let header: [String]

    /// The most headers a message lists: every real export's (Shopify's has about 80), while a hostile header of a
    /// hundred thousand columns cannot make a message of megabytes.
    static let maxListedHeaders = 500

    /// Checks a caller's mapping: every key a canonical column, every header non-empty.
    /// - Returns: the header (or key) each canonical column is read from, as given, per canonical index; and the
    ///   labels messages use.
    static func targets(mapping: [String: String], file: String) throws(InputFileError) -> (
        targets: [String], labels: [String]
    ) {
        var targets = CanonicalColumn.allCases.map(\.rawValue)
        var labels = targets
        for (name, header) in mapping.sorted(by: { $0.key < $1.key }) {
            guard let column = CanonicalColumn(name: name) else {
                throw InputFileError(
                    code: .invalidColumnMapping, file: file,
                    message: "the column mapping \(name)=\(header) names \"\(name)\", which is not a canonical column "
                        + "(\(CanonicalColumn.namesList))")
            }
            let trimmed = header.trimmedWhitespace
            guard !trimmed.isEmpty else {
                throw InputFileError(
                    code: .invalidColumnMapping, file: file,
                    message: "the column mapping for \(column) names an empty header")
            }
            targets[column.index] = trimmed
            if HeaderName.key(trimmed) != column.rawValue { labels[column.index] = "\(column) (\(trimmed))" }
        }
        return (targets, labels)
    }

    /// The layout of a JSON Lines file: keys only.
    static func jsonLines(mapping: [String: String], file: String) throws(InputFileError) -> ColumnLayout {
        let (targets, labels) = try targets(mapping: mapping, file: file)
        return ColumnLayout(positions: [], keys: targets.map(HeaderName.key), labels: labels, header: [])
    }

    /// The layout of a CSV file from its header row.
    /// - Throws: ``InputFileError`` when a required column is absent or a needed header appears twice.
    static func csv(header: [String], mapping: [String: String], file: String, line: Int) throws(InputFileError)
        -> ColumnLayout
    {
        var (targets, labels) = try targets(mapping: mapping, file: file)
        let header = header.map(\.trimmedWhitespace)
        var positionsByKey: [String: [Int]] = [:]
        for (position, name) in header.enumerated() {
            positionsByKey[HeaderName.key(name), default: []].append(position)
        }
        var positions: [Int?] = []
        var missing: [(column: CanonicalColumn, target: String, text: String)] = []
        for column in CanonicalColumn.allCases {
            let target = targets[column.index]
            let found = positionsByKey[HeaderName.key(target)] ?? []
            if found.count > 1 {
                throw InputFileError(
                    code: .duplicateColumn, file: file, line: line,
                    message: "the header has \(found.count) columns named \"\(target)\" (columns "
                        + found.map { String($0 + 1) }.joined(separator: ", ") + "), so \(column) is ambiguous")
            }
            positions.append(found.first)
            if found.isEmpty, column.requiredInHeader {
                let text =
                    mapping.keys.contains(where: { CanonicalColumn(name: $0) == column })
                    ? "\"\(target)\" for \(column) (mapped with \(column)=\(target))" : column.rawValue
                missing.append((column, target, text))
            }
        }
        let mapped = Set(mapping.keys.compactMap { CanonicalColumn(name: $0) })
        for column in CanonicalColumn.allCases
        where positions[column.index] == nil && !column.headerAliases.isEmpty && !mapped.contains(column) {
            let taken = Set(positions.compactMap { $0 })
            guard let (position, name) = alias(of: column, in: header, excluding: taken) else { continue }
            positions[column.index] = position
            targets[column.index] = name
            labels[column.index] = "\(column) (\(name))"
        }
        guard missing.isEmpty else {
            let anyCanonical = positions.contains { $0 != nil }
            // Headers already read as some column are never offered for another.
            let taken = Set(positions.compactMap { $0 })
            var message = "no column "
                + missing.map { item in
                    guard let (position, name) = HeaderName.closest(to: item.target, in: header, excluding: taken)
                    else { return item.text }
                    let wanted =
                        HeaderName.key(item.target) == item.column.rawValue
                        ? item.column.rawValue : "\"\(item.target)\""
                    return item.text + " (\"\(name)\" in column \(position + 1): did you mean \(wanted)? Rename the "
                        + "header, or map it: --column \"\(item.column)=\(name)\")"
                }.joined(separator: ", no column ")
            message += "; the header has: " + ColumnLayout.quotedList(header)
            if !anyCanonical {
                message += " (is the header row missing? Or map the file's own headers with --column canonical=Header)"
            }
            throw InputFileError(code: .missingColumn, file: file, line: line, message: message)
        }
        return ColumnLayout(positions: positions, keys: targets.map(HeaderName.key), labels: labels, header: header)
    }

    /// The header (not at a position in `excluding`) that names `column` in one of its
    /// ``CanonicalColumn/headerAliases``, compared by letters and digits, with its position: the first alias that
    /// exactly one header has. An alias two headers have is passed over, as a guess that cannot be made.
    private static func alias(of column: CanonicalColumn, in header: [String], excluding: Set<Int>) -> (Int, String)? {
        // No alias is longer than this; a hostile header's long names are never reduced to letters.
        let longestName = 64
        let letters = header.map { $0.utf8.count <= longestName ? HeaderName.letters($0) : [] }
        for alias in column.headerAliases {
            let wanted = HeaderName.letters(alias)
            let found = letters.indices.filter { !excluding.contains($0) && letters[$0] == wanted }
            if found.count == 1, let position = found.first { return (position, header[position]) }
        }
        return nil
    }

    /// `"Name", "Tracking Number", …`: every header (each cut after 40 characters), up to ``maxListedHeaders``, so
    /// that the user sees what the file calls each column.
    private static func quotedList(_ names: [String]) -> String {
        var list = names.prefix(maxListedHeaders).map { name in
            "\"" + (name.count > 40 ? String(name.prefix(40)) + "…" : name) + "\""
        }
        if names.count > maxListedHeaders { list.append("and \(names.count - maxListedHeaders) more") }
        return list.isEmpty ? "(nothing)" : list.joined(separator: ", ")
    }
}
