import Logging
import NIOCore
import NIOHTTP1

/// Serves one client connection: collects requests, answers them one at a time in order (keep-alive and
/// pipelining), and carries out each request's response plan, faults included.
///
/// Everything here runs on the connection's event loop. The handler does its own pipelining rather than using
/// NIO's `HTTPServerPipelineHandler`, because that one stops reading while a response is pending, and a
/// connection acting out `timeout` must keep reading to notice when the client gives up.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Tracking requests carry a few dozen bytes; anything this large is not a carrier lookup.
    static let maximumBodyBytes = 64 * 1_024
    /// More pipelined requests than this waiting at once is abuse, not a client under test.
    static let maximumQueuedRequests = 32

    let services: ConnectionServices
    var state = ConnectionState.idle
    /// Numbers responses, so a fixture read that finishes after its connection moved on is ignored.
    var responseCount = 0
    private var incoming: IncomingRequest?
    private var queued = CircularBuffer<IncomingRequest>()

    init(services: ConnectionServices) {
        self.services = services
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            self.incoming = IncomingRequest(head: head)
            self.sendContinueIfExpected(for: head, context: context)
        case .body(var chunk):
            self.incoming?.append(&chunk, limit: Self.maximumBodyBytes)
        case .end:
            guard let request = self.incoming else { return }
            self.incoming = nil
            self.enqueue(request, context: context)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if case .streaming = self.state, context.channel.isWritable {
            self.continueStreaming(context: context)
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if case .delaying(let scheduled) = self.state {
            scheduled.cancel()
        }
        self.state = .closing
        self.queued.removeAll()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is HTTPParserError, case .idle = self.state, self.queued.isEmpty {
            // Nothing has been sent for the bad request, so the client can still be told why it is cut off.
            self.services.logger.debug("unparseable request", metadata: ["error": "\(error)"])
            self.sendErrorAndClose(status: .badRequest, "carrier-sim: malformed HTTP request\n", context: context)
        } else {
            self.services.logger.debug("connection error", metadata: ["error": "\(error)"])
            self.state = .closing
            context.close(promise: nil)
        }
    }

    /// Answers `Expect: 100-continue` at once, so a client that waits for it does not stall; only when no other
    /// response is under way, as an interim response must not land inside another response's body.
    private func sendContinueIfExpected(for head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard head.headers["expect"].contains(where: { $0.lowercased() == "100-continue" }),
            case .idle = self.state, self.queued.isEmpty
        else { return }
        let interim = HTTPResponseHead(version: head.version, status: .continue)
        context.writeAndFlush(self.wrapOutboundOut(.head(interim)), promise: nil)
    }

    private func enqueue(_ request: IncomingRequest, context: ChannelHandlerContext) {
        switch self.state {
        case .silent, .closing:
            // A silent connection never answers again, and a closing one cannot.
            return
        case .idle, .delaying, .preparing, .streaming:
            break
        }
        guard self.queued.count < Self.maximumQueuedRequests else {
            self.services.logger.warning("too many pipelined requests; closing the connection")
            self.state = .closing
            context.close(promise: nil)
            return
        }
        self.queued.append(request)
        self.startNextResponse(context: context)
    }

    /// Starts answering the oldest waiting request, if no response is in progress.
    func startNextResponse(context: ChannelHandlerContext) {
        guard case .idle = self.state, let request = self.queued.popFirst() else { return }
        guard !request.bodyExceededLimit else {
            self.sendErrorAndClose(status: .payloadTooLarge, "carrier-sim: request body too large\n", context: context)
            return
        }

        let decision = self.services.router.route(request.simulatorRequest)
        let plan = self.services.planner.plan(for: decision)
        self.services.counters.recordRequestServed()
        self.responseCount += 1
        self.services.logger.debug(
            "request",
            metadata: [
                "method": "\(request.head.method.rawValue)",
                "target": "\(request.head.uri)",
                "routed": "\(decision.logDescription)",
                "plan": "\(plan.logDescription)",
            ]
        )

        guard self.services.latency > .zero else {
            self.carryOut(plan, for: request.head, context: context)
            return
        }
        let scheduled = context.eventLoop.assumeIsolated().scheduleTask(in: self.services.latency) {
            self.carryOut(plan, for: request.head, context: context)
        }
        self.state = .delaying(scheduled)
    }
}
