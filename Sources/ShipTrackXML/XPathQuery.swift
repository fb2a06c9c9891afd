internal import CLibXML2

/// A compiled XPath expression, reusable across documents.
///
/// Compiling once and evaluating many times keeps the per-page cost down. libxml2 (built with threads, as
/// Debian's is) only reads a compiled expression while evaluating it, so one query may be shared by threads
/// that each evaluate it on their own document; hence `@unchecked Sendable`.
public final class XPathQuery: @unchecked Sendable, CustomStringConvertible {
    let compiled: xmlXPathCompExprPtr
    /// The expression's source text.
    public let expression: String

    /// Compiles `expression`, or throws an error carrying libxml2's message.
    public init(_ expression: String) throws {
        _ = LibXML2.initialized
        // A throwaway context gives compilation a silent error handler and somewhere to leave the message.
        guard let scratch = xmlXPathNewContext(nil) else {
            throw MarkupParseError.resourceExhausted(context: expression)
        }
        defer { xmlXPathFreeContext(scratch) }
        XPathErrorSink.install(on: scratch)
        guard let compiled = xmlXPathCtxtCompile(scratch, expression) else {
            throw MarkupParseError.invalidXPath(expression, message: XPathErrorSink.lastMessage(of: scratch))
        }
        self.compiled = compiled
        self.expression = expression
    }

    deinit { xmlXPathFreeCompExpr(compiled) }

    public var description: String { expression }
}
