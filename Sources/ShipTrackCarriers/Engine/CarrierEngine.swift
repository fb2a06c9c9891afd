import Foundation
public import ShipTrackHTTP
public import ShipTrackModel
import ShipTrackNumbers
import ShipTrackXML

/// One carrier definition, checked and compiled: builds requests and reads pages into normalized events.
///
/// Every XPath, date pattern, regular expression and zone is compiled once here, so a malformed definition
/// fails at load with the file and key named, and reading a page does no set-up work.
public final class CarrierEngine: Sendable {
    /// The definition this engine runs.
    public let definition: CarrierDefinition
    /// Where the definition came from (`usps.json (built-in)` or a path).
    public let source: String

    let format: MarkupDocument.Kind
    let eventRows: XPathQuery
    let descriptionQueries: [XPathQuery]
    let timeQueries: [XPathQuery]
    let locationQueries: [XPathQuery]
    let eventCodeQueries: [XPathQuery]
    let timePatterns: [TimePattern]
    let fixedOffsetSeconds: Int?
    let zoneByState: [String: TimeZone]
    let zoneByCountry: [String: TimeZone]
    let locationParser: LocationParser
    let pageStates: [CompiledPageState]
    let statusMatcher: StatusMatcher
    let method: HTTPRequest.Method
    let maxBytes: Int

    struct CompiledPageState: Sendable {
        enum Outcome: String, Sendable { case notFound = "not_found", noInformation = "no_information",
            infoReceived = "info_received", carrierError = "carrier_error" }
        let when: XPathQuery
        let outcome: Outcome
        let message: XPathQuery?
    }

    /// The schema versions this build reads.
    public static let supportedSchemaVersions = 1...1

    /// Checks and compiles `definition`; `source` names it in errors.
    public init(definition: CarrierDefinition, source: String) throws(CarrierDefinitionError) {
        let file = source
        guard CarrierEngine.supportedSchemaVersions.contains(definition.schemaVersion) else {
            throw CarrierDefinitionError(
                file: file, key: "schema_version",
                message: "version \(definition.schemaVersion) is not supported (this build reads \(CarrierEngine.supportedSchemaVersions))")
        }
        guard definition.id.rawValue.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
            !definition.id.rawValue.isEmpty
        else { throw CarrierDefinitionError(file: file, key: "id", message: "use letters, digits, - and _ only") }
        do {
            try definition.numbers.validate(file: file)
        } catch {
            throw CarrierDefinitionError(file: file, key: error.keyPath, message: error.message)
        }

        let page = definition.page
        switch page.format {
        case "html": format = .html
        case "xml": format = .xml
        default: throw CarrierDefinitionError(file: file, key: "page.format", message: "must be \"html\" or \"xml\"")
        }
        // Some mistakes (an unknown function such as `normalise-space`) compile and fail only when evaluated, so
        // every query is also tried once on an empty page: a malformed definition fails here, not on every page.
        let probe: MarkupNode?
        do {
            probe = try (format == .xml
                ? MarkupDocument.parseXML(Array("<probe/>".utf8), context: "probe")
                : MarkupDocument.parseHTML(Array("<p>probe</p>".utf8), context: "probe")).documentNode
        } catch { probe = nil }
        func compile(_ expression: String, _ key: String) throws(CarrierDefinitionError) -> XPathQuery {
            do {
                let query = try XPathQuery(expression)
                if let probe { _ = try probe.string(query) }
                return query
            } catch {
                throw CarrierDefinitionError(file: file, key: key, message: "\(error)")
            }
        }
        func compileList(_ expressions: [String]?, _ key: String, required: Bool) throws(CarrierDefinitionError)
            -> [XPathQuery]
        {
            let list = expressions ?? []
            if required, list.isEmpty { throw CarrierDefinitionError(file: file, key: key, message: "needs at least one XPath") }
            var compiled: [XPathQuery] = []
            for (index, expression) in list.enumerated() { compiled.append(try compile(expression, "\(key)[\(index)]")) }
            return compiled
        }
        eventRows = try compile(page.eventRows, "page.event_rows")
        descriptionQueries = try compileList(page.fields.description, "page.fields.description", required: true)
        timeQueries = try compileList(page.fields.time, "page.fields.time", required: true)
        locationQueries = try compileList(page.fields.location, "page.fields.location", required: false)
        eventCodeQueries = try compileList(page.fields.eventCode, "page.fields.event_code", required: false)

        var patterns: [TimePattern] = []
        for (index, format) in page.time.formats.enumerated() {
            do { patterns.append(try TimePattern(format)) } catch {
                throw CarrierDefinitionError(file: file, key: "page.time.formats[\(index)]", message: error.description)
            }
        }
        if patterns.isEmpty { throw CarrierDefinitionError(file: file, key: "page.time.formats", message: "needs at least one format") }
        timePatterns = patterns

        if let offset = page.time.utcOffset {
            guard let seconds = CarrierEngine.parseOffset(offset) else {
                throw CarrierDefinitionError(file: file, key: "page.time.utc_offset", message: "\(offset) is not like +08:00")
            }
            fixedOffsetSeconds = seconds
        } else {
            fixedOffsetSeconds = nil
        }
        func zones(_ table: [String: String]?, _ key: String) throws(CarrierDefinitionError) -> [String: TimeZone] {
            var zones: [String: TimeZone] = [:]
            for (name, identifier) in table ?? [:] {
                guard let zone = TimeZone(identifier: identifier) else {
                    throw CarrierDefinitionError(file: file, key: "\(key).\(name)", message: "unknown time zone \(identifier)")
                }
                zones[name.uppercased()] = zone
            }
            return zones
        }
        zoneByState = try zones(page.time.zoneByState, "page.time.zone_by_state")
        zoneByCountry = try zones(page.time.zoneByCountry, "page.time.zone_by_country")
        locationParser = try LocationParser(recipe: page.location, file: file)

        var states: [CompiledPageState] = []
        for (index, state) in page.pageStates.enumerated() {
            let key = "page.page_states[\(index)]"
            guard let outcome = CompiledPageState.Outcome(rawValue: state.outcome) else {
                throw CarrierDefinitionError(
                    file: file, key: key + ".outcome",
                    message: "must be not_found, no_information, info_received or carrier_error")
            }
            states.append(
                CompiledPageState(
                    when: try compile(state.when, key + ".when"), outcome: outcome,
                    message: try state.message.map { message throws(CarrierDefinitionError) in try compile(message, key + ".message") }))
        }
        pageStates = states
        statusMatcher = try StatusMatcher(table: definition.statuses, file: file)

        switch definition.request.method?.uppercased() ?? "GET" {
        case "GET": method = .get
        case "POST": method = .post
        default: throw CarrierDefinitionError(file: file, key: "request.method", message: "must be GET or POST")
        }
        guard definition.request.baseURL.hasPrefix("http://") || definition.request.baseURL.hasPrefix("https://") else {
            throw CarrierDefinitionError(file: file, key: "request.base_url", message: "must start with http:// or https://")
        }
        guard definition.request.path.contains("{number}") || definition.request.formBody?.contains("{number}") == true
        else {
            throw CarrierDefinitionError(file: file, key: "request.path", message: "must contain {number} (or form_body must)")
        }
        maxBytes = page.maxBytes ?? 4 << 20
        self.definition = definition
        self.source = source
    }

    /// The carrier's identifier.
    public var id: CarrierID { definition.id }

    /// The request for `number` (already normalised), against `baseURL` or the definition's own.
    public func request(for number: String, baseURL: String? = nil) -> HTTPRequest {
        let escaped = CarrierEngine.percentEncode(number)
        var base = baseURL ?? definition.request.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        let url = base + definition.request.path.replacingOccurrences(of: "{number}", with: escaped)
        var headers = (definition.request.headers ?? [:]).sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        var body: [UInt8]?
        if method == .post, let form = definition.request.formBody {
            body = Array(form.replacingOccurrences(of: "{number}", with: escaped).utf8)
            if !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
                headers.append((name: "Content-Type", value: "application/x-www-form-urlencoded"))
            }
        }
        return HTTPRequest(url: url, method: method, headers: headers, body: body)
    }

    /// RFC 3986 percent-encoding of everything but unreserved characters, so a number can never change the URL's
    /// structure (`&`, `/`, `?`, `#`, spaces).
    public static func percentEncode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                encoded.unicodeScalars.append("%")
                encoded.unicodeScalars.append(hex[Int(byte >> 4)])
                encoded.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return encoded
    }

    static func parseOffset(_ text: String) -> Int? {
        if text == "Z" { return 0 }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 6, scalars[0] == "+" || scalars[0] == "-", scalars[3] == ":",
            let hours = Int(String(text.dropFirst().prefix(2))), let minutes = Int(String(text.suffix(2))),
            hours <= 14, minutes < 60
        else { return nil }
        return (scalars[0] == "-" ? -1 : 1) * (hours * 3_600 + minutes * 60)
    }
}
