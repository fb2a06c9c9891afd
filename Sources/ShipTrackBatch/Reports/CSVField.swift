import Foundation
/// One CSV field as RFC 4180 wants it, and safe to open in a spreadsheet.
enum CSVField {
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

    static func row(_ values: [String]) -> String { values.map(encode).joined(separator: ",") + "\r\n" }
}
