public import Logging
public import ShipTrackHTTP
public import ShipTrackModel
import ShipTrackNumbers
import ShipTrackXML

/// What a saved answer says, read with a definition and no network (`shiptrack parse-page`, golden tests).
public enum SavedAnswerReading: Sendable {
    /// The answer as a whole is a failure (a block page, an error reply).
    case whole(TrackingError)
    /// Per number, in the answer's order.
    case items([(number: String, result: Result<ItemReading, TrackingError>)])
}

extension SourceEngine {
    /// Reads a saved answer as if the source had sent it with `status` (200 by default) and `headers`. Without
    /// `number`, an answer about several numbers is read for every number it names, each with the carrier
    /// `carrierOf` gives it (its own, identified from the number); a page is read for the number given.
    public func read(
        saved bytes: [UInt8], charset: String?, context: String, number: String?, carrier: CarrierID,
        status: Int = 200, headers extra: [(name: String, value: String)] = [],
        carrierOf: (String) -> CarrierID? = { _ in nil }, logger: Logger
    ) -> SavedAnswerReading {
        var headers: [(name: String, value: String)] = extra
        if let charset { headers.append(("Content-Type", "text/plain; charset=\(charset)")) }
        let response = HTTPResponse(statusCode: status, headers: headers, body: bytes, effectiveURL: context)
        var numbers: [String] = number.map { [TrackingNumber.normalize($0)] } ?? []
        if numbers.isEmpty, let items {
            let document = try? (format == .json
                ? MarkupDocument.parseJSON(bytes, context: context, maxBytes: maxBytes)
                : format == .xml ? MarkupDocument.parseXML(bytes, context: context, maxBytes: maxBytes)
                : MarkupDocument.parseHTML(bytes, context: context, maxBytes: maxBytes))
            for node in (try? document?.documentNode.select(items)) ?? [] {
                let found = TrackingNumber.normalize(firstText(itemNumber, in: node))
                if !found.isEmpty, !numbers.contains(found) { numbers.append(found) }
            }
        }
        if numbers.isEmpty { numbers = [""] }
        let asked = numbers.map { AskedNumber(number: $0, carrier: carrierOf($0) ?? carrier) }
        return read(answer: response, asked: asked, carrier: carrier, logger: logger)
    }

    /// Reads an answer to one request about `asked` (one number, or a batch) as a night reads what the source sent:
    /// the same classification, parsing and reading, with no network. `make bench` times exactly this.
    public func read(answer response: HTTPResponse, asked: [AskedNumber], logger: Logger) -> SavedAnswerReading {
        read(answer: response, asked: asked, carrier: asked.first?.carrier ?? "", logger: logger)
    }

    private func read(answer response: HTTPResponse, asked: [AskedNumber], carrier: CarrierID, logger: Logger)
        -> SavedAnswerReading
    {
        switch read(response, asked: asked, logger: logger) {
        case .whole(let failure):
            let number = asked.first?.number ?? ""
            let error: TrackingError
            switch failure.kind {
            case .layout: error = .layoutNotRecognised(number, carrier: carrier.rawValue, source: id, detail: failure.message)
            case .emptyBody: error = .emptyBody(number, carrier: carrier.rawValue, source: id, url: response.displayURL)
            case .tooLarge: error = .tooLarge(number, carrier: carrier.rawValue, source: id, detail: failure.message)
            default:
                error = failure.outcome.error(
                    number, carrier: carrier.rawValue, source: id, message: failure.message, retryAfter: failure.retryAfter)
            }
            return .whole(error.advising(advice(for: error.outcome)))
        case .items(let results):
            return .items(asked.compactMap { asked in results[asked.number].map { (asked.number, $0) } })
        }
    }
}
