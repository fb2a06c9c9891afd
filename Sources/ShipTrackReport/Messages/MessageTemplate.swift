/// One suggested message with placeholders, parsed once when the file is loaded.
///
/// Syntax: `{name}` is a ``Placeholder``; `[ ... ]` is an optional section, left out when a placeholder inside it
/// is missing (`Hello[ {customer_name}],` gives `Hello Ana,` or `Hello,`); `{{`, `}}`, `[[` and `]]` are literal
/// braces and brackets. A missing placeholder outside an optional section renders as nothing, and the space before
/// it goes too when punctuation or the end of a line follows (`Hello {customer_name},` gives `Hello,`).
public struct MessageTemplate: Hashable, Sendable {
    /// The template's name: a flag kind (`late`) or `fallback`.
    public let name: String
    let subject: [Segment]
    let body: [Segment]

    enum Segment: Hashable, Sendable {
        case literal(String)
        case placeholder(Placeholder)
        case optional([Segment])
    }

    /// Parses a subject and a body.
    /// - Throws: ``MessageTemplateError`` naming `file`, the template and the placeholder or mark at fault.
    init(name: String, subject: String, body: String, file: String) throws(MessageTemplateError) {
        self.name = name
        self.subject = try Self.parse(subject, part: "subject", template: name, file: file)
        self.body = try Self.parse(body, part: "body", template: name, file: file)
    }

    /// The message with `values` in place.
    public func render(_ values: MessageValues) -> SuggestedMessage {
        SuggestedMessage(subject: Self.render(subject, values), body: Self.render(body, values))
    }

    /// The placeholders the template uses.
    public var placeholders: Set<Placeholder> {
        func collect(_ segments: [Segment]) -> [Placeholder] {
            segments.flatMap { segment -> [Placeholder] in
                switch segment {
                case .literal: []
                case .placeholder(let placeholder): [placeholder]
                case .optional(let inner): collect(inner)
                }
            }
        }
        return Set(collect(subject) + collect(body))
    }

    // MARK: Rendering

    /// Marks where a missing value was, so the space before it can be tidied once the next character is known.
    private static let gap: Character = "\u{0}"

    private static func render(_ segments: [Segment], _ values: MessageValues) -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .literal(let text): out += text
            case .placeholder(let placeholder): out += values[placeholder] ?? String(gap)
            case .optional(let inner):
                if inner.allSatisfy({ segment in
                    if case .placeholder(let placeholder) = segment { return values[placeholder] != nil }
                    return true
                }) {
                    out += render(inner, values)
                }
            }
        }
        return tidy(out)
    }

    /// Removes the gap marks, and the spaces before a gap followed by punctuation, a space or a line end.
    private static func tidy(_ text: String) -> String {
        guard text.contains(gap) else { return text }
        let characters = Array(text)
        var out: [Character] = []
        for (index, character) in characters.enumerated() {
            guard character == gap else {
                // A space right after a gap that followed a space would double it.
                if character == " ", index > 0, characters[index - 1] == gap, out.last == " " { continue }
                out.append(character)
                continue
            }
            let next = characters[(index + 1)...].first { $0 != gap }
            if next == nil || next == "\n" || ",.;:!?)".contains(next!) {
                while out.last == " " { out.removeLast() }
            }
        }
        return String(out)
    }

    // MARK: Parsing

    private static func parse(
        _ text: String, part: String, template: String, file: String
    ) throws(MessageTemplateError) -> [Segment] {
        func fail(_ message: String, placeholder: String? = nil) -> MessageTemplateError {
            MessageTemplateError(file: file, template: template, placeholder: placeholder, message: "\(part): \(message)")
        }
        var top: [Segment] = []
        var optional: [Segment]?
        var literal = ""
        func append(_ segment: Segment) {
            if optional != nil { optional!.append(segment) } else { top.append(segment) }
        }
        func flushLiteral() {
            if !literal.isEmpty { append(.literal(literal)) }
            literal = ""
        }
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "{" where next == "{", "}" where next == "}", "[" where next == "[", "]" where next == "]":
                literal.append(character)
                index += 2
                continue
            case "{":
                guard let close = characters[(index + 1)...].firstIndex(of: "}") else {
                    throw fail("a { is never closed (write {{ for a literal brace)")
                }
                let name = String(characters[(index + 1)..<close])
                guard let placeholder = Placeholder(rawValue: name) else {
                    throw fail("unknown placeholder {\(name)} (known: \(Placeholder.namesList))", placeholder: name)
                }
                flushLiteral()
                append(.placeholder(placeholder))
                index = close + 1
                continue
            case "}":
                throw fail("a } without its { (write }} for a literal brace)")
            case "[":
                guard optional == nil else { throw fail("an optional section [...] inside another one") }
                flushLiteral()
                optional = []
            case "]":
                guard optional != nil else { throw fail("a ] without its [ (write ]] for a literal bracket)") }
                flushLiteral()
                let inner = optional ?? []
                guard inner.contains(where: { if case .placeholder = $0 { true } else { false } }) else {
                    throw fail("an optional section [...] without a placeholder (write [[ and ]] for literal brackets)")
                }
                optional = nil
                top.append(.optional(inner))
            default:
                literal.append(character)
            }
            index += 1
        }
        guard optional == nil else { throw fail("an optional section [ is never closed (write [[ for a literal bracket)") }
        flushLiteral()
        return top
    }
}
