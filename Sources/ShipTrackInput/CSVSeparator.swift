/// The byte between the fields of a CSV file.
///
/// Spreadsheets in many European locales save "CSV" with `;` (the comma is their decimal mark); a "text" export is
/// tab-separated. The reader finds which one a file uses from its header (``InputOptions/separator`` `nil`).
public enum CSVSeparator: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case comma = ","
    case semicolon = ";"
    case tab = "\t"

    /// `','`, `';'` or `tab`, for messages.
    public var description: String {
        switch self {
        case .comma: "','"
        case .semicolon: "';'"
        case .tab: "tab"
        }
    }

    /// The separator a command-line name gives: `,` / `comma`, `;` / `semicolon`, `tab` / `\t`, in any case.
    public init?(name: String) {
        switch name.lowercased() {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "tab", "\t", "\\t": self = .tab
        default: return nil
        }
    }

    var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        }
    }
}
