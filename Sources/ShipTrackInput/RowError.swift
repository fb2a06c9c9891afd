/// A row of an order file that is skipped, naming the file, the line it starts on, the field and the value.
///
/// Printed as `orders.csv:17: destination: "Narnia" is not a known country (…)`, or with the header a mapping named
/// as `orders.csv:17: destination (Ship Country): "Narnia" …`. Problems of the whole row (wrong number of fields,
/// broken quoting, a line that is not a JSON object) have no field.
public struct RowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem, so callers can count and react without parsing the message.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A required value is empty, or a JSON key is absent.
        public static let missingValue = Code("missing_value")
        /// The destination is not an ISO 3166-1 code or a known country name.
        public static let unknownCountry = Code("unknown_country")
        /// A time is not a date or time in an accepted form, or the date does not exist.
        public static let notADate = Code("not_a_date")
        /// A date and time without a UTC offset.
        public static let missingOffset = Code("missing_offset")
        /// `shipped_at` is before `ordered_at`.
        public static let shippedBeforeOrdered = Code("shipped_before_ordered")
        /// A CSV row with more or fewer fields than the header.
        public static let wrongFieldCount = Code("wrong_field_count")
        /// A field longer than ``InputOptions/maxFieldBytes``.
        public static let fieldTooLong = Code("field_too_long")
        /// A row longer than ``InputOptions/maxRecordBytes``.
        public static let rowTooLong = Code("row_too_long")
        /// A field that is not UTF-8 text (invalid bytes, or a NUL byte).
        public static let invalidText = Code("invalid_text")
        /// Broken CSV quoting: a quoted field never closed, or text after a closing quote.
        public static let malformedCSV = Code("malformed_csv")
        /// A JSON Lines line that is not one well-formed JSON object.
        public static let malformedJSON = Code("malformed_json")
        /// A JSON value of the wrong kind (an object where a string belongs), or a key given twice.
        public static let unexpectedJSONValue = Code("unexpected_json_value")
    }

    public let code: Code
    /// The file as the caller named it.
    public let file: String
    /// The physical line the row starts on.
    public let line: Int
    /// The canonical column at fault, if one is.
    public let column: CanonicalColumn?
    /// The field as messages name it: `destination`, `destination (Ship Country)`, or another header's name; `nil`
    /// for problems of the whole row.
    public let field: String?
    /// The value at fault as written (at most 200 characters, then `…`); `nil` when no value is at fault.
    public let value: String?
    /// What is wrong, following the quoted value when there is one: `is not a known country (…)`.
    public let message: String

    public init(
        code: Code, file: String, line: Int, column: CanonicalColumn? = nil, field: String? = nil,
        value: String? = nil, message: String
    ) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.value = value.map(RowError.shortened)
        self.message = message
    }

    /// `orders.csv:17: destination: "Narnia" is not a known country (…)`.
    public var description: String {
        var text = "\(file):\(line): "
        if let field { text += "\(field): " }
        if let value { text += "\"\(value)\" " }
        return text + message
    }

    /// The longest value kept, in characters: enough to recognise it, bounded for a batch collecting many errors.
    static let maxValueCharacters = 200

    private static func shortened(_ value: String) -> String {
        guard value.utf8.count > maxValueCharacters, value.count > maxValueCharacters else { return value }
        return String(value.prefix(maxValueCharacters)) + "…"
    }
}
