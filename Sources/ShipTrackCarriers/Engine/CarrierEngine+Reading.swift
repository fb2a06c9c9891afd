public import Logging
public import ShipTrackHTTP
public import ShipTrackModel
import Foundation
import ShipTrackXML

/// What a carrier page says about a number.
public enum PageReading: Sendable {
    /// The page lists events (oldest or newest first, as the carrier printed them).
    case events([TrackingEvent])
    /// The page knows the number but has no events yet (`pending`, or `info_received` for a label only).
    case noEvents(TrackingStatus)
}

extension CarrierEngine {
    /// Checks the HTTP status and body, then reads the page.
    public func read(_ response: HTTPResponse, number: String, logger: Logger) throws(TrackingError) -> PageReading {
        let carrier = id.rawValue
        guard response.statusCode == 200 else {
            throw TrackingError.httpStatus(
                number, carrier: carrier, status: response.statusCode,
                retryAfterSeconds: response.retryAfterSeconds, url: response.effectiveURL)
        }
        guard response.body.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            throw TrackingError.emptyBody(number, carrier: carrier, url: response.effectiveURL)
        }
        return try read(
            page: response.body, charset: response.charset, context: response.effectiveURL, number: number,
            logger: logger)
    }

    /// Reads page bytes into events or a page state. Throws `layoutNotRecognised` rather than ever reporting a
    /// page it does not understand as a quiet "no information".
    public func read(page bytes: [UInt8], charset: String?, context: String, number: String, logger: Logger)
        throws(TrackingError) -> PageReading
    {
        let carrier = id.rawValue
        let document: MarkupDocument
        do {
            let encoding = CarrierEngine.encoding(of: bytes, header: charset, fallback: definition.page.charset)
            switch format {
            case .html: document = try MarkupDocument.parseHTML(bytes, context: context, encoding: encoding, maxBytes: maxBytes)
            case .xml: document = try MarkupDocument.parseXML(bytes, context: context, encoding: encoding, maxBytes: maxBytes)
            case .json: document = try MarkupDocument.parseJSON(bytes, context: context, maxBytes: maxBytes)
            }
        } catch let error as MarkupParseError {
            if error.isEmptyInput { throw TrackingError.emptyBody(number, carrier: carrier, url: context) }
            throw TrackingError.layoutNotRecognised(number, carrier: carrier, detail: error.description)
        } catch {
            throw TrackingError.layoutNotRecognised(number, carrier: carrier, detail: "\(error)")
        }

        do {
            let rows = try document.documentNode.select(eventRows)
            var events: [TrackingEvent] = []
            var unreadable: [String] = []
            for row in rows {
                switch try readRow(row, logger: logger, number: number) {
                case .event(let event): events.append(event)
                case .placeholder: continue
                case .unreadableTime(let text): unreadable.append(text)
                }
            }
            if !unreadable.isEmpty {
                logger.warning(
                    "skipped rows whose time matches no format",
                    metadata: ["carrier": "\(carrier)", "number": "\(number)", "times": "\(unreadable.prefix(3))"])
            }
            if !events.isEmpty { return .events(CarrierEngine.removingDuplicates(events)) }
            if !unreadable.isEmpty {
                throw TrackingError.layoutNotRecognised(
                    number, carrier: carrier,
                    detail: "no event time matches the definition's formats (first: \"\(unreadable[0])\")")
            }
            for state in pageStates where try document.documentNode.boolean(state.when) {
                let message = try state.message.map { try fold(document.documentNode.string($0)) } ?? ""
                switch state.outcome {
                case .notFound:
                    throw TrackingError.notFound(
                        number, carrier: carrier, detail: message.isEmpty ? "the carrier does not know this number" : message)
                case .carrierError:
                    throw TrackingError.carrierError(number, carrier: carrier, detail: message.isEmpty ? "no message" : message)
                case .noInformation: return .noEvents(.pending)
                case .infoReceived: return .noEvents(.infoReceived)
                }
            }
            let detail = rows.isEmpty
                ? "no event rows match \(eventRows.expression) and no known page state applies"
                : "\(rows.count) event rows but none has a time"
            throw TrackingError.layoutNotRecognised(number, carrier: carrier, detail: detail)
        } catch let error as TrackingError {
            throw error
        } catch {
            throw TrackingError.layoutNotRecognised(number, carrier: carrier, detail: "\(error)")
        }
    }

    private enum RowReading {
        case event(TrackingEvent)
        case placeholder
        case unreadableTime(String)
    }

    private func readRow(_ row: MarkupNode, logger: Logger, number: String) throws -> RowReading {
        let timeText = try firstText(timeQueries, in: row)
        let description = try firstText(descriptionQueries, in: row)
        // Carriers pad timelines with undated placeholder rows ("See all tracking history"); skip them.
        if timeText.isEmpty { return .placeholder }
        guard let (local, hasTime) = timePatterns.lazy.compactMap({ pattern in
            pattern.match(Substring(timeText)).map { ($0, pattern.hasTimeOfDay) }
        }).first else {
            return .unreadableTime(timeText)
        }
        let location = locationParser.parse(try firstText(locationQueries, in: row))
        let codeText = try firstText(eventCodeQueries, in: row)
        let code = codeText.isEmpty ? nil : codeText
        let match = statusMatcher.match(description: description, code: code)
        if !match.recognised {
            logger.warning(
                "carrier wording not in the status table; using the safe default",
                metadata: ["carrier": "\(id)", "number": "\(number)", "description": "\(description)",
                           "status": "\(match.status.rawValue)"])
        }
        return .event(
            TrackingEvent(
                time: eventTime(local, dateOnly: !hasTime, at: location), location: location, description: description, eventCode: code,
                status: match.status, reason: match.reason, reportedBy: id, statusUnrecognised: !match.recognised))
    }

    /// The zone of an event: the carrier's fixed offset, else the zone of its state or country, else unknown.
    private func eventTime(_ local: LocalDateTime, dateOnly: Bool, at location: EventLocation) -> EventTime {
        if let fixedOffsetSeconds {
            return EventTime(local: local, utcOffsetSeconds: fixedOffsetSeconds, dateOnly: dateOnly)
        }
        if let state = location.state, let zone = zoneByState[state.uppercased()] {
            return EventTime(local: local, zone: zone, dateOnly: dateOnly)
        }
        if let country = location.countryCode, let zone = zoneByCountry[country] {
            return EventTime(local: local, zone: zone, dateOnly: dateOnly)
        }
        return EventTime(local: local, dateOnly: dateOnly)
    }

    private func firstText(_ queries: [XPathQuery], in row: MarkupNode) throws -> String {
        for query in queries {
            let text = fold(try row.string(query))
            if !text.isEmpty { return text }
        }
        return ""
    }

    /// The same scan printed twice (pages repeat the latest event in a summary) is kept once.
    static func removingDuplicates(_ events: [TrackingEvent]) -> [TrackingEvent] {
        var seen = Set<TrackingEvent>()
        return events.filter { seen.insert($0).inserted }
    }
}

extension CarrierEngine {
    /// The encoding to force on libxml2, if any: the HTTP header's charset; else none when the page declares its
    /// own (`<meta charset>`, `<?xml encoding?>`), so libxml2 reads that; else UTF-8 when the bytes are valid UTF-8;
    /// else the definition's fallback (`GBK` for old Chinese pages).
    static func encoding(of bytes: [UInt8], header: String?, fallback: String?) -> String? {
        if let header, !header.isEmpty { return header }
        if declaresCharset(bytes.prefix(4_096)) { return nil }
        if String(validating: bytes, as: UTF8.self) != nil { return "UTF-8" }
        return fallback
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

/// Collapses every run of whitespace (including no-break and ideographic spaces) to one space and trims.
func fold(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
        // ASCII first: Unicode property look-ups are costly and this runs over every field of every event.
        let isSpace =
            scalar.value < 0x80
            ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value))
            : (scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{3000}")
        if isSpace {
            pendingSpace = !result.isEmpty
        } else {
            if pendingSpace { result.unicodeScalars.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}
