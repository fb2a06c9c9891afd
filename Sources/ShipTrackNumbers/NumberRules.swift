import Foundation

/// The `numbers` section of a carrier file: which tracking numbers the carrier claims, and its test numbers.
///
/// Decoding never fails on a mistake in the rules themselves (an unknown algorithm, a bad pattern, a typo in a
/// key); it fails only on malformed JSON types. ``validate(file:)`` then reports the first mistake with the file
/// name and key path. Patterns are compiled while decoding, so loading a file is the only time that happens.
///
/// See `docs/number-formats.md` for the format.
public struct NumberRules: Decodable, Sendable {
    /// The shapes of number the carrier claims, in file order.
    public let formats: [NumberFormat]
    /// The file's own valid and invalid examples.
    public let testNumbers: TestNumbers

    /// Problems found while decoding, with key paths relative to the section.
    let problems: [RuleProblem]

    /// The section's key in a carrier file; error key paths start with it.
    static let sectionKey = "numbers"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case formats
        case testNumbers = "test_numbers"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formats = try container.decodeIfPresent([NumberFormat].self, forKey: .formats) ?? []
        testNumbers = try container.decodeIfPresent(TestNumbers.self, forKey: .testNumbers) ?? .missing

        var problems = try decoder.unknownKeyProblems(known: CodingKeys.allCases.map(\.rawValue))
        if formats.isEmpty {
            problems.append(
                RuleProblem(code: .missingEntry, keyPath: "formats", message: "needs at least one format"))
        }
        for (index, format) in formats.enumerated() {
            problems += format.problems.map { $0.nested(under: "formats[\(index)]") }
        }
        problems += testNumbers.problems.map { $0.nested(under: CodingKeys.testNumbers.rawValue) }
        self.problems = problems
    }

    /// Throws the first mistake in the section, naming `file` and the key path.
    ///
    /// Checks, in order: unknown keys; missing entries; each format's algorithm, parameters, pattern and named
    /// groups; then the test numbers: each valid one claimed by exactly one format, each invalid one by none.
    ///
    /// - Parameter file: The carrier file's name as people know it, such as `usps.json`.
    public func validate(file: String) throws(NumberRulesError) {
        func failure(_ problem: RuleProblem) -> NumberRulesError {
            let located = problem.nested(under: Self.sectionKey)
            return NumberRulesError(code: problem.code, file: file, keyPath: located.keyPath, message: problem.message)
        }
        if let problem = problems.first { throw failure(problem) }

        let testNumbersKey = CodingKeys.testNumbers.rawValue
        for (index, number) in testNumbers.valid.enumerated() {
            let outcome = evaluate(TrackingNumber.normalize(number))
            guard outcome.claimedBy.count != 1 else { continue }
            let why =
                outcome.claimedBy.isEmpty
                ? "claimed by no format" + Self.describe(outcome.failures)
                : "claimed by \(outcome.claimedBy.map { "formats[\($0)]" }.joined(separator: " and ")); "
                    + "a valid test number must be claimed by exactly one format"
            throw failure(
                RuleProblem(
                    code: .validTestNumberRejected, keyPath: "\(testNumbersKey).valid[\(index)]",
                    message: "\"\(number)\" is \(why)"))
        }
        for (index, number) in testNumbers.invalid.enumerated() {
            let outcome = evaluate(TrackingNumber.normalize(number))
            guard let claimant = outcome.claimedBy.first else { continue }
            throw failure(
                RuleProblem(
                    code: .invalidTestNumberAccepted, keyPath: "\(testNumbersKey).invalid[\(index)]",
                    message: "\"\(number)\" is claimed by formats[\(claimant)] (\(formats[claimant].service))"))
        }
    }

    /// Which of this file's formats claim a normalized number, and why the others whose pattern matched did not.
    private func evaluate(_ number: String) -> (claimedBy: [Int], failures: [(index: Int, message: String)]) {
        let range = NSRange(location: 0, length: number.utf16.count)
        var claimedBy: [Int] = []
        var failures: [(index: Int, message: String)] = []
        for (index, format) in formats.enumerated() {
            switch format.matcher?.evaluate(number, range: range) ?? .noMatch {
            case .noMatch: break
            case .claimed: claimedBy.append(index)
            case .failed(let rules): failures += rules.map { (index, $0.message) }
            }
        }
        return (claimedBy, failures)
    }

    private static func describe(_ failures: [(index: Int, message: String)]) -> String {
        guard !failures.isEmpty else { return " (no pattern matches)" }
        return " (" + failures.map { "formats[\($0.index)]: \($0.message)" }.joined(separator: "; ") + ")"
    }
}
