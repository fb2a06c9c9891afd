internal import CCurl

/// One libcurl easy handle (`CURL *`), freed in `deinit`.
///
/// Not `Sendable`: only the transfer loop's thread touches it. Handles are pooled and reset between transfers.
final class CurlEasyHandle {
    let raw: UnsafeMutableRawPointer
    /// libcurl writes its detailed message here (`CURLOPT_ERRORBUFFER`); it must outlive the handle's use.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(CurlSetupError) {
        guard let raw = curl_easy_init() else { throw CurlSetupError(call: "curl_easy_init", source: .noHandle) }
        self.raw = raw
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    /// Clears every option (keeping connection and DNS caches) and re-attaches the error buffer.
    func reset() throws(CurlSetupError) {
        curl_easy_reset(raw)
        errorBuffer[0] = 0
        try check(shiptrack_curl_easy_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
    }

    func set(_ option: CURLoption, _ value: Int, _ name: String) throws(CurlSetupError) {
        try check(shiptrack_curl_easy_setopt_long(raw, option, value), name)
    }

    func set(_ option: CURLoption, _ value: String, _ name: String) throws(CurlSetupError) {
        try check(shiptrack_curl_easy_setopt_string(raw, option, value), name)
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?, _ name: String) throws(CurlSetupError) {
        try check(shiptrack_curl_easy_setopt_pointer(raw, option, value), name)
    }

    func set(_ option: CURLoption, offset value: Int64, _ name: String) throws(CurlSetupError) {
        try check(shiptrack_curl_easy_setopt_off_t(raw, option, curl_off_t(value)), name)
    }

    func set(_ option: CURLoption, list: UnsafeMutablePointer<curl_slist>?, _ name: String) throws(CurlSetupError) {
        try check(shiptrack_curl_easy_setopt_slist(raw, option, list), name)
    }

    func set(_ option: CURLoption, callback: curl_write_callback, _ name: String) throws(CurlSetupError) {
        try check(shiptrack_curl_easy_setopt_write_callback(raw, option, callback), name)
    }

    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return shiptrack_curl_easy_getinfo_long(raw, info, &value) == CURLE_OK ? value : 0
    }

    func info(string info: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard shiptrack_curl_easy_getinfo_string(raw, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    /// libcurl's detailed message for the last failure, else its generic text for `code`.
    func message(for code: CURLcode) -> String {
        let detailed = String(cString: errorBuffer)
        return detailed.isEmpty ? String(cString: curl_easy_strerror(code)) : detailed
    }

    private func check(_ code: CURLcode, _ name: String) throws(CurlSetupError) {
        guard code == CURLE_OK else { throw CurlSetupError(call: name, source: .easy(code: Int(code.rawValue))) }
    }
}
