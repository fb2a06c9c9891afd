/// One HTTP request to make.
public struct HTTPRequest: Sendable, Hashable {
    /// The request method. Only what carriers need.
    public enum Method: String, Sendable, Hashable { case get = "GET", post = "POST" }

    /// The absolute `http` or `https` URL, with parameters already percent-encoded.
    public var url: String
    public var method: Method
    /// Extra request headers, sent in order.
    public var headers: [(name: String, value: String)]
    /// The body for `POST`.
    public var body: [UInt8]?

    public init(url: String, method: Method = .get, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.url == rhs.url && lhs.method == rhs.method && lhs.body == rhs.body
            && lhs.headers.elementsEqual(rhs.headers, by: { $0.name == $1.name && $0.value == $1.value })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(url)
        hasher.combine(method)
        hasher.combine(body)
    }
}
