import ShipTrackHTTP
import ShipTrackModel
import ShipTrackXML

/// What a state rule, a response rule or a registration error says about a number.
enum StateOutcome: String, Sendable, CaseIterable {
    case notFound = "not_found"
    case notYet = "not_yet"
    case noInformation = "no_information"
    case infoReceived = "info_received"
    case unauthorized
    case quotaExhausted = "quota_exhausted"
    case rateLimited = "rate_limited"
    case carrierError = "carrier_error"
    case notRegistered = "not_registered"
    case blocked
    case fetchFailed = "fetch_failed"
    case invalidNumber = "invalid_number"

    static func parse(_ text: String, file: String, key: String) throws(CarrierDefinitionError) -> StateOutcome {
        guard let outcome = StateOutcome(rawValue: text) else {
            throw CarrierDefinitionError(
                file: file, key: key, message: "must be one of \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return outcome
    }

    /// The no-event status this state gives, when it is one.
    var noEventStatus: TrackingStatus? {
        switch self {
        case .noInformation: .pending
        case .infoReceived: .infoReceived
        default: nil
        }
    }

    /// The failure this state is for `number`.
    func error(_ number: String, carrier: String, source: SourceID, message: String, retryAfter: Duration?) -> TrackingError {
        let said = message.isEmpty ? nil : message
        switch self {
        case .notFound:
            return .notFound(number, carrier: carrier, source: source, detail: said ?? "the source does not know this number")
        case .notYet:
            return .outcome(.notYet, number, carrier: carrier, source: source, detail: said ?? "no tracking information yet")
        case .unauthorized:
            return .outcome(.unauthorized, number, carrier: carrier, source: source, detail: said ?? "the credentials were refused")
        case .quotaExhausted:
            return .outcome(.quotaExhausted, number, carrier: carrier, source: source, detail: said ?? "the account's quota is spent",
                            retryAfter: retryAfter)
        case .rateLimited:
            return .outcome(.rateLimited, number, carrier: carrier, source: source, detail: said ?? "too many requests",
                            retryAfter: retryAfter)
        case .carrierError:
            return .carrierError(number, carrier: carrier, source: source, detail: said ?? "no message")
        case .notRegistered:
            return .notRegistered(number, carrier: carrier, source: source, detail: said ?? "the number is not registered")
        case .blocked:
            return .outcome(.blocked, number, carrier: carrier, source: source, detail: said ?? "the request was refused as a bot's")
        case .fetchFailed:
            return .fetchFailed(number, carrier: carrier, source: source, detail: said ?? "the request failed")
        case .invalidNumber:
            return .invalidNumber(number, detail: said ?? "the source refused the number")
        case .noInformation, .infoReceived:
            return .carrierError(number, carrier: carrier, source: source, detail: "not a failure")
        }
    }
}

/// A compiled `{when, outcome, message}` rule.
struct CompiledState: Sendable {
    let when: XPathQuery
    let outcome: StateOutcome
    let message: XPathQuery?

    static func list(_ rules: [StateRule]?, _ key: String, compiler: XPathCompiler) throws(CarrierDefinitionError)
        -> [CompiledState]
    {
        var compiled: [CompiledState] = []
        for (index, rule) in (rules ?? []).enumerated() {
            let ruleKey = "\(key)[\(index)]"
            compiled.append(
                CompiledState(
                    when: try compiler.compile(rule.when, ruleKey + ".when"),
                    outcome: try StateOutcome.parse(rule.outcome, file: compiler.file, key: ruleKey + ".outcome"),
                    message: try rule.message.map { expression throws(CarrierDefinitionError) in
                        try compiler.compile(expression, ruleKey + ".message")
                    }))
        }
        return compiled
    }
}

/// A compiled whole-answer rule.
struct CompiledResponse: Sendable {
    let httpStatus: Set<Int>?
    let when: XPathQuery?
    let bodyContains: [[UInt8]]
    let bodyEquals: [[UInt8]]
    let redirected: Bool?
    let outcome: StateOutcome
    let message: XPathQuery?
    let says: String?
    let refreshToken: Bool

    init(_ rule: ResponseRule, _ key: String, compiler: XPathCompiler) throws(CarrierDefinitionError) {
        httpStatus = rule.httpStatus.map(Set.init)
        when = try rule.when.map { expression throws(CarrierDefinitionError) in try compiler.compile(expression, key + ".when") }
        bodyContains = (rule.bodyContains ?? []).map { Array($0.utf8) }
        if bodyContains.contains(where: \.isEmpty) {
            throw CarrierDefinitionError(file: compiler.file, key: key + ".body_contains", message: "an empty marker matches everything")
        }
        bodyEquals = (rule.bodyEquals ?? []).map { Array($0.utf8) }
        redirected = rule.redirected
        outcome = try StateOutcome.parse(rule.outcome, file: compiler.file, key: key + ".outcome")
        if outcome.noEventStatus != nil {
            throw CarrierDefinitionError(file: compiler.file, key: key + ".outcome", message: "a whole answer cannot mean \(outcome.rawValue)")
        }
        message = try rule.message.map { expression throws(CarrierDefinitionError) in try compiler.compile(expression, key + ".message") }
        says = rule.says
        refreshToken = rule.refreshToken ?? false
        if httpStatus == nil, when == nil, bodyContains.isEmpty, bodyEquals.isEmpty, redirected == nil {
            throw CarrierDefinitionError(file: compiler.file, key: key, message: "needs at least one test")
        }
    }
}

/// The compiled per-field XPaths of an event row.
struct CompiledFields: Sendable {
    let description: [XPathQuery]
    let time: [XPathQuery]
    let utcOffset: [XPathQuery]
    let timeUTC: [XPathQuery]
    let location: [XPathQuery]
    let city: [XPathQuery]
    let state: [XPathQuery]
    let postalCode: [XPathQuery]
    let country: [XPathQuery]
    let eventCode: [XPathQuery]
    let leg: [XPathQuery]

    init(_ recipe: FieldRecipe, compiler: XPathCompiler) throws(CarrierDefinitionError) {
        let key = "answer.fields"
        description = try compiler.list(recipe.description, key + ".description", required: true)
        time = try compiler.list(recipe.time, key + ".time", required: recipe.timeUTC == nil)
        utcOffset = try compiler.list(recipe.utcOffset, key + ".utc_offset", required: false)
        timeUTC = try compiler.list(recipe.timeUTC, key + ".time_utc", required: false)
        location = try compiler.list(recipe.location, key + ".location", required: false)
        city = try compiler.list(recipe.city, key + ".city", required: false)
        state = try compiler.list(recipe.state, key + ".state", required: false)
        postalCode = try compiler.list(recipe.postalCode, key + ".postal_code", required: false)
        country = try compiler.list(recipe.country, key + ".country", required: false)
        eventCode = try compiler.list(recipe.eventCode, key + ".event_code", required: false)
        leg = try compiler.list(recipe.leg, key + ".leg", required: false)
    }
}

/// A compiled request recipe: method, templates, body.
struct CompiledRequest: Sendable {
    struct Body: Sendable {
        let format: BodyRecipe.Format
        let template: Template
        let item: Template?
        let separator: String
    }

    let method: HTTPRequest.Method
    let path: Template
    let headers: [(name: String, value: Template)]
    let body: Body?

    init(_ recipe: RequestRecipe, _ key: String, file: String) throws(CarrierDefinitionError) {
        func template(_ text: String, _ at: String) throws(CarrierDefinitionError) -> Template {
            do { return try Template(text) } catch { throw CarrierDefinitionError(file: file, key: at, message: error.description) }
        }
        switch recipe.method?.uppercased() ?? (recipe.body == nil ? "GET" : "POST") {
        case "GET": method = .get
        case "POST": method = .post
        default: throw CarrierDefinitionError(file: file, key: key + ".method", message: "must be GET or POST")
        }
        guard recipe.path.hasPrefix("/") else {
            throw CarrierDefinitionError(file: file, key: key + ".path", message: "must start with /")
        }
        path = try template(recipe.path, key + ".path")
        var headers: [(name: String, value: Template)] = []
        for (name, value) in (recipe.headers ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard !name.isEmpty, name.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != UInt8(ascii: ":") }) else {
                throw CarrierDefinitionError(file: file, key: "\(key).headers.\(name)", message: "not a header name")
            }
            headers.append((name, try template(value, "\(key).headers.\(name)")))
        }
        self.headers = headers
        if let body = recipe.body {
            let main = try template(body.template, key + ".body.template")
            let item = try body.item.map { text throws(CarrierDefinitionError) in try template(text, key + ".body.item") }
            if main.contains(.items) != (item != nil) {
                throw CarrierDefinitionError(
                    file: file, key: key + ".body", message: "{items} in the template and an item template go together")
            }
            self.body = Body(format: body.format, template: main, item: item, separator: body.separator ?? ",")
            if method == .get {
                throw CarrierDefinitionError(file: file, key: key + ".method", message: "a request with a body must be POST")
            }
        } else {
            self.body = nil
        }
        if path.contains(.items) || headers.contains(where: { $0.value.contains(.items) }) {
            throw CarrierDefinitionError(file: file, key: key, message: "{items} belongs in the body")
        }
    }

    var secretNames: [String] {
        path.secretNames + headers.flatMap { $0.value.secretNames } + (body?.template.secretNames ?? [])
            + (body?.item?.secretNames ?? [])
    }

    var usesToken: Bool {
        path.contains(.token) || headers.contains { $0.value.contains(.token) } || body?.template.contains(.token) == true
    }

    var mentionsNumber: Bool {
        path.contains(.number) || body?.template.contains(.number) == true || body?.item?.contains(.number) == true
    }

    /// The HTTP request for `values` against `base` (no trailing slash), with every secret and token it holds listed
    /// for redaction.
    func build(base: String, values: TemplateValues) throws(TemplateError) -> HTTPRequest {
        var redactions: [String] = []
        let url = base + (try path.render(values, escaping: .url, redactions: &redactions))
        var built: [(name: String, value: String)] = []
        for (name, value) in headers {
            built.append((name, try value.render(values, escaping: .header, redactions: &redactions)))
        }
        var bytes: [UInt8]?
        if let body {
            let text = try body.template.render(
                values, escaping: body.format == .json ? .json : .form, item: body.item, separator: body.separator,
                redactions: &redactions)
            bytes = Array(text.utf8)
            if !built.contains(where: { $0.name.lowercased() == "content-type" }) {
                built.append(("Content-Type", body.format == .json ? "application/json" : "application/x-www-form-urlencoded"))
            }
        }
        return HTTPRequest(url: url, method: method, headers: built, body: bytes, redactions: redactions)
    }
}

/// The compiled registration recipe.
struct CompiledRegistration: Sendable {
    let request: CompiledRequest
    let accepted: XPathQuery
    let rejected: XPathQuery
    let number: [XPathQuery]
    let errorCode: [XPathQuery]
    let errorMessage: [XPathQuery]
    let alreadyRegistered: Set<String>
    let errorOutcomes: [String: StateOutcome]
    let unitsPerNumber: Int

    init(_ recipe: RegistrationRecipe, file: String, compiler: XPathCompiler) throws(CarrierDefinitionError) {
        let key = "registration"
        request = try CompiledRequest(recipe.request, key + ".request", file: file)
        accepted = try compiler.compile(recipe.accepted, key + ".accepted")
        rejected = try compiler.compile(recipe.rejected, key + ".rejected")
        number = try compiler.list(recipe.number, key + ".number", required: true)
        errorCode = try compiler.list(recipe.errorCode, key + ".error_code", required: true)
        errorMessage = try compiler.list(recipe.errorMessage, key + ".error_message", required: false)
        alreadyRegistered = Set(recipe.alreadyRegistered)
        var outcomes: [String: StateOutcome] = [:]
        for (code, outcome) in recipe.errorOutcomes ?? [:] {
            outcomes[code] = try StateOutcome.parse(outcome, file: file, key: "\(key).error_outcomes.\(code)")
        }
        errorOutcomes = outcomes
        unitsPerNumber = recipe.unitsPerNumber ?? 1
    }
}

/// The compiled quota recipe.
struct CompiledQuota: Sendable {
    let request: CompiledRequest
    let remaining: XPathQuery
    let total: XPathQuery?

    init(_ recipe: QuotaRecipe, file: String, compiler: XPathCompiler) throws(CarrierDefinitionError) {
        request = try CompiledRequest(recipe.request, "quota.request", file: file)
        remaining = try compiler.compile(recipe.remaining, "quota.remaining")
        total = try recipe.total.map { expression throws(CarrierDefinitionError) in try compiler.compile(expression, "quota.total") }
    }
}

/// The compiled token recipe (OAuth 2.0 client credentials).
struct CompiledAuth: Sendable {
    let tokenPath: String
    let body: BodyRecipe.Format
    let parameters: [(name: String, value: Template)]
    let tokenField: String
    let expiresField: String

    init(_ recipe: AuthRecipe, file: String) throws(CarrierDefinitionError) {
        guard recipe.type == "oauth2_client_credentials" else {
            throw CarrierDefinitionError(file: file, key: "auth.type", message: "must be \"oauth2_client_credentials\"")
        }
        guard recipe.tokenPath.hasPrefix("/") else {
            throw CarrierDefinitionError(file: file, key: "auth.token_path", message: "must start with /")
        }
        tokenPath = recipe.tokenPath
        body = recipe.body ?? .form
        var parameters: [(name: String, value: Template)] = []
        for (name, value) in recipe.parameters.sorted(by: { $0.key < $1.key }) {
            do { parameters.append((name, try Template(value))) } catch {
                throw CarrierDefinitionError(file: file, key: "auth.parameters.\(name)", message: error.description)
            }
            if parameters.last?.value.pieces.contains(where: { if case .secret = $0 { false } else if case .literal = $0 { false } else { true } }) == true {
                throw CarrierDefinitionError(file: file, key: "auth.parameters.\(name)", message: "only {secret:NAME} may appear here")
            }
        }
        self.parameters = parameters
        tokenField = recipe.tokenField ?? "access_token"
        expiresField = recipe.expiresField ?? "expires_in"
        for field in [tokenField, expiresField] where !field.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            throw CarrierDefinitionError(file: file, key: "auth", message: "\(field) is not a field name")
        }
    }

    var secretNames: [String] { parameters.flatMap { $0.value.secretNames } }

    /// The token request against `base`.
    func request(base: String, secrets: SecretStore, source: SourceID) throws(TemplateError) -> HTTPRequest {
        var redactions: [String] = []
        let values = TemplateValues(items: [], token: nil, secrets: secrets, sourceID: source)
        var text = ""
        switch body {
        case .form:
            for (index, (name, value)) in parameters.enumerated() {
                if index > 0 { text += "&" }
                text += SourceEngine.formEncode(name) + "=" + (try value.render(values, escaping: .form, redactions: &redactions))
            }
        case .json:
            text = "{"
            for (index, (name, value)) in parameters.enumerated() {
                if index > 0 { text += "," }
                TemplateEscaping.writeJSONString(name, to: &text)
                text += ":" + (try value.render(values, escaping: .json, redactions: &redactions))
            }
            text += "}"
        }
        return HTTPRequest(
            url: base + tokenPath, method: .post,
            headers: [
                ("Content-Type", body == .json ? "application/json" : "application/x-www-form-urlencoded"),
                ("Accept", "application/json"),
            ],
            body: Array(text.utf8), redactions: redactions)
    }
}
