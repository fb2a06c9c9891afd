/// Why a page could not be parsed, with the context needed to act on it.
///
/// A struct over a private code so that new cases never break callers (the async-http-client pattern).
public struct MarkupParseError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case inputTooLarge(size: Int, limit: Int)
        case emptyInput
        case notWellFormed
        case notWellFormedJSON
        case nestingTooDeep(limit: Int)
        case invalidUTF8
        case entityDeclarationsNotAllowed
        case invalidXPath
        case resourceExhausted
    }

    private let code: Code
    /// libxml2's own message, when it gave one.
    public let libraryMessage: String?
    /// What was being parsed or queried: a URL, a file name or an XPath expression.
    public let context: String
    /// The line libxml2 reported, or (for JSON) the line of ``offset``, when known.
    public let line: Int?
    /// The byte offset of the problem in the input (0-based), when known.
    public let offset: Int?

    private init(_ code: Code, context: String, libraryMessage: String? = nil, line: Int? = nil, offset: Int? = nil) {
        self.code = code
        self.context = context
        self.libraryMessage = libraryMessage
        self.line = line
        self.offset = offset
    }

    static func inputTooLarge(size: Int, limit: Int, context: String) -> Self {
        .init(.inputTooLarge(size: size, limit: limit), context: context)
    }
    static func emptyInput(context: String) -> Self { .init(.emptyInput, context: context) }
    static func notWellFormed(context: String, message: String?, line: Int?) -> Self {
        .init(.notWellFormed, context: context, libraryMessage: message, line: line)
    }
    static func notWellFormedJSON(context: String, message: String?) -> Self {
        .init(.notWellFormedJSON, context: context, libraryMessage: message)
    }
    static func nestingTooDeep(limit: Int, context: String, line: Int, offset: Int) -> Self {
        .init(.nestingTooDeep(limit: limit), context: context, line: line, offset: offset)
    }
    static func invalidUTF8(context: String, line: Int, offset: Int) -> Self {
        .init(.invalidUTF8, context: context, line: line, offset: offset)
    }
    static func entityDeclarationsNotAllowed(context: String) -> Self {
        .init(.entityDeclarationsNotAllowed, context: context)
    }
    static func invalidXPath(_ expression: String, message: String?) -> Self {
        .init(.invalidXPath, context: expression, libraryMessage: message)
    }
    static func resourceExhausted(context: String) -> Self { .init(.resourceExhausted, context: context) }

    /// The input was larger than the configured cap.
    public var isInputTooLarge: Bool { if case .inputTooLarge = code { true } else { false } }
    /// The input was empty or only whitespace.
    public var isEmptyInput: Bool { code == .emptyInput }
    /// The input is not well-formed XML or JSON (HTML parsing recovers and never reports this).
    public var isNotWellFormed: Bool { code == .notWellFormed || code == .notWellFormedJSON }
    /// The JSON input nests arrays and objects deeper than the limit.
    public var isNestingTooDeep: Bool { if case .nestingTooDeep = code { true } else { false } }
    /// The JSON input is not valid UTF-8.
    public var isInvalidUTF8: Bool { code == .invalidUTF8 }
    /// The input declares entities, which we refuse rather than expand.
    public var isEntityDeclaration: Bool { code == .entityDeclarationsNotAllowed }
    /// An XPath expression did not compile or evaluate.
    public var isInvalidXPath: Bool { code == .invalidXPath }

    public var description: String {
        let detail = libraryMessage.map { ": \($0)" } ?? ""
        let at = line.map { " (line \($0)\(offset.map { ", byte \($0)" } ?? ""))" } ?? ""
        switch code {
        case .inputTooLarge(let size, let limit):
            return "\(context): document of \(size) bytes exceeds the \(limit)-byte limit"
        case .emptyInput: return "\(context): empty document"
        case .notWellFormed: return "\(context): not well-formed XML\(at)\(detail)"
        case .notWellFormedJSON: return "\(context): not well-formed JSON\(at)\(detail)"
        case .nestingTooDeep(let limit):
            return "\(context): JSON nests arrays and objects more than \(limit) deep\(at)"
        case .invalidUTF8: return "\(context): JSON is not valid UTF-8\(at)"
        case .entityDeclarationsNotAllowed: return "\(context): entity declarations are not allowed"
        case .invalidXPath: return "invalid XPath \(context)\(detail)"
        case .resourceExhausted: return "\(context): libxml2 could not allocate memory"
        }
    }
}
