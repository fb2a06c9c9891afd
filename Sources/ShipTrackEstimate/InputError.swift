/// Input that cannot be estimated, naming the field and the value: `--ordered-at: "2026-13-01" is not a date`.
///
/// Fields are named as the caller calls them: ``TimestampParser`` and ``CountryTable`` take the field's name, and
/// the ``Estimator`` uses ``Field`` names (`ordered_at`, `shipped_at`, `destination`, `as_of`) that a command turns
/// into its option names with ``renamingField(_:)``.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem, so callers can react without parsing the message.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The field was empty.
        public static let missing = Code("missing")
        /// The text is not a date or time in an accepted form, or the date does not exist.
        public static let notADate = Code("not_a_date")
        /// A date and time was given without a UTC offset.
        public static let missingOffset = Code("missing_offset")
        /// The order time is after "now".
        public static let orderInFuture = Code("order_in_future")
        /// The ship time is before the order time.
        public static let shippedBeforeOrder = Code("shipped_before_order")
        /// The ship time is after "now".
        public static let shipmentInFuture = Code("shipment_in_future")
        /// The country is not an ISO 3166-1 code or a known name.
        public static let unknownCountry = Code("unknown_country")
        /// The value is not one of the accepted names (a status, a reason).
        public static let unknownValue = Code("unknown_value")
    }

    /// Names of the fields the estimator checks, as used in ``InputError/field``.
    public enum Field {
        public static let orderedAt = "ordered_at"
        public static let shippedAt = "shipped_at"
        public static let destination = "destination"
        public static let asOf = "as_of"
    }

    public let code: Code
    /// The field as the caller names it (`--ordered-at`, `ordered_at`, a CSV column).
    public let field: String
    /// The value as given.
    public let value: String
    /// What is wrong, following the quoted value: `is not a date (month 13 does not exist)`.
    public let problem: String
    /// For an unknown country: the countries whose names are nearest to the value, nearest first (the "did you
    /// mean" of ``problem``); empty otherwise.
    public let suggestions: [ResolvedCountry]

    public init(code: Code, field: String, value: String, problem: String, suggestions: [ResolvedCountry] = []) {
        self.code = code
        self.field = field
        self.value = value
        self.problem = problem
        self.suggestions = suggestions
    }

    /// `--ordered-at: "2026-13-01" is not a date (month 13 does not exist)`.
    public var description: String { "\(field): \"\(value)\" \(problem)" }

    /// The same error naming the field differently, with every mention of the other fields renamed the same way
    /// (for example `ordered_at` to `--ordered-at`).
    public func renamingField(_ rename: (String) -> String) -> InputError {
        var problem = problem
        for name in [Field.orderedAt, Field.shippedAt, Field.destination, Field.asOf] {
            problem = problem.replacingAll(name, with: rename(name))
        }
        return InputError(code: code, field: rename(field), value: value, problem: problem, suggestions: suggestions)
    }
}

extension String {
    /// Plain substring replacement without Foundation (this file needs nothing else from it).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
