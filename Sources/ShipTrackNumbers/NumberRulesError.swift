/// A problem in a carrier file's `numbers` section, naming the file and the key path that holds it.
///
/// `description` reads `usps.json: numbers.formats[2].pattern: ...`, so a store engineer can go straight to the
/// line. Codes are static members of an open struct, so adding a code never breaks a caller's `switch`.
public struct NumberRulesError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unknownKey = "unknown_key"
            case invalidPattern = "invalid_pattern"
            case missingCaptureGroup = "missing_capture_group"
            case unknownAlgorithm = "unknown_algorithm"
            case invalidParameter = "invalid_parameter"
            case missingEntry = "missing_entry"
            case validTestNumberRejected = "valid_test_number_rejected"
            case invalidTestNumberAccepted = "invalid_test_number_accepted"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A key this version of the format does not know (usually a typo that would otherwise be ignored).
        public static let unknownKey = Code(.unknownKey)
        /// A `pattern` that is not a valid regular expression or is not anchored with `^` and `$`.
        public static let invalidPattern = Code(.invalidPattern)
        /// A `pattern` without a named group its rules need (`serial`, `check`, `country`).
        public static let missingCaptureGroup = Code(.missingCaptureGroup)
        /// A `check_digit.algorithm` that is not one of `s10`, `mod10`, `none`.
        public static let unknownAlgorithm = Code(.unknownAlgorithm)
        /// A check-digit parameter that is missing, malformed or does not belong to its algorithm.
        public static let invalidParameter = Code(.invalidParameter)
        /// A required list that is empty (no formats, no valid or no invalid test numbers).
        public static let missingEntry = Code(.missingEntry)
        /// A valid test number that no format claims, or that more than one format claims.
        public static let validTestNumberRejected = Code(.validTestNumberRejected)
        /// An invalid test number that a format claims.
        public static let invalidTestNumberAccepted = Code(.invalidTestNumberAccepted)

        /// The stable snake_case name of the code.
        public var description: String { base.rawValue }
    }

    /// What kind of problem this is.
    public let code: Code
    /// The carrier file, such as `usps.json`.
    public let file: String
    /// Where in the file, such as `numbers.formats[2].pattern`.
    public let keyPath: String
    /// What is wrong, in one line.
    public let message: String

    /// Creates an error; the carrier loader normally gets these from ``NumberRules/validate(file:)``.
    public init(code: Code, file: String, keyPath: String, message: String) {
        self.code = code
        self.file = file
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String { "\(file): \(keyPath): \(message)" }
}

/// A problem found while decoding, before the file name is known; ``NumberRules/validate(file:)`` reports it.
struct RuleProblem: Hashable, Sendable {
    var code: NumberRulesError.Code
    /// Relative to the object that found it; parents prepend their own path.
    var keyPath: String
    var message: String

    func nested(under parent: String) -> RuleProblem {
        RuleProblem(code: code, keyPath: keyPath.isEmpty ? parent : "\(parent).\(keyPath)", message: message)
    }
}
