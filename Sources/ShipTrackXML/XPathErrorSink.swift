internal import CLibXML2

/// Routes XPath errors to a per-context structured handler instead of libxml2's default, which prints to stderr.
///
/// The handler captures nothing; the last message is read back with `xmlGetLastError` semantics by keeping it in
/// the context's `lastError` field, which libxml2 fills before calling the handler.
enum XPathErrorSink {
    static func install(on context: xmlXPathContextPtr) {
        context.pointee.error = { _, _ in }
        context.pointee.userData = nil
    }

    /// libxml2's message for the last XPath error on `context`, if any.
    static func lastMessage(of context: xmlXPathContextPtr) -> String? {
        let error = context.pointee.lastError
        if let message = error.message { return String(cString: message).trimmingWhitespace() }
        // With a structured handler installed, libxml2 2.9 records the code but not always the text.
        return error.code != 0 ? "libxml2 XPath error \(error.code)\(xpathErrorNames[Int(error.code) - 1200].map { " (\($0))" } ?? "")" : nil
    }

    /// Names of libxml2's XPath error codes (`XML_XPATH_EXPRESSION_OK` is 1200), for messages.
    private static let xpathErrorNames: [Int: String] = [
        1: "number error", 2: "unfinished literal", 3: "start of literal", 4: "variable reference",
        5: "undefined variable", 6: "invalid predicate", 7: "invalid expression", 8: "missing closing bracket",
        9: "unknown function", 10: "invalid operand", 11: "invalid type", 12: "invalid number of arguments",
        13: "invalid context size", 14: "invalid context position", 15: "memory error", 16: "XPointer syntax error",
        17: "XPointer resource error", 18: "XPointer sub-resource error", 19: "undefined namespace prefix",
        20: "encoding error", 21: "invalid character",
    ]

    static func reset(_ context: xmlXPathContextPtr) {
        xmlResetError(&context.pointee.lastError)
    }
}
