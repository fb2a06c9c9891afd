internal import CCurl
import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The thread that owns the libcurl multi handle and runs every transfer.
///
/// One multi handle means one connection cache: keep-alive connections to a carrier are reused across all
/// requests of a run. Callers on any thread enqueue work and wake the loop with `curl_multi_wakeup`; everything
/// else (the multi handle, easy handles, `active`) is touched only on the loop thread, which is why the class
/// is `@unchecked Sendable`.
///
/// Logging: one trace line per finished libcurl transfer and one debug line per redirect decision, naming URLs
/// only with the request's secrets hidden. Headers and bodies are never logged.
final class TransferLoop: @unchecked Sendable {
    private enum Command {
        case start(Transfer)
        case cancel(Transfer)
    }

    private struct Inbox {
        var commands: [Command] = []
        var stopping = false
    }

    private let multi: CurlMultiHandle
    private let configuration: HTTPClient.Configuration
    private let logger: Logger
    private let inbox = Mutex(Inbox())
    private let stopped = Atomic<Bool>(false)
    private let connectionsOpened = Atomic<Int>(0)
    private let transfersStarted = Atomic<Int>(0)
    private let transfersCompleted = Atomic<Int>(0)

    // Loop-thread state.
    private var active: [UnsafeMutableRawPointer: Transfer] = [:]
    private var idleHandles: [CurlEasyHandle] = []

    init(configuration: HTTPClient.Configuration, logger: Logger) throws(CurlSetupError) {
        _ = CurlGlobal.initialized
        multi = try CurlMultiHandle(
            maxConnectionsPerHost: configuration.maxConnectionsPerHost,
            maxTotalConnections: configuration.maxTotalConnections)
        self.configuration = configuration
        self.logger = logger
    }

    /// Starts the loop thread with `pthread_create`, which (unlike `Foundation.Thread`) says when it fails.
    func startThread() throws(CurlSetupError) {
        // The thread owns one reference to the loop until `run()` returns.
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { context in
            let loop = Unmanaged<TransferLoop>.fromOpaque(context!).takeRetainedValue()
            Thread.current.name = "shiptrack-curl"
            loop.run()
            return nil
        }, context)
        #else
        var thread: pthread_t?
        let result = pthread_create(&thread, nil, { context in
            let loop = Unmanaged<TransferLoop>.fromOpaque(context).takeRetainedValue()
            Thread.current.name = "shiptrack-curl"
            loop.run()
            return nil
        }, context)
        #endif
        guard result == 0 else {
            Unmanaged<TransferLoop>.fromOpaque(context).release()
            throw CurlSetupError(call: "pthread_create", source: .system(code: result))
        }
        #if canImport(Glibc)
        pthread_detach(thread)
        #else
        if let thread { pthread_detach(thread) }
        #endif
    }

    var statistics: HTTPClient.Statistics {
        .init(
            connectionsOpened: connectionsOpened.load(ordering: .relaxed),
            transfersStarted: transfersStarted.load(ordering: .relaxed),
            transfersCompleted: transfersCompleted.load(ordering: .relaxed))
    }

    /// Queues a transfer; fails it at once if the loop has stopped.
    func submit(_ transfer: Transfer) {
        let accepted = inbox.withLock { inbox -> Bool in
            guard !inbox.stopping else { return false }
            inbox.commands.append(.start(transfer))
            return true
        }
        if accepted { multi.wakeup() } else { transfer.finish(.failure(HTTPClientError.shutDown(transfer.displayURL))) }
    }

    func cancel(_ transfer: Transfer) {
        transfer.cancelled.store(true, ordering: .sequentiallyConsistent)
        inbox.withLock { $0.commands.append(.cancel(transfer)) }
        multi.wakeup()
    }

    /// Asks the loop to fail outstanding transfers and exit. Idempotent.
    func stop() {
        inbox.withLock { $0.stopping = true }
        multi.wakeup()
    }

    private func run() {
        while true {
            let (commands, stopping) = inbox.withLock { inbox in
                defer { inbox.commands.removeAll(keepingCapacity: true) }
                return (inbox.commands, inbox.stopping)
            }
            for command in commands {
                switch command {
                case .start(let transfer): start(transfer)
                case .cancel(let transfer): abandon(transfer, with: CancellationError())
                }
            }
            if stopping {
                for transfer in Array(active.values) {
                    abandon(transfer, with: HTTPClientError.shutDown(transfer.displayURL))
                }
                idleHandles.removeAll()
                stopped.store(true, ordering: .sequentiallyConsistent)
                return
            }
            multi.perform()
            for (handle, result) in multi.completedTransfers() {
                complete(handle: handle, result: result)
            }
            multi.poll(timeoutMilliseconds: 1_000)
        }
    }

    private func start(_ transfer: Transfer) {
        if transfer.cancelled.load(ordering: .sequentiallyConsistent) {
            transfer.finish(.failure(CancellationError()))
            return
        }
        if let idle = idleHandles.popLast() {
            launch(transfer, on: idle)
            return
        }
        do throws(CurlSetupError) {
            launch(transfer, on: try CurlEasyHandle())
        } catch {
            fail(transfer, setup: error)
        }
    }

    /// Configures `easy` for the transfer's current hop and hands it to the multi handle; fails the transfer if
    /// libcurl refuses.
    private func launch(_ transfer: Transfer, on easy: CurlEasyHandle) {
        do {
            try configure(easy, for: transfer)
            try multi.add(easy)
        } catch {
            recycle(easy)
            fail(transfer, setup: error)
            return
        }
        transfer.easy = easy
        active[easy.raw] = transfer
        transfersStarted.add(1, ordering: .relaxed)
    }

    private func fail(_ transfer: Transfer, setup error: CurlSetupError) {
        transfer.finish(
            .failure(HTTPClientError.setupFailed(transfer.displayURL, error, redactor: transfer.redactor)))
    }

    private func configure(_ easy: CurlEasyHandle, for transfer: Transfer) throws(CurlSetupError) {
        try easy.reset()
        let request = transfer.hop
        try easy.set(CURLOPT_URL, request.url, "CURLOPT_URL")
        // Only web protocols: a URL from a carrier page must not make us read file:// or speak gopher://.
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https", "CURLOPT_PROTOCOLS_STR")
        try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https", "CURLOPT_REDIR_PROTOCOLS_STR")
        // CURLOPT_FOLLOWLOCATION stays off (its default after the reset): libcurl would follow to any host, so the
        // loop follows redirects itself (see `Transfer+Redirects.swift`).
        // Signals are not safe in a multi-threaded process; libcurl then relies on its threaded resolver.
        try easy.set(CURLOPT_NOSIGNAL, 1, "CURLOPT_NOSIGNAL")
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.milliseconds, "CURLOPT_CONNECTTIMEOUT_MS")
        try easy.set(CURLOPT_TIMEOUT_MS, configuration.totalTimeout.milliseconds, "CURLOPT_TIMEOUT_MS")
        // An empty string offers every encoding this libcurl decodes (gzip, deflate, ...).
        try easy.set(CURLOPT_ACCEPT_ENCODING, "", "CURLOPT_ACCEPT_ENCODING")
        try easy.set(CURLOPT_USERAGENT, configuration.userAgent, "CURLOPT_USERAGENT")
        try easy.set(CURLOPT_TCP_KEEPALIVE, 1, "CURLOPT_TCP_KEEPALIVE")
        // Refuses a declared oversized body before reading it; the write callback catches the rest.
        try easy.set(CURLOPT_MAXFILESIZE_LARGE, offset: Int64(transfer.maxBodyBytes), "CURLOPT_MAXFILESIZE_LARGE")
        // The reset above detached the previous hop's list, so it can go.
        curl_slist_free_all(transfer.headerList)
        var list: UnsafeMutablePointer<curl_slist>?
        for header in request.headers {
            list = curl_slist_append(list, "\(header.name): \(header.value)")
        }
        transfer.headerList = list
        try easy.set(CURLOPT_HTTPHEADER, list: list, "CURLOPT_HTTPHEADER")
        if request.method == .post {
            let body = request.body ?? []
            try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(body.count), "CURLOPT_POSTFIELDSIZE_LARGE")
            if body.isEmpty {
                // COPYPOSTFIELDS copies the (empty) string; POSTFIELDS would keep a pointer to a temporary.
                try easy.set(CURLOPT_COPYPOSTFIELDS, "", "CURLOPT_COPYPOSTFIELDS")
            } else {
                // COPYPOSTFIELDS copies, so the body need not outlive this call.
                var copy = body
                let failure = copy.withUnsafeMutableBytes { bytes -> CurlSetupError? in
                    do throws(CurlSetupError) {
                        try easy.set(CURLOPT_COPYPOSTFIELDS, pointer: bytes.baseAddress, "CURLOPT_COPYPOSTFIELDS")
                        return nil
                    } catch { return error }
                }
                if let failure { throw failure }
            }
        }
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        try easy.set(CURLOPT_WRITEFUNCTION, callback: Transfer.writeBody, "CURLOPT_WRITEFUNCTION")
        try easy.set(CURLOPT_WRITEDATA, pointer: context, "CURLOPT_WRITEDATA")
        try easy.set(CURLOPT_HEADERFUNCTION, callback: Transfer.receiveHeader, "CURLOPT_HEADERFUNCTION")
        try easy.set(CURLOPT_HEADERDATA, pointer: context, "CURLOPT_HEADERDATA")
    }

    private func complete(handle: UnsafeMutableRawPointer, result: CURLcode) {
        guard let transfer = active.removeValue(forKey: handle), let easy = transfer.easy else { return }
        multi.remove(easy)
        connectionsOpened.add(easy.info(CURLINFO_NUM_CONNECTS), ordering: .relaxed)
        transfersCompleted.add(1, ordering: .relaxed)
        logger.trace(
            "transfer finished", metadata: ["url": "\(transfer.displayURL)", "curl_code": "\(result.rawValue)"])
        guard result == CURLE_OK else {
            let failure = error(for: result, transfer: transfer, easy: easy)
            transfer.easy = nil
            recycle(easy)
            transfer.finish(.failure(failure))
            return
        }
        let status = easy.info(CURLINFO_RESPONSE_CODE)
        var refusedRedirect: String?
        // libcurl resolves `Location` against the hop's URL even with FOLLOWLOCATION off; when it cannot, the raw
        // header is what we can report.
        if Transfer.isRedirect(status: status),
            let target = easy.info(string: CURLINFO_REDIRECT_URL)
                ?? transfer.headers.first(where: { $0.name.caseInsensitiveEquals("Location") })?.value
        {
            switch transfer.redirectDecision(status: status, target: target) {
            case .follow(let next):
                follow(transfer, to: next, status: status, on: easy)
                return
            case .refuse(let reason):
                refusedRedirect = transfer.redactor.redact(target)
                logger.debug(
                    "redirect not followed",
                    metadata: [
                        "url": "\(transfer.displayURL)", "status": "\(status)", "location": "\(refusedRedirect ?? "")",
                        "reason": "\(reason.rawValue)",
                    ])
            }
        }
        let effectiveURL = easy.info(string: CURLINFO_EFFECTIVE_URL) ?? transfer.hop.url
        let response = HTTPResponse(
            statusCode: status, headers: transfer.headers, body: transfer.body, effectiveURL: effectiveURL,
            displayURL: transfer.redactor.redact(effectiveURL), refusedRedirect: refusedRedirect,
            redirectsFollowed: transfer.redirectsFollowed)
        transfer.easy = nil
        recycle(easy)
        transfer.finish(.success(response))
    }

    /// Resubmits the transfer for its next hop on the same easy handle (the multi handle's connection cache keeps
    /// the connection), unless the caller has cancelled meanwhile.
    private func follow(_ transfer: Transfer, to next: HTTPRequest, status: Int, on easy: CurlEasyHandle) {
        transfer.easy = nil
        if transfer.cancelled.load(ordering: .sequentiallyConsistent) {
            recycle(easy)
            transfer.finish(.failure(CancellationError()))
            return
        }
        let from = transfer.displayURL
        transfer.follow(next)
        logger.debug(
            "following redirect",
            metadata: ["url": "\(from)", "status": "\(status)", "location": "\(transfer.displayURL)"])
        launch(transfer, on: easy)
    }

    private func error(for code: CURLcode, transfer: Transfer, easy: CurlEasyHandle) -> HTTPClientError {
        let url = transfer.displayURL
        let number = Int(code.rawValue)
        let message = transfer.redactor.redact(easy.message(for: code))
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .connectFailed(url, curlCode: number, message: message)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(url, curlCode: number, message: message)
        case CURLE_FILESIZE_EXCEEDED:
            return .bodyTooLarge(url, limit: transfer.maxBodyBytes)
        case CURLE_WRITE_ERROR where transfer.bodyLimitExceeded:
            return .bodyTooLarge(url, limit: transfer.maxBodyBytes)
        case CURLE_PARTIAL_FILE:
            return .truncatedBody(url, curlCode: number, message: message)
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            return .connectionReset(url, curlCode: number, message: message)
        case CURLE_BAD_CONTENT_ENCODING:
            return .badContentEncoding(url, curlCode: number, message: message)
        // libcurl 7.88 answers an HTTP/0.9 reply, an unknown HTTP version and an unknown status code with
        // CURLE_UNSUPPORTED_PROTOCOL, the code it also uses for a URL of a disabled scheme: a request that went out
        // tells the two apart. A header line without a colon is CURLE_WEIRD_SERVER_REPLY.
        case CURLE_UNSUPPORTED_PROTOCOL where easy.info(CURLINFO_REQUEST_SIZE) > 0, CURLE_WEIRD_SERVER_REPLY:
            return .malformedReply(url, curlCode: number, message: message)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .invalidURL(url, curlCode: number, message: message)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT,
            CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED:
            return .tlsFailed(url, curlCode: number, message: message)
        default:
            return .transferFailed(url, curlCode: number, message: message)
        }
    }

    /// Removes a transfer that has not finished (cancelled or shut down) and fails it with `error`.
    private func abandon(_ transfer: Transfer, with error: any Error) {
        guard let easy = transfer.easy, active.removeValue(forKey: easy.raw) != nil else {
            // Not started yet (it will be failed in `start`) or already finished: nothing to do.
            return
        }
        multi.remove(easy)
        transfer.easy = nil
        recycle(easy)
        transfer.finish(.failure(error))
    }

    private func recycle(_ easy: CurlEasyHandle) {
        if idleHandles.count < configuration.maxTotalConnections { idleHandles.append(easy) }
    }
}

/// `curl_global_init` must run once, before any other libcurl call and before threads use libcurl.
enum CurlGlobal {
    static let initialized: Void = { _ = curl_global_init(Int(CURL_GLOBAL_ALL)) }()
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
