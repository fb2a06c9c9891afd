/// One rule of a format that a number failed after the format's pattern matched.
public struct RuleFailure: Hashable, Sendable, Encodable {
    /// The rule.
    public let rule: FailedRule
    /// What failed, such as `S10 check digit is 5, number has 9`.
    public let message: String
    /// What was probably mistyped (check-digit failures only).
    public let hints: [TypingHint]

    /// What failed, for people: the typing hints in plain words when there are, else ``message``.
    public var explanation: String { hints.isEmpty ? message : TypingHint.sentence(hints) }

    public init(rule: FailedRule, message: String, hints: [TypingHint] = []) {
        self.rule = rule
        self.message = message
        self.hints = hints
    }
}
