import NIOCore
import NIOHTTP1

/// A request being received, or received and waiting its turn: the head and as much of the body as the
/// connection accepts.
struct IncomingRequest {
    let head: HTTPRequestHead
    private(set) var body = ByteBuffer()
    /// Set when the body went past the limit; the rest is dropped and the request is answered with 413.
    private(set) var bodyExceededLimit = false

    init(head: HTTPRequestHead) {
        self.head = head
    }

    mutating func append(_ chunk: inout ByteBuffer, limit: Int) {
        guard !self.bodyExceededLimit else { return }
        guard self.body.readableBytes + chunk.readableBytes <= limit else {
            self.bodyExceededLimit = true
            self.body.clear()
            return
        }
        self.body.writeBuffer(&chunk)
    }

    /// The request as the router sees it.
    var simulatorRequest: SimulatorRequest {
        SimulatorRequest(
            method: self.head.method.rawValue,
            target: self.head.uri,
            contentType: self.head.headers.first(name: "content-type"),
            body: Array(self.body.readableBytesView),
            // Only the APIs read headers; page requests, the bulk of a load test, skip the copy.
            headers: APIRouter.mayBeAPI(self.head.uri)
                ? self.head.headers.map { SimulatorRequest.HeaderField(name: $0.name, value: $0.value) } : []
        )
    }
}
