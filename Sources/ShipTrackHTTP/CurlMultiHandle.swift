internal import CCurl

/// The libcurl multi handle (`CURLM *`) that drives every transfer; freed in `deinit`.
///
/// All calls except ``wakeup()`` must come from the transfer loop's thread; `curl_multi_wakeup` is documented as
/// safe to call from any thread, which is how other threads nudge the loop when they submit work.
final class CurlMultiHandle {
    let raw: UnsafeMutableRawPointer

    init(maxConnectionsPerHost: Int, maxTotalConnections: Int) throws(CurlSetupError) {
        guard let raw = curl_multi_init() else { throw CurlSetupError(call: "curl_multi_init", source: .noHandle) }
        self.raw = raw
        // Transfers beyond these limits wait in libcurl's queue instead of opening more connections.
        try set(CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost, "CURLMOPT_MAX_HOST_CONNECTIONS")
        try set(CURLMOPT_MAX_TOTAL_CONNECTIONS, maxTotalConnections, "CURLMOPT_MAX_TOTAL_CONNECTIONS")
        // Keep as many idle connections as we may use, so keep-alive connections are reused, not closed.
        try set(CURLMOPT_MAXCONNECTS, maxTotalConnections, "CURLMOPT_MAXCONNECTS")
    }

    deinit { curl_multi_cleanup(raw) }

    private func set(_ option: CURLMoption, _ value: Int, _ name: String) throws(CurlSetupError) {
        let code = shiptrack_curl_multi_setopt_long(raw, option, value)
        guard code == CURLM_OK else { throw CurlSetupError(call: name, source: .multi(code: Int(code.rawValue))) }
    }

    /// Starts driving `easy`; it must not be in this or another multi handle already.
    func add(_ easy: CurlEasyHandle) throws(CurlSetupError) {
        let code = curl_multi_add_handle(raw, easy.raw)
        guard code == CURLM_OK else {
            throw CurlSetupError(call: "curl_multi_add_handle", source: .multi(code: Int(code.rawValue)))
        }
    }

    func remove(_ easy: CurlEasyHandle) { _ = curl_multi_remove_handle(raw, easy.raw) }

    /// Lets libcurl make progress on every transfer without blocking.
    func perform() {
        var running: Int32 = 0
        _ = curl_multi_perform(raw, &running)
    }

    /// Finished transfers since the last call: the easy handle's address and its result.
    func completedTransfers() -> [(handle: UnsafeMutableRawPointer, result: CURLcode)] {
        var finished: [(UnsafeMutableRawPointer, CURLcode)] = []
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(raw, &remaining) {
            if message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle {
                finished.append((handle, shiptrack_curl_msg_result(message)))
            }
        }
        return finished
    }

    /// Waits for socket activity, libcurl's next timeout, a wakeup, or `timeoutMilliseconds`.
    func poll(timeoutMilliseconds: Int32) {
        _ = curl_multi_poll(raw, nil, 0, timeoutMilliseconds, nil)
    }

    /// Interrupts a ``poll(timeoutMilliseconds:)`` in progress. Safe from any thread.
    func wakeup() { _ = curl_multi_wakeup(raw) }
}
