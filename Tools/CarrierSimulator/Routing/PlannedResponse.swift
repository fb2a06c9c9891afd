/// A response the simulator means to send; `Content-Length`, `Connection` and `Server` are added when it is sent.
struct PlannedResponse: Sendable, Hashable {
    var status: Int
    var contentType: String?
    /// Headers beyond the standard ones, such as `Retry-After` or `Allow`.
    var extraHeaders: [PlannedHeader] = []
    var body: PlannedBody
}
