import Foundation
import Logging
import ShipTrackHTTP
public import ShipTrackModel
import ShipTrackNumbers
import ShipTrackXML

/// A number asked in a request, with its carrier.
public struct AskedNumber: Sendable, Hashable {
    public var number: String
    public var carrier: CarrierID

    public init(number: String, carrier: CarrierID) {
        self.number = number
        self.carrier = carrier
    }
}

/// What an answer says about one number.
public enum ItemReading: Sendable {
    /// Events, each with the leg it belongs to; the reading's quality; notes (a carrier disagreement).
    case events([TrackingEvent], ReadingQuality, notes: [String])
    /// The source knows the number but has no events yet (`pending`, or `info_received` for a label only).
    case noEvents(TrackingStatus, notes: [String])
}

/// What a whole answer says.
enum AnswerReading: Sendable {
    /// The answer as a whole is a failure (an error status, a block page, a whole-call error code).
    case whole(WholeFailure)
    /// Per number asked.
    case items([String: Result<ItemReading, TrackingError>])
}

/// A failure of a whole answer, which applies to every number it was about.
struct WholeFailure: Sendable {
    let outcome: StateOutcome
    let message: String
    let retryAfter: Duration?
    /// Whether a new access token may cure it (an expired token's 401).
    let refreshToken: Bool
    let kind: WholeFailureKind
}

/// The finer cause of a whole-answer failure, for the error that reports it.
enum WholeFailureKind: Sendable {
    case rule
    case httpStatus(Int)
    case emptyBody
    case tooLarge
    case layout
}

extension SourceEngine {
    /// Reads an answer to a request about `asked` (one number, or a batch). Never throws: every number gets its own
    /// result, and a failure of the whole answer is one value the caller applies to each.
    func read(_ response: HTTPResponse, asked: [AskedNumber], logger: Logger) -> AnswerReading {
        // Parsed at most once, and only if a rule or the reading needs it.
        var parsed: Result<MarkupDocument, any Error>?
        func document() -> MarkupDocument? {
            if parsed == nil {
                parsed = Result { try parse(response.body, charset: response.charset, context: response.displayURL) }
            }
            return try? parsed?.get()
        }
        if let failure = classify(response, document: document) { return .whole(failure) }
        guard let document = document() else {
            let reason: String
            if case .failure(let error) = parsed { reason = "\(error)" } else { reason = "cannot be parsed" }
            return .whole(WholeFailure(outcome: .fetchFailed, message: reason, retryAfter: nil, refreshToken: false, kind: .layout))
        }
        let root = document.documentNode
        if !markers.isEmpty, !markers.contains(where: { (try? root.boolean($0)) == true }) {
            // A page, but not a tracking page: a challenge or block page (or a redesign). Bytes that are no page at
            // all are a garbled answer, worth the normal retries, never called "blocked".
            guard looksLikeADocument(response.body) else {
                return .whole(
                    WholeFailure(
                        outcome: .fetchFailed, message: "the answer is not \(format == .html ? "an HTML page" : "a document") at all (garbled)",
                        retryAfter: nil, refreshToken: false, kind: .layout))
            }
            return .whole(
                WholeFailure(
                    outcome: .blocked,
                    message: "the answer is not a tracking page (none of the definition's markers is there): a bot-protection page, or a redesign",
                    retryAfter: nil, refreshToken: false, kind: .rule))
        }
        return .items(readItems(root, asked: asked, logger: logger))
    }

    /// What an answer means as a whole, before any item is read: `nil` when it is to be read normally.
    func classifyWhole(_ response: HTTPResponse) -> WholeFailure? {
        var parsed: Result<MarkupDocument, any Error>?
        return classify(response) {
            if parsed == nil {
                parsed = Result { try parse(response.body, charset: response.charset, context: response.displayURL) }
            }
            return try? parsed?.get()
        }
    }

    private func classify(_ response: HTTPResponse, document: () -> MarkupDocument?) -> WholeFailure? {
        let body = response.body
        if body.count > maxBytes {
            return WholeFailure(
                outcome: .fetchFailed, message: "the answer is \(body.count) bytes, more than this source's \(maxBytes)-byte limit",
                retryAfter: nil, refreshToken: false, kind: .tooLarge)
        }
        let retryAfter = response.retryAfter(now: Date())
        for rule in responses where matches(rule, response, document: document) {
            let message = rule.message.flatMap { query in document().flatMap { try? $0.documentNode.foldedString(query) } }
                .flatMap { $0.isEmpty ? nil : $0 } ?? rule.says ?? ""
            return WholeFailure(
                outcome: rule.outcome, message: message.isEmpty ? "HTTP \(response.statusCode) from \(response.displayURL)" : message,
                retryAfter: retryAfter, refreshToken: rule.refreshToken, kind: .rule)
        }
        if let refused = response.refusedRedirect {
            // Real tracking answers do not send us elsewhere: a redirect we refuse is a landing or challenge page.
            return WholeFailure(
                outcome: .blocked, message: "the source redirected the request to \(refused) (not followed)", retryAfter: nil,
                refreshToken: false, kind: .rule)
        }
        let status = response.statusCode
        let acceptable = status == 200 || (status == 207 && items != nil)
        guard acceptable else {
            if definition.kind == .page, response.redirectsFollowed > 0 {
                // Sent somewhere else (a landing page on the same site) that does not answer as a tracking page:
                // the site turned the request away, which is not a passing failure to retry.
                return WholeFailure(
                    outcome: .blocked, message: "the source redirected the request to \(response.displayURL) (HTTP \(status) there)",
                    retryAfter: nil, refreshToken: false, kind: .httpStatus(status))
            }
            if definition.kind == .page, [403, 405, 428, 451].contains(status) || (300...399).contains(status) {
                return WholeFailure(
                    outcome: .blocked, message: "HTTP \(status) from \(response.displayURL)", retryAfter: nil, refreshToken: false,
                    kind: .httpStatus(status))
            }
            return WholeFailure(
                outcome: status == 429 ? .rateLimited : .fetchFailed, message: "HTTP \(status) from \(response.displayURL)",
                retryAfter: retryAfter, refreshToken: false, kind: .httpStatus(status))
        }
        guard body.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            return WholeFailure(
                outcome: .fetchFailed, message: "empty answer from \(response.displayURL)", retryAfter: nil, refreshToken: false,
                kind: .emptyBody)
        }
        return nil
    }

    /// Whether the bytes are a document of the answer's format at all: an HTML page names its `html`, `head`, `body`
    /// or doctype within its first kilobytes; XML starts with `<`. (Every JSON that parsed is a document.)
    private func looksLikeADocument(_ body: [UInt8]) -> Bool {
        switch format {
        case .json: return true
        case .xml: return body.trimmingASCIIWhitespace().first == UInt8(ascii: "<")
        case .html:
            let head = Array(body.prefix(8_192)).map { (65...90).contains($0) ? $0 + 32 : $0 }
            return ["<html", "<head", "<body", "<!doctype"].contains { head.containsSequence(Array($0.utf8)) }
        }
    }

    private func matches(_ rule: CompiledResponse, _ response: HTTPResponse, document: () -> MarkupDocument?) -> Bool {
        if let statuses = rule.httpStatus, !statuses.contains(response.statusCode) { return false }
        if let redirected = rule.redirected, redirected != (response.refusedRedirect != nil) { return false }
        if !rule.bodyContains.isEmpty, !rule.bodyContains.contains(where: { response.body.containsSequence($0) }) { return false }
        if !rule.bodyEquals.isEmpty {
            let trimmed = response.body.trimmingASCIIWhitespace()
            guard rule.bodyEquals.contains(where: { $0.elementsEqual(trimmed) }) else { return false }
        }
        if let when = rule.when {
            guard let document = document(), (try? document.documentNode.boolean(when)) == true else { return false }
        }
        return true
    }

    private func parse(_ bytes: [UInt8], charset: String?, context: String) throws -> MarkupDocument {
        switch format {
        case .json: return try MarkupDocument.parseJSON(bytes, context: context, maxBytes: maxBytes)
        case .xml:
            return try MarkupDocument.parseXML(
                bytes, context: context, encoding: Self.encoding(of: bytes, header: charset, fallback: definition.answer.charset),
                maxBytes: maxBytes)
        case .html:
            return try MarkupDocument.parseHTML(
                bytes, context: context, encoding: Self.encoding(of: bytes, header: charset, fallback: definition.answer.charset),
                maxBytes: maxBytes)
        }
    }

    private func readItems(_ root: MarkupNode, asked: [AskedNumber], logger: Logger) -> [String: Result<ItemReading, TrackingError>] {
        var results: [String: Result<ItemReading, TrackingError>] = [:]
        guard let items else {
            // The whole answer is about the one number asked.
            if let only = asked.first { results[only.number] = readItem(root, asked: only, logger: logger) }
            return results
        }
        let byNumber = Dictionary(asked.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let nodes: [MarkupNode]
        do { nodes = try root.select(items) } catch {
            for number in asked {
                results[number.number] = .failure(
                    .layoutNotRecognised(number.number, carrier: number.carrier.rawValue, source: id, detail: "\(error)"))
            }
            return results
        }
        for node in nodes {
            let printed = firstText(itemNumber, in: node)
            let number = TrackingNumber.normalize(printed)
            guard let asking = byNumber[number] else {
                logger.warning(
                    "the answer has an item for a number not asked; ignored",
                    metadata: ["source": "\(id)", "number": "\(printed.prefix(40))"])
                continue
            }
            if results[number] != nil { continue }
            results[number] = readItem(node, asked: asking, logger: logger)
        }
        for number in asked where results[number.number] == nil {
            results[number.number] = .failure(
                .carrierError(number.number, carrier: number.carrier.rawValue, source: id, detail: "the answer has no item for this number"))
        }
        return results
    }

    private func readItem(_ item: MarkupNode, asked: AskedNumber, logger: Logger) -> Result<ItemReading, TrackingError> {
        let carrierName = asked.carrier.rawValue
        for state in itemStates where (try? item.boolean(state.when)) == true {
            let message = state.message.flatMap { try? item.foldedString($0) } ?? ""
            if let status = state.outcome.noEventStatus { return .success(.noEvents(status, notes: [])) }
            return .failure(state.outcome.error(asked.number, carrier: carrierName, source: id, message: message, retryAfter: nil))
        }
        var notes: [String] = []
        if !itemCarrier.isEmpty {
            let said = firstText(itemCarrier, in: item)
            if !said.isEmpty, let ours = code(for: asked.carrier)?.text, said != ours {
                let theirs = carrier(forCode: said).map { "\($0) (code \(said))" } ?? "code \(said)"
                notes.append("\(definition.name) tracks this number as \(theirs), not as \(asked.carrier) (code \(ours)); ShipTrack keeps \(asked.carrier)")
            }
        }
        let rows: [MarkupNode]
        do { rows = try item.select(eventRows) } catch {
            return .failure(.layoutNotRecognised(asked.number, carrier: carrierName, source: id, detail: "\(error)"))
        }
        let reading = readEvents(rows, carrier: asked.carrier, number: asked.number, logger: logger)
        if !reading.events.isEmpty { return .success(.events(reading.events, reading.quality, notes: notes)) }
        if let first = reading.quality.unread.first {
            return .failure(
                .layoutNotRecognised(
                    asked.number, carrier: carrierName, source: id,
                    detail: "none of the \(reading.quality.rowsSeen) event rows could be read (first: \(first.summary))"))
        }
        for state in noEvents where (try? item.boolean(state.when)) == true {
            let message = state.message.flatMap { try? item.foldedString($0) } ?? ""
            if let status = state.outcome.noEventStatus { return .success(.noEvents(status, notes: notes)) }
            return .failure(state.outcome.error(asked.number, carrier: carrierName, source: id, message: message, retryAfter: nil))
        }
        return .failure(
            .layoutNotRecognised(
                asked.number, carrier: carrierName, source: id,
                detail: "no event rows match \(eventRows.expression) and no known state applies"))
    }

    func firstText(_ queries: [XPathQuery], in node: MarkupNode) -> String {
        for query in queries {
            // Folded on the bytes as libxml2's text is copied out: one String per field, none for an empty one.
            let text = (try? node.foldedString(query)) ?? ""
            if !text.isEmpty { return text }
        }
        return ""
    }
}

extension SourceEngine {
    /// The encoding to force on libxml2, if any: the HTTP header's charset, unless it claims UTF-8 for bytes that are
    /// not (a Chinese page served with a wrong header); else none when the page declares its own (`<meta charset>`,
    /// `<?xml encoding?>`), so libxml2 reads that; else UTF-8 when the bytes are valid UTF-8; else the definition's
    /// fallback (`GBK` for old Chinese pages).
    static func encoding(of bytes: [UInt8], header: String?, fallback: String?) -> String? {
        // Validated only when the answer turns on it (a page's every byte, otherwise).
        func validUTF8() -> Bool { isValidUTF8(bytes) }
        if let header, !header.isEmpty {
            let claimsUTF8 = header.lowercased().replacingOccurrences(of: "-", with: "") == "utf8"
            if !(claimsUTF8 && fallback != nil && !validUTF8()) { return header }
            return fallback
        }
        if declaresCharset(bytes.prefix(4_096)) { return nil }
        if validUTF8() { return "UTF-8" }
        return fallback
    }

    /// Whether `bytes` are well-formed UTF-8, checked in place (no String is made).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var iterator = buffer.makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid: continue
                case .error: return false
                case .emptyInput: return true
                }
            }
        }
    }

    private static let charsetNeedles: [[UInt8]] = [Array("charset".utf8), Array("encoding=".utf8)]

    /// A case-insensitive search of the page's first bytes, in place (it runs once per page).
    private static func declaresCharset(_ head: ArraySlice<UInt8>) -> Bool {
        func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
        for needle in charsetNeedles where needle.count <= head.count {
            var start = head.startIndex
            while start <= head.endIndex - needle.count {
                if lower(head[start]) == needle[0],
                    zip(head[start..<start + needle.count], needle).allSatisfy({ lower($0) == $1 })
                {
                    return true
                }
                start += 1
            }
        }
        return false
    }
}

extension [UInt8] {
    /// The bytes without leading and trailing ASCII whitespace.
    func trimmingASCIIWhitespace() -> ArraySlice<UInt8> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        var start = startIndex
        var end = endIndex
        while start < end, isSpace(self[start]) { start += 1 }
        while end > start, isSpace(self[end - 1]) { end -= 1 }
        return self[start..<end]
    }
}
