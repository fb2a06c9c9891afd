import ShipTrackModel

/// A template from a source definition (`/tracking/{number}`, `Bearer {token}`), parsed once into pieces.
struct Template: Sendable, Hashable {
    enum Piece: Sendable, Hashable {
        case literal(String)
        case number
        case carrierCode
        case items
        case token
        case secret(String)
    }

    let pieces: [Piece]
    let text: String

    /// Parses `text`; `{{` is not special, an unknown or unclosed placeholder is an error naming it.
    init(_ text: String) throws(TemplateError) {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else {
                throw TemplateError(template: text, message: "a { with no closing }")
            }
            let name = String(rest[afterOpen..<close])
            let piece: Piece
            switch name {
            case "number": piece = .number
            case "carrier_code": piece = .carrierCode
            case "items": piece = .items
            case "token": piece = .token
            case let secret where secret.hasPrefix("secret:"):
                let variable = String(secret.dropFirst("secret:".count))
                guard Self.isVariableName(variable) else {
                    throw TemplateError(template: text, message: "\(variable) is not a variable name (A-Z, 0-9, _)")
                }
                piece = .secret(variable)
            default:
                // JSON bodies are full of braces: only `{name}` with a known name is a placeholder.
                if name.contains(where: { "\"{:, \n".contains($0) }) || name.isEmpty {
                    literal += "{"
                    rest = rest[afterOpen...]
                    continue
                }
                throw TemplateError(
                    template: text, message: "unknown placeholder {\(name)} (known: number, carrier_code, items, token, secret:NAME)")
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
            pieces.append(piece)
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
        self.text = text
    }

    static func isVariableName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
            && !(name.utf8.first.map { $0 >= 48 && $0 <= 57 } ?? true)
    }

    /// The secrets this template reads.
    var secretNames: [String] {
        pieces.compactMap { if case .secret(let name) = $0 { name } else { nil } }
    }

    func contains(_ piece: Piece) -> Bool { pieces.contains(piece) }
}

/// A template that cannot be used.
struct TemplateError: Error, CustomStringConvertible {
    let template: String
    let message: String
    var description: String { "\"\(template)\": \(message)" }
}

/// How a value is written where a template puts it.
enum TemplateEscaping {
    /// Percent-encoded (RFC 3986 unreserved characters kept): paths and queries.
    case url
    /// `application/x-www-form-urlencoded`.
    case form
    /// A JSON literal: strings quoted and escaped; a code written as a number stays a number.
    case json
    /// A header value: as is, but never a line break.
    case header

    func write(_ value: TemplateValue, to output: inout String) {
        switch self {
        case .url: output += SourceEngine.percentEncode(value.text)
        case .form: output += SourceEngine.formEncode(value.text)
        case .header:
            output += value.text.filter { $0 != "\r" && $0 != "\n" && $0 != "\0" }
        case .json:
            switch value {
            case .number(let digits): output += digits
            case .string(let text): Self.writeJSONString(text, to: &output)
            }
        }
    }

    static func writeJSONString(_ text: String, to output: inout String) {
        output.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}

/// The values a request is built from.
struct TemplateValues {
    /// The numbers asked, each with the source's code for its carrier.
    var items: [(number: String, carrierCode: TemplateValue?)]
    var token: String?
    var secrets: SecretStore
    var sourceID: SourceID
}

extension Template {
    /// The template with its placeholders filled, escaped for where it lands. Throws when a value is missing (a
    /// secret not configured is reported before any request is sent, so this is a definition error).
    func render(
        _ values: TemplateValues, escaping: TemplateEscaping, item: Template? = nil, separator: String = ",",
        redactions: inout [String]
    ) throws(TemplateError) -> String {
        var output = ""
        try render(into: &output, values, itemIndex: 0, escaping: escaping, item: item, separator: separator, redactions: &redactions)
        return output
    }

    private func render(
        into output: inout String, _ values: TemplateValues, itemIndex: Int, escaping: TemplateEscaping,
        item: Template?, separator: String, redactions: inout [String]
    ) throws(TemplateError) {
        for piece in pieces {
            switch piece {
            case .literal(let text): output += text
            case .number:
                guard itemIndex < values.items.count else { throw TemplateError(template: text, message: "no number here") }
                escaping.write(.string(values.items[itemIndex].number), to: &output)
            case .carrierCode:
                guard itemIndex < values.items.count, let code = values.items[itemIndex].carrierCode else {
                    throw TemplateError(template: text, message: "the source has no code for this carrier (serves.<carrier>.code)")
                }
                escaping.write(code, to: &output)
            case .items:
                guard let item else { throw TemplateError(template: text, message: "{items} needs an item template") }
                for index in values.items.indices {
                    if index > 0 { output += separator }
                    try item.render(
                        into: &output, values, itemIndex: index, escaping: escaping, item: nil, separator: separator,
                        redactions: &redactions)
                }
            case .token:
                guard let token = values.token else { throw TemplateError(template: text, message: "no access token") }
                redactions.append(token)
                escaping.write(.string(token), to: &output)
            case .secret(let name):
                guard let secret = values.secrets.value(of: name) else {
                    throw TemplateError(template: text, message: "the secret \(name) is not set")
                }
                redactions.append(secret)
                escaping.write(.string(secret), to: &output)
            }
        }
    }
}
