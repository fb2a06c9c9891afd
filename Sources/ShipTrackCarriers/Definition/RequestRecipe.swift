/// How to build one HTTP request of a source: for a number, or for a batch of numbers.
///
/// Templates take placeholders: `{number}` (the tracking number), `{carrier_code}` (the source's code for the
/// parcel's carrier), `{items}` (a batch body's items), `{token}` (the access token) and `{secret:NAME}` (a
/// credential). Every value is escaped for where it lands: percent-encoded in a path or query, JSON-encoded in a
/// JSON body, form-encoded in a form body; a header value may hold no line break.
public struct RequestRecipe: Decodable, Sendable {
    /// `GET` or `POST`.
    public var method: String?
    /// Path and query appended to the base URL.
    public var path: String
    /// Request headers.
    public var headers: [String: String]?
    /// The request body, for `POST`.
    public var body: BodyRecipe?
}

/// A request body: a template, and for batches a template per item.
public struct BodyRecipe: Decodable, Sendable {
    /// `json` or `form`: how placeholders are escaped, and the `Content-Type` sent unless a header sets one.
    public var format: Format
    /// The body, with `{items}` where a batch's items go (`[{items}]`).
    public var template: String
    /// One item of a batch (`{"trackingNumber":{number}}`); required when the template holds `{items}`.
    public var item: String?
    /// Between items (default `,`).
    public var separator: String?

    public enum Format: String, Decodable, Sendable {
        case json, form
    }
}

/// How a source gives out access tokens.
public struct AuthRecipe: Decodable, Sendable {
    /// Only `oauth2_client_credentials` (RFC 6749 section 4.4) for now.
    public var type: String
    /// The token endpoint's path on the source's base URL.
    public var tokenPath: String
    /// `form` (application/x-www-form-urlencoded, as RFC 6749 asks) or `json`.
    public var body: BodyRecipe.Format?
    /// The request's parameters, with `{secret:NAME}` for credentials.
    public var parameters: [String: String]
    /// Where the token is in the answer (default `access_token`) and its lifetime in seconds (default `expires_in`).
    public var tokenField: String?
    public var expiresField: String?

    enum CodingKeys: String, CodingKey {
        case type
        case tokenPath = "token_path"
        case body, parameters
        case tokenField = "token_field"
        case expiresField = "expires_field"
    }
}

/// What a whole answer means before its items are read: an error status, a block page, a whole-call error code.
///
/// Rules are tried in order; every test given must hold. An answer no rule matches is read normally.
public struct ResponseRule: Decodable, Sendable {
    /// HTTP status codes this rule applies to.
    public var httpStatus: [Int]?
    /// An XPath boolean over the parsed body (the body must parse in the answer's format).
    public var when: String?
    /// Raw byte strings, any of which marks the body (bot-protection markers).
    public var bodyContains: [String]?
    /// Whole bodies (whitespace trimmed), any of which the body is (EMS answers an unknown number with `null`).
    public var bodyEquals: [String]?
    /// Whether the source redirected the request elsewhere (to a landing page) and we did not follow.
    public var redirected: Bool?
    /// The outcome (`blocked`, `unauthorized`, `rate_limited`, `quota_exhausted`, `not_found`, `not_yet`,
    /// `carrier_error`, `fetch_failed`).
    public var outcome: String
    /// An XPath string over the parsed body: the source's own message.
    public var message: String?
    /// A fixed message, when the answer says nothing readable (EMS's bare `null`).
    public var says: String?
    /// On this answer, fetch a new token and ask once more (an expired token's 401).
    public var refreshToken: Bool?

    enum CodingKeys: String, CodingKey {
        case httpStatus = "http_status"
        case when
        case bodyContains = "body_contains"
        case bodyEquals = "body_equals"
        case redirected, outcome, message, says
        case refreshToken = "refresh_token"
    }
}

/// How numbers are registered with a source that tracks only numbers it was told about (17TRACK).
///
/// A number is registered once, ever: the state database remembers it across nights and lookups.
public struct RegistrationRecipe: Decodable, Sendable {
    /// The registration request (batched like tracking requests).
    public var request: RequestRecipe
    /// XPath selecting the accepted items, and the rejected ones.
    public var accepted: String
    public var rejected: String
    /// XPaths, relative to an item: its number, and for a rejected one its error code and message.
    public var number: [String]
    public var errorCode: [String]
    public var errorMessage: [String]
    /// Error codes that mean "already registered": a success.
    public var alreadyRegistered: [String]
    /// Other error codes and what they mean for the number (`"-18019908": "quota_exhausted"`).
    public var errorOutcomes: [String: String]?
    /// Quota units one registration costs.
    public var unitsPerNumber: Int?

    enum CodingKeys: String, CodingKey {
        case request, accepted, rejected, number
        case errorCode = "error_code"
        case errorMessage = "error_message"
        case alreadyRegistered = "already_registered"
        case errorOutcomes = "error_outcomes"
        case unitsPerNumber = "units_per_number"
    }
}

/// How to read the account's remaining allowance (17TRACK's `getquota`).
public struct QuotaRecipe: Decodable, Sendable {
    public var request: RequestRecipe
    /// XPath numbers over the answer: units left, and in all.
    public var remaining: String
    public var total: String?
}
