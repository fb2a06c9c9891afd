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
        guard let message = context.pointee.lastError.message else { return nil }
        return String(cString: message).trimmingWhitespace()
    }

    static func reset(_ context: xmlXPathContextPtr) {
        xmlResetError(&context.pointee.lastError)
    }
}
