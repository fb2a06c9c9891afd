/// A message template file that cannot be used, naming the file, the template and what is wrong.
public struct MessageTemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, by the name the caller gave (`messages.json`).
    public let file: String
    /// The template (a flag kind or `fallback`), when the problem is inside one.
    public let template: String?
    /// The placeholder at fault, when there is one (`cusomer_name`).
    public let placeholder: String?
    /// What is wrong, in one sentence.
    public let message: String

    public init(file: String, template: String? = nil, placeholder: String? = nil, message: String) {
        self.file = file
        self.template = template
        self.placeholder = placeholder
        self.message = message
    }

    /// `messages.json: template "late": unknown placeholder {cusomer_name} (known: ...)`.
    public var description: String {
        "\(file): " + (template.map { "template \"\($0)\": " } ?? "") + message
    }
}
