import Foundation
public import ShipTrackModel
import ShipTrackXML

/// One source definition, checked and compiled: builds its requests and reads its answers into events.
///
/// Every XPath, template, date pattern, regular expression and zone is compiled once here, so a malformed
/// definition fails at load with the file and key named, and reading an answer does no set-up work.
public final class SourceEngine: Sendable {
    /// The definition this engine runs.
    public let definition: SourceDefinition
    /// Where the definition came from (`usps-api.json (built-in)` or a path).
    public let origin: String

    let format: MarkupDocument.Kind
    /// Largest answer accepted, in bytes.
    public let maxBytes: Int
    let newestFirst: Bool
    let markers: [XPathQuery]
    let items: XPathQuery?
    let itemNumber: [XPathQuery]
    let itemCarrier: [XPathQuery]
    let itemStates: [CompiledState]
    let eventRows: XPathQuery
    let fields: CompiledFields
    let timeReader: TimeReader
    let locationParser: LocationParser
    let legByCode: [String: CarrierID]
    let noEvents: [CompiledState]
    let responses: [CompiledResponse]
    let statusMatcher: StatusMatcher
    let track: CompiledRequest
    let registration: CompiledRegistration?
    let quota: CompiledQuota?
    let auth: CompiledAuth?
    /// Numbers one tracking request carries at most.
    public let batchSize: Int
    /// Every secret the source needs: those it declares and those its templates read.
    public let requiredSecrets: [String]

    /// The schema versions this build reads.
    public static let supportedSchemaVersions = 1...1
    /// Answers larger than this are refused whatever a definition says (a source answering 35 numbers at once
    /// stays far below it).
    public static let largestAnswer = 32 << 20

    /// Checks and compiles `definition`; `origin` names it in errors.
    public init(definition: SourceDefinition, origin: String) throws(CarrierDefinitionError) {
        let file = origin
        func fail(_ key: String, _ message: String) -> CarrierDefinitionError {
            CarrierDefinitionError(file: file, key: key, message: message)
        }
        guard Self.supportedSchemaVersions.contains(definition.schemaVersion) else {
            throw fail("schema_version", "version \(definition.schemaVersion) is not supported (this build reads \(Self.supportedSchemaVersions))")
        }
        guard !definition.id.rawValue.isEmpty,
            definition.id.rawValue.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { throw fail("id", "use letters, digits, - and _ only") }
        guard !definition.serves.isEmpty else { throw fail("serves", "must name at least one carrier") }
        guard definition.baseURL.hasPrefix("http://") || definition.baseURL.hasPrefix("https://") else {
            throw fail("base_url", "must start with http:// or https://")
        }

        let answer = definition.answer
        switch answer.format {
        case "html": format = .html
        case "xml": format = .xml
        case "json": format = .json
        default: throw fail("answer.format", "must be \"html\", \"xml\" or \"json\"")
        }
        let largest = Self.largestAnswer
        if let bytes = answer.maxBytes, !(1...largest).contains(bytes) {
            throw fail("answer.max_bytes", "must be between 1 and \(largest)")
        }
        maxBytes = answer.maxBytes ?? 4 << 20
        switch answer.order ?? "newest_first" {
        case "newest_first": newestFirst = true
        case "oldest_first": newestFirst = false
        default: throw fail("answer.order", "must be \"newest_first\" or \"oldest_first\"")
        }

        let compiler = XPathCompiler(file: file, format: format)
        markers = try compiler.list(answer.markers, "answer.markers", required: false)
        items = try answer.items.map { expression throws(CarrierDefinitionError) in try compiler.compile(expression, "answer.items") }
        itemNumber = try compiler.list(answer.itemNumber, "answer.item_number", required: answer.items != nil)
        itemCarrier = try compiler.list(answer.itemCarrier, "answer.item_carrier", required: false)
        itemStates = try CompiledState.list(answer.itemStates, "answer.item_states", compiler: compiler)
        eventRows = try compiler.compile(answer.eventRows, "answer.event_rows")
        fields = try CompiledFields(answer.fields, compiler: compiler)
        noEvents = try CompiledState.list(answer.noEvents, "answer.no_events", compiler: compiler)
        timeReader = try TimeReader(recipe: answer.time, file: file)
        locationParser = try LocationParser(recipe: answer.location, file: file)
        var legs: [String: CarrierID] = [:]
        for (code, carrier) in answer.legByCode ?? [:] { legs[code] = CarrierID(carrier) }
        legByCode = legs
        if !legs.isEmpty, fields.leg.isEmpty { throw fail("answer.leg_by_code", "needs answer.fields.leg") }

        var compiledResponses: [CompiledResponse] = []
        for (index, rule) in (definition.responses ?? []).enumerated() {
            compiledResponses.append(try CompiledResponse(rule, "responses[\(index)]", compiler: compiler))
        }
        responses = compiledResponses
        statusMatcher = try StatusMatcher(table: definition.statuses, file: file)

        let limits = definition.limits ?? SourceLimits()
        if let size = limits.batchSize, !(1...1_000).contains(size) { throw fail("limits.batch_size", "must be between 1 and 1000") }
        if let concurrency = limits.concurrency, !(1...1_024).contains(concurrency) {
            throw fail("limits.concurrency", "must be between 1 and 1024")
        }
        if let rate = limits.requestsPerSecond, !(rate > 0 && rate <= 100_000) {
            throw fail("limits.requests_per_second", "must be above 0 and at most 100000")
        }
        if let calls = limits.callsPerHour, calls < 1 { throw fail("limits.calls_per_hour", "must be at least 1") }
        batchSize = limits.batchSize ?? 1

        track = try CompiledRequest(definition.track, "track", file: file)
        if batchSize > 1, track.body?.item == nil {
            throw fail("track.body", "a batch of \(batchSize) needs a body with {items} and an item template")
        }
        if batchSize == 1, track.body?.item != nil {
            throw fail("limits.batch_size", "the body has {items}: give the batch size")
        }
        if track.body?.item == nil, !track.mentionsNumber {
            throw fail("track.path", "must contain {number} (or the body must)")
        }
        if track.body?.item != nil, items == nil {
            throw fail("answer.items", "an answer about several numbers needs items and item_number")
        }
        registration = try definition.registration.map { recipe throws(CarrierDefinitionError) in
            try CompiledRegistration(recipe, file: file, compiler: XPathCompiler(file: file, format: .json))
        }
        quota = try definition.quota.map { recipe throws(CarrierDefinitionError) in
            try CompiledQuota(recipe, file: file, compiler: XPathCompiler(file: file, format: .json))
        }
        auth = try definition.auth.map { recipe throws(CarrierDefinitionError) in try CompiledAuth(recipe, file: file) }
        if track.usesToken, auth == nil { throw fail("track", "uses {token} but the source has no auth") }

        var secrets = definition.secrets ?? []
        for name in track.secretNames + (registration?.request.secretNames ?? []) + (quota?.request.secretNames ?? [])
            + (auth?.secretNames ?? []) where !secrets.contains(name)
        {
            secrets.append(name)
        }
        for name in secrets where !Template.isVariableName(name) {
            throw fail("secrets", "\(name) is not a variable name (A-Z, 0-9, _)")
        }
        requiredSecrets = secrets
        self.definition = definition
        self.origin = origin
    }

    /// The source's identifier.
    public var id: SourceID { definition.id }

    /// The source's code for `carrier`, if it has one.
    func code(for carrier: CarrierID) -> TemplateValue? { definition.serves[carrier]?.code }

    /// The carrier a source code stands for (17TRACK's `3013` is China EMS), if this source serves it.
    func carrier(forCode code: String) -> CarrierID? {
        definition.serves.first { $0.value.code?.text == code }?.key
    }

    /// What the definition tells the operator for `outcome`, if anything.
    func advice(for outcome: TrackingOutcome) -> String? { definition.advice?[outcome.rawValue] }

    /// RFC 3986 percent-encoding of everything but unreserved characters, so a number can never change a URL's
    /// structure (`&`, `/`, `?`, `#`, spaces).
    public static func percentEncode(_ text: String) -> String {
        encode(text, keeping: { byte in
            (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "~")
        })
    }

    /// `application/x-www-form-urlencoded`: like percent-encoding, with spaces as `+`.
    static func formEncode(_ text: String) -> String {
        percentEncode(text).replacingOccurrences(of: "%20", with: "+")
    }

    private static func encode(_ text: String, keeping keep: (UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        var encoded = ""
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if keep(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded.unicodeScalars.append("%")
                encoded.unicodeScalars.append(hex[Int(byte >> 4)])
                encoded.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return encoded
    }
}

/// Compiles XPath expressions of one definition, naming the key of a bad one.
struct XPathCompiler {
    let file: String
    let probe: MarkupNode?

    init(file: String, format: MarkupDocument.Kind) {
        self.file = file
        // Some mistakes (an unknown function such as `normalise-space`) compile and fail only when evaluated, so
        // every query is also tried once on a small document: a malformed definition fails at load.
        switch format {
        case .xml: probe = try? MarkupDocument.parseXML(Array("<probe/>".utf8), context: "probe").documentNode
        case .html: probe = try? MarkupDocument.parseHTML(Array("<p>probe</p>".utf8), context: "probe").documentNode
        case .json: probe = try? MarkupDocument.parseJSON(Array("{\"probe\":1}".utf8), context: "probe").documentNode
        }
    }

    func compile(_ expression: String, _ key: String) throws(CarrierDefinitionError) -> XPathQuery {
        do {
            let query = try XPathQuery(expression)
            if let probe { _ = try probe.string(query) }
            return query
        } catch {
            throw CarrierDefinitionError(file: file, key: key, message: "\(error)")
        }
    }

    func list(_ expressions: [String]?, _ key: String, required: Bool) throws(CarrierDefinitionError) -> [XPathQuery] {
        let list = expressions ?? []
        if required, list.isEmpty { throw CarrierDefinitionError(file: file, key: key, message: "needs at least one XPath") }
        var compiled: [XPathQuery] = []
        for (index, expression) in list.enumerated() { compiled.append(try compile(expression, "\(key)[\(index)]")) }
        return compiled
    }
}
