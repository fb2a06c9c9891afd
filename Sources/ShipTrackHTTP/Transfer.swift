internal import CCurl
import Synchronization

/// The state of one request while libcurl works on it, across the redirects it follows.
///
/// Created by the caller, then handed to the loop thread, which alone touches the mutable fields from then on;
/// only `isCancelled` is shared, through an atomic. That hand-over is why the class is `@unchecked Sendable`.
final class Transfer: @unchecked Sendable {
    /// The request as the caller made it.
    let request: HTTPRequest
    let maxBodyBytes: Int
    /// Hides the request's secrets in whatever this transfer reports.
    let redactor: Redactor
    var continuation: CheckedContinuation<HTTPResponse, any Error>?
    /// The request of the current hop: ``request`` until a redirect is followed.
    var hop: HTTPRequest
    /// Redirects followed so far.
    var redirectsFollowed = 0
    /// The origin of ``request``, parsed at the first redirect (most transfers never need it).
    lazy var requestOrigin: URLOrigin? = URLOrigin(request.url)
    var body: [UInt8] = []
    var headers: [(name: String, value: String)] = []
    var bodyLimitExceeded = false
    var headerList: UnsafeMutablePointer<curl_slist>?
    var easy: CurlEasyHandle?
    let cancelled = Atomic<Bool>(false)

    init(request: HTTPRequest, maxBodyBytes: Int) {
        self.request = request
        self.maxBodyBytes = maxBodyBytes
        self.redactor = Redactor(request.redactions)
        self.hop = request
    }

    deinit { curl_slist_free_all(headerList) }

    /// The current hop's URL with secrets hidden, for errors and logs.
    var displayURL: String { redactor.redact(hop.url) }

    /// Moves to the next hop of a redirect: what the last response left behind is dropped.
    func follow(_ next: HTTPRequest) {
        hop = next
        redirectsFollowed += 1
        body.removeAll(keepingCapacity: true)
        headers.removeAll(keepingCapacity: true)
        bodyLimitExceeded = false
    }

    /// Resumes the waiting caller exactly once.
    func finish(_ result: Result<HTTPResponse, any Error>) {
        continuation?.resume(with: result)
        continuation = nil
    }

    /// libcurl's write callback: appends body bytes, stopping the transfer when the cap would be exceeded.
    /// Captures nothing; the transfer comes back through the `userdata` pointer.
    static let writeBody: curl_write_callback = { data, size, count, userdata in
        guard let userdata else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
        let length = size * count
        guard transfer.body.count + length <= transfer.maxBodyBytes else {
            transfer.bodyLimitExceeded = true
            return 0  // Anything but `length` makes libcurl abort with CURLE_WRITE_ERROR.
        }
        if let data, length > 0 {
            data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                transfer.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
            }
        }
        return length
    }

    /// libcurl's header callback: one header line per call, status lines included.
    static let receiveHeader: curl_write_callback = { data, size, count, userdata in
        guard let userdata, let data else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
        let length = size * count
        let line = data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            // A new response begins (after `100 Continue`; redirects are transfers of their own): keep only the
            // final one's headers.
            transfer.headers.removeAll(keepingCapacity: true)
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon]).trimmingCharacters(in: " \t")
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: " \t\r\n")
            if !name.isEmpty { transfer.headers.append((name, value)) }
        }
        return length
    }
}
