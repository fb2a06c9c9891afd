import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ConnectionHandler {
    /// Carries out a response plan for the request with `head`.
    func carryOut(_ plan: ResponsePlan, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        switch plan {
        case .respond(let response):
            self.prepare(response.body, context: context) { body in
                self.send(response, body: body, for: head, truncated: false, context: context)
            }
        case .truncate(let response):
            self.prepare(response.body, context: context) { body in
                self.send(response, body: body, for: head, truncated: true, context: context)
            }
        case .staySilent:
            self.state = .silent
        case .resetConnection:
            self.resetConnection(context: context)
        case .compute(let request):
            self.compute(request, for: head, context: context)
        }
    }

    /// Plans an API call on the thread pool (its answer takes state and per-number work), then carries out the plan.
    private func compute(_ request: APIRequest, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        let response = self.responseCount
        self.state = .preparing(response: response)
        let apis = self.services.apis
        self.services.threadPool.runIfActive(eventLoop: context.eventLoop) {
            apis.plan(for: request)
        }
        .assumeIsolated()
        .whenComplete { result in
            guard case .preparing(response) = self.state, context.channel.isActive else { return }
            switch result {
            case .success(.compute):
                // An API never plans another computation; answering 500 beats looping.
                self.sendErrorAndClose(status: .internalServerError, "carrier-sim: API planning loop\n", context: context)
            case .success(let plan):
                self.state = .idle
                self.carryOut(plan, for: head, context: context)
            case .failure(let error):
                self.services.logger.debug("API call abandoned", metadata: ["error": "\(error)"])
                self.state = .closing
                context.close(promise: nil)
            }
        }
    }

    /// Makes `body` ready to send, reading fixtures on the thread pool, and hands it to `send`.
    private func prepare(
        _ body: PlannedBody,
        context: ChannelHandlerContext,
        then send: @escaping (PreparedBody) -> Void
    ) {
        switch body {
        case .empty:
            send(.bytes(ByteBuffer(), contentEncoding: nil))
        case .text(let text):
            send(.bytes(ByteBuffer(string: text), contentEncoding: nil))
        case .bytes(let bytes):
            send(.bytes(ByteBuffer(bytes: bytes), contentEncoding: nil))
        case .gzippedBytes(let bytes):
            send(.bytes(ByteBuffer(bytes: GzipStoredEncoder.encode(bytes)), contentEncoding: "gzip"))
        case .junk(let seed, let byteCount):
            send(.bytes(JunkBytes.make(seed: seed, byteCount: byteCount), contentEncoding: nil))
        case .padding(let byteCount):
            send(.padding(byteCount: byteCount))
        case .fixture(let candidates):
            self.readFixture(candidates, gzipEncoded: false, context: context, then: send)
        case .gzippedFixture(let candidates):
            self.readFixture(candidates, gzipEncoded: true, context: context, then: send)
        case .fixtureOrGenerated(let fixture, let carrierID, let number, let fallback):
            self.readFixtureOrGenerate(
                fixture: fixture, carrierID: carrierID, number: number, fallback: fallback, context: context, then: send
            )
        }
    }

    /// Like `readFixture`, but a missing fixture is replaced by a generated page before the fallback; generation runs
    /// on the thread pool too, so event loops only ever copy bytes.
    private func readFixtureOrGenerate(
        fixture: String,
        carrierID: String,
        number: String,
        fallback: String,
        context: ChannelHandlerContext,
        then send: @escaping (PreparedBody) -> Void
    ) {
        let response = self.responseCount
        self.state = .preparing(response: response)
        let reader = self.services.fixtureReader
        let generator = self.services.pageGenerator
        let counters = self.services.counters
        self.services.threadPool.runIfActive(eventLoop: context.eventLoop) { () -> ByteBuffer? in
            if let contents = reader.read(candidates: [fixture], gzipEncoded: false) {
                return contents.bytes
            }
            if let page = generator?.page(carrierID: carrierID, number: number) {
                counters.recordPageGenerated()
                return ByteBuffer(bytes: page)
            }
            return reader.read(candidates: [fallback], gzipEncoded: false)?.bytes
        }
        .assumeIsolated()
        .whenComplete { result in
            guard case .preparing(response) = self.state, context.channel.isActive else { return }
            switch result {
            case .success(let bytes?):
                send(.bytes(bytes, contentEncoding: nil))
            case .success(nil):
                self.services.logger.error("no fixture to serve", metadata: ["candidates": "\(fixture), \(fallback)"])
                self.sendErrorAndClose(
                    status: .internalServerError,
                    "carrier-sim: fixture missing: \(fixture) or \(fallback)\n",
                    context: context
                )
            case .failure(let error):
                self.services.logger.debug("page preparation abandoned", metadata: ["error": "\(error)"])
                self.state = .closing
                context.close(promise: nil)
            }
        }
    }

    private func readFixture(
        _ candidates: [String],
        gzipEncoded: Bool,
        context: ChannelHandlerContext,
        then send: @escaping (PreparedBody) -> Void
    ) {
        let response = self.responseCount
        self.state = .preparing(response: response)
        let reader = self.services.fixtureReader
        self.services.threadPool.runIfActive(eventLoop: context.eventLoop) {
            reader.read(candidates: candidates, gzipEncoded: gzipEncoded)
        }
        .assumeIsolated()
        .whenComplete { result in
            // The connection may have closed, or the simulator be stopping, while the file was read.
            guard case .preparing(response) = self.state, context.channel.isActive else { return }
            switch result {
            case .success(let contents?):
                send(.bytes(contents.bytes, contentEncoding: contents.isGzipEncoded ? "gzip" : nil))
            case .success(nil):
                self.services.logger.error(
                    "no fixture to serve",
                    metadata: ["candidates": "\(candidates.joined(separator: ", "))"]
                )
                self.sendErrorAndClose(
                    status: .internalServerError,
                    "carrier-sim: fixture missing: \(candidates.joined(separator: " or "))\n",
                    context: context
                )
            case .failure(let error):
                self.services.logger.debug("fixture read abandoned", metadata: ["error": "\(error)"])
                self.state = .closing
                context.close(promise: nil)
            }
        }
    }

    /// Writes a response with `body`; with `truncated`, declares the full length but sends half and closes.
    private func send(
        _ response: PlannedResponse,
        body: PreparedBody,
        for request: HTTPRequestHead,
        truncated: Bool,
        context: ChannelHandlerContext
    ) {
        let fullLength: Int
        let sentLength: Int
        switch body {
        case .bytes(let bytes, _):
            fullLength = bytes.readableBytes
        case .padding(let byteCount):
            fullLength = byteCount
        }
        // A truncated response always declares at least one byte more than it sends, even for an empty page.
        let declaredLength = truncated ? max(fullLength, 1) : fullLength
        // HEAD is not routed to any carrier, but its answer must still carry no body, or the client's framing breaks.
        sentLength = request.method == .HEAD ? 0 : (truncated ? fullLength / 2 : fullLength)

        let ending: ResponseEnding =
            truncated ? .cutShort : (request.isKeepAlive ? .keepConnection : .closeConnection)
        var headers = HTTPHeaders()
        // A planned `Server` header (Akamai's `AkamaiGHost`) replaces the simulator's own.
        if !response.extraHeaders.contains(where: { $0.name.caseInsensitiveEquals("Server") }) {
            headers.add(name: "Server", value: "carrier-sim")
        }
        if let contentType = response.contentType {
            headers.add(name: "Content-Type", value: contentType)
        }
        if case .bytes(_, let contentEncoding?) = body {
            headers.add(name: "Content-Encoding", value: contentEncoding)
        }
        for header in response.extraHeaders {
            headers.add(name: header.name, value: header.value)
        }
        headers.add(name: "Content-Length", value: "\(declaredLength)")
        headers.add(name: "Connection", value: ending == .keepConnection ? "keep-alive" : "close")

        let head = HTTPResponseHead(
            version: request.version,
            status: HTTPResponseStatus(statusCode: response.status),
            headers: headers
        )
        let headWritten = context.write(self.wrapOutboundOut(.head(head)))

        switch body {
        case .bytes(let bytes, _):
            var lastWrite = headWritten
            if sentLength > 0, let part = bytes.getSlice(at: bytes.readerIndex, length: sentLength) {
                lastWrite = context.write(self.wrapOutboundOut(.body(.byteBuffer(part))))
            }
            self.end(ending, lastWrite: lastWrite, context: context)
        case .padding:
            self.state = .streaming(remaining: sentLength, ending: ending)
            self.continueStreaming(context: context, lastWrite: headWritten)
        }
    }

    /// Writes padding while the channel is writable; resumes from `channelWritabilityChanged`, so an oversized
    /// body never sits in memory whole.
    func continueStreaming(context: ChannelHandlerContext, lastWrite: EventLoopFuture<Void>? = nil) {
        guard case .streaming(var remaining, let ending) = self.state else { return }
        var lastWrite = lastWrite
        while remaining > 0 && context.channel.isWritable {
            let chunk = PaddingChunk.prefix(remaining)
            remaining -= chunk.readableBytes
            lastWrite = context.write(self.wrapOutboundOut(.body(.byteBuffer(chunk))))
        }
        self.state = .streaming(remaining: remaining, ending: ending)
        if remaining == 0 {
            self.end(ending, lastWrite: lastWrite ?? context.eventLoop.makeSucceededVoidFuture(), context: context)
        } else {
            context.flush()
        }
    }

    /// Finishes a response whose head and body have been written; `lastWrite` is the last of those writes.
    private func end(_ ending: ResponseEnding, lastWrite: EventLoopFuture<Void>, context: ChannelHandlerContext) {
        switch ending {
        case .keepConnection:
            self.state = .idle
            context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
            self.startNextResponse(context: context)
        case .closeConnection:
            self.state = .closing
            context.writeAndFlush(self.wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        case .cutShort:
            // Close only once the partial body is on the wire, so the client sees bytes and then the end.
            self.state = .closing
            context.flush()
            lastWrite.assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        }
    }

    /// Sends a short error page, then closes: for requests the simulator cannot route at all.
    func sendErrorAndClose(status: HTTPResponseStatus, _ text: String, context: ChannelHandlerContext) {
        self.state = .closing
        let body = ByteBuffer(string: text)
        var headers = HTTPHeaders()
        headers.add(name: "Server", value: "carrier-sim")
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: "\(body.readableBytes)")
        headers.add(name: "Connection", value: "close")
        context.write(self.wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(self.wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(self.wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    /// Aborts the connection with a TCP reset: a zero linger time makes `close` send RST instead of FIN.
    private func resetConnection(context: ChannelHandlerContext) {
        self.state = .closing
        guard let socketOptions = context.channel as? any SocketOptionProvider else {
            context.close(promise: nil)
            return
        }
        socketOptions.setSoLinger(linger(l_onoff: 1, l_linger: 0)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
