/// One CSV field as RFC 4180 wants it, and safe to open in a spreadsheet (the same guarantees as the batch's
/// `flagged.csv` always gave).
enum CSVCell {
    /// Quotes when needed; a value starting with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'`
    /// so a spreadsheet shows it as text instead of running it as a formula (CSV injection).
    static func encode(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        // Scalars, not Characters: "\r\n" is one Character equal to neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A record: fields joined by commas, ended by CRLF.
    static func row(_ values: [String]) -> String { values.map(encode).joined(separator: ",") + "\r\n" }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation, which this file does not need otherwise).
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
