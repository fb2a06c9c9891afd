/// A format's `check_digit` object: a named algorithm and its parameters.
///
/// ```json
/// "check_digit": { "algorithm": "mod10", "weights": [3, 1], "serial_prefix": "91" }
/// ```
public struct CheckDigitRule: Decodable, Sendable {
    /// The algorithm's name: `s10`, `mod10` or `none`.
    public let algorithm: String
    /// For `mod10`: the weights, applied from the serial's rightmost digit leftwards and repeated as needed.
    public let weights: [Int]?
    /// For `mod10`: digits weighted as if they preceded the serial (USPS 20-digit numbers omit a leading `91`).
    public let serialPrefix: String?

    /// The algorithm with its parameters checked; nil when the rule has problems.
    let resolved: CheckDigitAlgorithm?
    /// Problems found while decoding, with key paths relative to this object.
    let problems: [RuleProblem]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case algorithm
        case weights
        case serialPrefix = "serial_prefix"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        algorithm = try container.decodeIfPresent(String.self, forKey: .algorithm) ?? ""
        weights = try container.decodeIfPresent([Int].self, forKey: .weights)
        serialPrefix = try container.decodeIfPresent(String.self, forKey: .serialPrefix)
        var problems = try decoder.unknownKeyProblems(known: CodingKeys.allCases.map(\.rawValue))
        let (resolved, resolveProblems) = Self.resolve(algorithm, weights: weights, serialPrefix: serialPrefix)
        problems += resolveProblems
        self.resolved = problems.isEmpty ? resolved : nil
        self.problems = problems
    }

    /// A rule for a format whose file has no `check_digit` object at all.
    static let missing = CheckDigitRule(
        algorithm: "", weights: nil, serialPrefix: nil, resolved: nil,
        problems: [
            RuleProblem(
                code: .missingEntry, keyPath: "",
                message: "missing; write {\"algorithm\": \"none\"} for a format without a check digit")
        ])

    private init(
        algorithm: String, weights: [Int]?, serialPrefix: String?, resolved: CheckDigitAlgorithm?,
        problems: [RuleProblem]
    ) {
        self.algorithm = algorithm
        self.weights = weights
        self.serialPrefix = serialPrefix
        self.resolved = resolved
        self.problems = problems
    }

    /// The check digit this rule gives for `serial`, or nil when it cannot say.
    ///
    /// Nil for the `none` algorithm, for a rule with problems, and for a serial the algorithm cannot weigh (not
    /// digits; for `s10`, not exactly 8 of them). Useful for making test numbers.
    public func checkDigit(forSerial serial: String) -> Int? {
        guard case .digit(let digit) = resolved?.compute(serial: serial.utf8) else { return nil }
        return digit
    }

    private static func resolve(
        _ algorithm: String, weights: [Int]?, serialPrefix: String?
    ) -> (CheckDigitAlgorithm?, [RuleProblem]) {
        func parameterProblems(allowed: [CodingKeys]) -> [RuleProblem] {
            var present: [CodingKeys] = []
            if weights != nil { present.append(.weights) }
            if serialPrefix != nil { present.append(.serialPrefix) }
            return present.filter { !allowed.contains($0) }.map {
                RuleProblem(
                    code: .invalidParameter, keyPath: $0.rawValue,
                    message: "not a parameter of \(algorithm); remove it")
            }
        }
        switch algorithm {
        case "s10":
            let problems = parameterProblems(allowed: [])
            return (problems.isEmpty ? .s10 : nil, problems)
        case "none":
            let problems = parameterProblems(allowed: [])
            return (problems.isEmpty ? CheckDigitAlgorithm.none : nil, problems)
        case "mod10":
            var problems: [RuleProblem] = []
            if let weights, !weights.isEmpty, weights.allSatisfy({ (1...9).contains($0) }) {
                // Valid.
            } else {
                problems.append(
                    RuleProblem(
                        code: .invalidParameter, keyPath: CodingKeys.weights.rawValue,
                        message: "mod10 needs weights: a non-empty list of numbers from 1 to 9, such as [3, 1]"))
            }
            var prefixDigits: [UInt8] = []
            if let serialPrefix {
                prefixDigits = Array(serialPrefix.utf8)
                if prefixDigits.isEmpty || !prefixDigits.allSatisfy({ (0x30...0x39).contains($0) }) {
                    problems.append(
                        RuleProblem(
                            code: .invalidParameter, keyPath: CodingKeys.serialPrefix.rawValue,
                            message: "must be one or more digits, such as \"91\""))
                }
            }
            guard problems.isEmpty, let weights else { return (nil, problems) }
            return (.mod10(weights: weights, prefix: prefixDigits), [])
        case "":
            return (
                nil,
                [
                    RuleProblem(
                        code: .missingEntry, keyPath: CodingKeys.algorithm.rawValue,
                        message: "missing; one of \(CheckDigitAlgorithm.names.joined(separator: ", "))")
                ]
            )
        default:
            return (
                nil,
                [
                    RuleProblem(
                        code: .unknownAlgorithm, keyPath: CodingKeys.algorithm.rawValue,
                        message: "unknown check-digit algorithm \"\(algorithm)\" "
                            + "(known: \(CheckDigitAlgorithm.names.joined(separator: ", ")))")
                ]
            )
        }
    }
}
