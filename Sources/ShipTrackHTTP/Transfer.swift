internal import CCurl
import Synchronization

/// The state of one request while libcurl works on it.
///
/// Created by the caller, then handed to the loop thread, which alone touches the mutable fields from then on;
/// only `isCancelled` is shared, through an atomic. That hand-over is why the class is `@unchecked Sendable`.
final class Transfer: @unchecked Sendable {
    let request: HTTPRequest
    let maxBodyBytes: Int
    var continuation: CheckedContinuation<HTTPResponse, any Error>?
    var body: [UInt8] = []
    var headers: [(name: String, value: String)] = []
    var bodyLimitExceeded = false
    var headerList: UnsafeMutablePointer<curl_slist>?
    var easy: CurlEasyHandle?
    let cancelled = Atomic<Bool>(false)

    init(request: HTTPRequest, maxBodyBytes: Int) {
        self.request = request
        self.maxBodyBytes = maxBodyBytes
    }

    deinit { curl_slist_free_all(headerList) }

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
            // A new response begins (after a redirect or `100 Continue`): keep only the final one's headers.
            transfer.headers.removeAll(keepingCapacity: true)
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon]).trimmingCharacters(in: " \t")
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: " \t\r\n")
            if !name.isEmpty { transfer.headers.append((name, value)) }
        }
        return length
    }
}
