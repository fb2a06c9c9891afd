/// A carrier file's own examples, `numbers.test_numbers`, checked whenever the file is loaded.
///
/// Every valid number must be claimed by exactly one format of the file; every invalid number by none.
public struct TestNumbers: Decodable, Sendable {
    /// Numbers the file must claim, written as people would (spaces and dashes are fine).
    public let valid: [String]
    /// Numbers the file must not claim: wrong check digits, wrong lengths, near-miss shapes.
    public let invalid: [String]

    /// Problems found while decoding, with key paths relative to this object.
    let problems: [RuleProblem]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case valid
        case invalid
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        valid = try container.decodeIfPresent([String].self, forKey: .valid) ?? []
        invalid = try container.decodeIfPresent([String].self, forKey: .invalid) ?? []
        var problems = try decoder.unknownKeyProblems(known: CodingKeys.allCases.map(\.rawValue))
        if valid.isEmpty {
            problems.append(RuleProblem(code: .missingEntry, keyPath: "valid", message: "needs at least one number"))
        }
        if invalid.isEmpty {
            problems.append(
                RuleProblem(code: .missingEntry, keyPath: "invalid", message: "needs at least one number"))
        }
        self.problems = problems
    }

    /// Test numbers for a file whose `numbers` section has no `test_numbers` at all.
    static let missing = TestNumbers(
        valid: [], invalid: [],
        problems: [
            RuleProblem(code: .missingEntry, keyPath: "", message: "missing; give valid and invalid test numbers")
        ])

    private init(valid: [String], invalid: [String], problems: [RuleProblem]) {
        self.valid = valid
        self.invalid = invalid
        self.problems = problems
    }
}
