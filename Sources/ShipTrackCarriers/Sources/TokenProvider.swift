import Foundation
import Logging
import ShipTrackHTTP
import ShipTrackModel
import ShipTrackXML
import Synchronization

/// One source's OAuth 2.0 access token (client credentials), shared by every request of the process.
///
/// The token is fetched once and reused until shortly before it expires: concurrent requests that find no valid
/// token wait for the one request that fetches it. It is also kept in a cache file readable by its owner only
/// (`$XDG_CACHE_HOME/shiptrack/tokens/`), so the next lookup reuses it instead of asking again. Never in the
/// database, a log or a report.
final class TokenProvider: Sendable {
    struct Token: Sendable, Codable {
        let value: String
        let expires: Date
        /// When to fetch the next one: a little before `expires` (absent in cache files of older versions).
        var renewAt: Date?

        /// Whether the token can still be sent: it must not die on the way.
        var isFresh: Bool { Date() < (renewAt ?? expires.addingTimeInterval(-TokenProvider.longestMargin)) }
    }

    private enum State {
        case none
        case valid(Token)
        case fetching(Task<Token, any Error>)
    }

    private let source: SourceID
    private let auth: CompiledAuth
    private let baseURL: String
    private let secrets: SecretStore
    private let fetcher: any PageFetching
    private let cache: TokenCache?
    private let logger: Logger
    private let state = Mutex(State.none)
    private let fetches = Atomic<Int>(0)
    /// Renew up to this long before the token expires, so a request never carries a token that dies on the way; a
    /// tenth of a short token's lifetime (a test environment's minutes), so a short-lived token is still reused.
    static let longestMargin: TimeInterval = 300

    init(
        source: SourceID, auth: CompiledAuth, baseURL: String, secrets: SecretStore, fetcher: any PageFetching,
        cache: TokenCache?, logger: Logger
    ) {
        self.source = source
        self.auth = auth
        self.baseURL = baseURL
        self.secrets = secrets
        self.fetcher = fetcher
        self.cache = cache
        self.logger = logger
        if let cached = cache?.load(), cached.isFresh {
            state.withLock { $0 = .valid(cached) }
        }
    }

    /// How many token requests this provider sent.
    var requestsSent: Int { fetches.load(ordering: .relaxed) }

    /// A valid token, fetching one if needed (one request, however many callers wait).
    func token() async throws(TrackingError) -> String {
        enum Next { case ready(String), wait(Task<Token, any Error>) }
        let next = state.withLock { state -> Next in
            switch state {
            case .valid(let token) where token.isFresh:
                return .ready(token.value)
            case .fetching(let task):
                return .wait(task)
            default:
                let task = Task { try await self.fetch() }
                state = .fetching(task)
                return .wait(task)
            }
        }
        let task: Task<Token, any Error>
        switch next {
        case .ready(let value): return value
        case .wait(let waiting): task = waiting
        }
        do {
            let token = try await task.value
            state.withLock { state in
                if case .fetching = state { state = .valid(token) }
            }
            return token.value
        } catch {
            state.withLock { state in
                if case .fetching = state { state = .none }
            }
            if let error = error as? TrackingError { throw error }
            throw TrackingError.fetchFailed("", carrier: "", source: source, detail: "token request failed: \(error)")
        }
    }

    /// Forgets `value` (the source refused it: expired or revoked), so the next caller fetches a new one.
    func invalidate(_ value: String) {
        state.withLock { state in
            if case .valid(let token) = state, token.value == value { state = .none }
        }
        cache?.remove()
    }

    /// A token answer is a few hundred bytes; more than this is not one.
    static let maxAnswerBytes = 1 << 20

    private func fetch() async throws -> Token {
        fetches.add(1, ordering: .relaxed)
        var request: HTTPRequest
        do { request = try auth.request(base: baseURL, secrets: secrets, source: source) } catch {
            throw TrackingError.missingSecret("", carrier: nil, source: source, detail: error.description)
        }
        request.maxBodyBytes = Self.maxAnswerBytes
        let response: HTTPResponse
        do { response = try await fetcher.fetch(request) } catch let error as HTTPClientError {
            throw TrackingError.transport("", carrier: "", source: source, error: error)
        }
        let document = try? MarkupDocument.parseJSON(response.body, context: response.displayURL, maxBytes: Self.maxAnswerBytes)
        let root = document?.documentNode
        func field(_ name: String) -> String {
            guard let root, let query = try? XPathQuery("string(/json/\(name))") else { return "" }
            return ((try? root.string(query)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard response.statusCode == 200 else {
            let code = field("error")
            let description = Redaction.redact(field("error_description"), values: secrets.allValues)
            let said = code.isEmpty ? "HTTP \(response.statusCode)" : "\(code)\(description.isEmpty ? "" : ": \(description)")"
            if [400, 401, 403].contains(response.statusCode) {
                throw TrackingError.outcome(
                    .unauthorized, "", carrier: nil, source: source,
                    detail: "the token endpoint refused the client credentials (\(said))")
            }
            if response.statusCode == 429 {
                throw TrackingError.outcome(
                    .rateLimited, "", carrier: nil, source: source, detail: "the token endpoint said to slow down (HTTP 429)",
                    retryAfter: response.retryAfter(now: Date()))
            }
            throw TrackingError.httpStatus(
                "", carrier: "", source: source, status: response.statusCode, retryAfter: response.retryAfter(now: Date()),
                url: response.displayURL)
        }
        let value = field(auth.tokenField)
        guard !value.isEmpty, value.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            throw TrackingError.layoutNotRecognised(
                "", carrier: "", source: source, detail: "the token answer has no usable \(auth.tokenField)")
        }
        // A missing or absurd lifetime: assume an hour, the shortest common one, rather than trusting it forever.
        let lifetime = Double(field(auth.expiresField)).flatMap { $0 > 0 && $0 < 31_536_000 ? $0 : nil } ?? 3_600
        let now = Date()
        let token = Token(
            value: value, expires: now.addingTimeInterval(lifetime),
            renewAt: now.addingTimeInterval(lifetime - min(Self.longestMargin, lifetime / 10)))
        cache?.save(token)
        logger.debug("fetched an access token", metadata: ["source": "\(source)", "expires_in": "\(Int(lifetime))"])
        return token
    }
}

/// The file a source's token is kept in between runs: owner-only, written atomically, one per source and client.
struct TokenCache: Sendable {
    let file: URL

    /// The cache file for `source` under `folder`, named by a digest of the base URL and the client's identity, so
    /// a changed credential or endpoint never picks up a stale token.
    init(folder: URL, source: SourceID, identity: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in identity.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        file = folder.appendingPathComponent("\(source.rawValue)-\(String(hash, radix: 16)).json")
    }

    /// `$XDG_CACHE_HOME/shiptrack/tokens`, else `~/.cache/shiptrack/tokens`.
    static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("shiptrack/tokens")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/shiptrack/tokens")
    }

    func load() -> TokenProvider.Token? {
        guard let data = try? Data(contentsOf: file), data.count < 64 * 1024 else { return nil }
        return try? JSONDecoder().decode(TokenProvider.Token.self, from: data)
    }

    func save(_ token: TokenProvider.Token) {
        guard let data = try? JSONEncoder().encode(token) else { return }
        try? OwnerOnlyFile.write(data, to: file)
    }

    func remove() { try? FileManager.default.removeItem(at: file) }
}
