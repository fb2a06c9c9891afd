internal import CCurl

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set-up call failed: creating or configuring a libcurl handle, or starting the transfer thread.
///
/// Easy-handle and multi-handle calls return codes from two different enums (`CURLcode`, `CURLMcode`) whose numbers
/// overlap, so the source says which one a code belongs to and the message comes from the matching `…_strerror`.
struct CurlSetupError: Error, CustomStringConvertible {
    /// Where the failure code comes from.
    enum Source: Sendable, Equatable {
        /// A `CURLcode` from an easy-handle call (`curl_easy_setopt`).
        case easy(code: Int)
        /// A `CURLMcode` from a multi-handle call (`curl_multi_setopt`, `curl_multi_add_handle`).
        case multi(code: Int)
        /// An `errno`-style code from the system (`pthread_create`).
        case system(code: Int32)
        /// A constructor returned `NULL` (`curl_easy_init`, `curl_multi_init`): libcurl gives no reason.
        case noHandle
    }

    /// The call or option that failed, such as `CURLMOPT_MAXCONNECTS`.
    let call: String
    let source: Source

    /// libcurl's (or the system's) text for the code.
    var message: String {
        switch source {
        case .easy(let code): String(cString: curl_easy_strerror(CURLcode(UInt32(truncatingIfNeeded: code))))
        case .multi(let code): String(cString: curl_multi_strerror(CURLMcode(Int32(truncatingIfNeeded: code))))
        case .system(let code): String(cString: strerror(code))
        case .noHandle: "returned no handle (out of memory?)"
        }
    }

    var description: String {
        switch source {
        case .easy(let code): "\(call): \(message) (libcurl CURLcode \(code))"
        case .multi(let code): "\(call): \(message) (libcurl CURLMcode \(code))"
        case .system(let code): "\(call): \(message) (errno \(code))"
        case .noHandle: "\(call) \(message)"
        }
    }
}
