internal import CLibXML2
import Foundation

extension MarkupDocument {
    /// The deepest nesting of arrays and objects Foundation's JSON parser accepts; a larger `maxDepth` acts as this.
    public static let deepestJSONNesting = 512

    /// Parses JSON and presents it as an XML tree, so carrier definitions select JSON answers with XPath too.
    ///
    /// The root element is `<json>`; object members become elements named by their keys (or
    /// `<member key="…">` when a key is not a plain XML name), array values become `<item>` elements, scalars
    /// become text and `null` an empty element with `null="true"`. `docs/json-as-xpath.md` gives the whole mapping
    /// with examples. The bytes are parsed by Foundation's `JSONSerialization`, which refuses malformed JSON,
    /// invalid UTF-8 and nesting deeper than ``deepestJSONNesting`` without recursing further.
    ///
    /// - Parameters:
    ///   - bytes: the answer as received (UTF-8; Foundation also recognises UTF-16 and UTF-32).
    ///   - context: a URL or file name for error messages.
    ///   - maxBytes: larger input is refused before parsing.
    ///   - maxDepth: the deepest nesting of arrays and objects accepted (at most ``deepestJSONNesting``).
    /// - Throws: ``MarkupParseError``: too large, empty, not valid UTF-8, nested too deep or not well-formed.
    public static func parseJSON(
        _ bytes: [UInt8], context: String, maxBytes: Int = 8 << 20, maxDepth: Int = 512
    ) throws -> MarkupDocument {
        _ = LibXML2.initialized
        try checkSize(bytes, context: context, maxBytes: maxBytes)
        let limit = min(max(maxDepth, 0), deepestJSONNesting)
        // Tracking answers take the direct path; anything it leaves (see buildDirectly) is read by Foundation below.
        if let direct = JSONTreeBuilder.buildDirectly(from: bytes, context: context, limit: limit) {
            return try MarkupDocument(document: direct.takeDocument(), kind: .json, context: context)
        }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw diagnoseJSON(bytes, limit: limit, context: context, parserError: error)
        }
        let builder = try JSONTreeBuilder(context: context)
        do {
            try builder.append(value, to: builder.root, depth: 0, limit: limit)
        } catch JSONTreeBuilder.Failure.tooDeep {
            // Only a `maxDepth` below Foundation's own limit gets here; the scan finds where for the message.
            throw diagnoseJSON(bytes, limit: limit, context: context, parserError: nil)
        } catch {
            throw MarkupParseError.resourceExhausted(context: context)
        }
        return try MarkupDocument(document: builder.takeDocument(), kind: .json, context: context)
    }

    /// The error to report for JSON that did not parse (or nests deeper than `limit`): cheap scans of the bytes,
    /// run only on this failure path, tell too-deep nesting and invalid UTF-8 from other mistakes and say where.
    private static func diagnoseJSON(
        _ bytes: [UInt8], limit: Int, context: String, parserError: (any Error)?
    ) -> MarkupParseError {
        if let offset = JSONByteScan.firstOpening(deeperThan: limit, in: bytes) {
            return .nestingTooDeep(
                limit: limit, context: context, line: JSONByteScan.line(at: offset, in: bytes), offset: offset)
        }
        if let offset = JSONByteScan.firstInvalidUTF8(in: bytes) {
            return .invalidUTF8(context: context, line: JSONByteScan.line(at: offset, in: bytes), offset: offset)
        }
        // Foundation names the place in its own words ("around character 5"); it is passed on as it is.
        let message = parserError.flatMap { ($0 as NSError).userInfo[NSDebugDescriptionErrorKey] as? String }
        return .notWellFormedJSON(context: context, message: message)
    }
}
