import CarrierSimulator
import Foundation
import Logging
@testable import ShipTrackHTTP
import Testing

/// Each failure lands in its own kind, so the batch can tell "try again later" from "this will never work".
@Suite("HTTP error categories", .serialized)
struct ErrorCategoryTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    @Test(
        "A reply that is not HTTP is a malformed reply, not an invalid URL",
        arguments: [
            "hello, this is not HTTP\n",  // HTTP/0.9: no status line at all
            "HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n",  // a status code that is no number
            "HTTP/3.7 200 OK\r\nContent-Length: 0\r\n\r\n",  // an HTTP version that does not exist
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nno colon here\r\n\r\nabc",  // a header line without a colon
        ])
    func malformedReply(reply: String) async throws {
        let server = try ScriptedServer { _, _ in .raw(reply) }
        let client = try HTTPClient(logger: logger)
        defer {
            client.shutdown()
            server.stop()
        }
        let url = server.baseURL + "/track?n=1"
        let error = try await #require(throws: HTTPClientError.self) { try await client.execute(HTTPRequest(url: url)) }
        #expect(error.isMalformedReply)
        #expect(!error.isInvalidURL)
        #expect(!error.isTransient)
        #expect(error.description.contains(url))
        #expect(error.description.contains("not HTTP"))
        #expect(error.curlMessage?.isEmpty == false)
        #expect(error.description.contains(error.curlMessage ?? "(none)"))
    }

    @Test("A TLS handshake failure is a TLS failure, not transient")
    func tlsFailure() async throws {
        let fixture = try await SimulatorFixture()
        let client = try HTTPClient(logger: logger)
        // The simulator speaks plain HTTP, so a TLS client hello gets an answer no TLS library accepts.
        let url = fixture.url(.page).replacingOccurrences(of: "http://", with: "https://")
        let error = try await #require(throws: HTTPClientError.self) { try await client.execute(HTTPRequest(url: url)) }
        client.shutdown()
        try await fixture.stop()
        #expect(error.isTLSFailure)
        #expect(!error.isTransient)
        #expect(!error.isConnectFailure)
        #expect(error.description.contains(url))
        #expect(error.description.contains(error.curlMessage ?? "(none)"))
    }

    @Test(
        "A configuration libcurl would read as 'no limit' is a set-up failure",
        arguments: ["maxConnectionsPerHost", "maxTotalConnections", "connectTimeout", "totalTimeout", "maxBodyBytes"])
    func invalidConfiguration(field: String) throws {
        var configuration = HTTPClient.Configuration()
        switch field {
        case "maxConnectionsPerHost": configuration.maxConnectionsPerHost = 0
        case "maxTotalConnections": configuration.maxTotalConnections = configuration.maxConnectionsPerHost - 1
        case "connectTimeout": configuration.connectTimeout = .zero
        case "totalTimeout": configuration.totalTimeout = .microseconds(10)
        default: configuration.maxBodyBytes = -1
        }
        let error = try #require(throws: HTTPClientError.self) {
            _ = try HTTPClient(configuration: configuration, logger: logger)
        }
        #expect(error.isSetupFailure)
        #expect(!error.isInvalidURL)
        #expect(!error.isTransient)
        #expect(error.description.contains(field))
    }

    @Test("A multi-handle failure is described by curl_multi_strerror, not as an easy-handle code")
    func multiHandleMessage() {
        // 6 is CURLM_UNKNOWN_OPTION; as a CURLcode, 6 would read "Couldn't resolve host name".
        let setup = CurlSetupError(call: "curl_multi_setopt(CURLMOPT_MAXCONNECTS)", source: .multi(code: 6))
        let error = HTTPClientError.setupFailed("", setup)
        #expect(error.isSetupFailure)
        #expect(!error.isInvalidURL)
        #expect(error.curlMultiCode == 6)
        #expect(error.curlCode == nil)
        #expect(error.description.contains("Unknown option"))
        #expect(error.description.contains("CURLMOPT_MAXCONNECTS"))
        #expect(!error.description.contains("resolve"))
    }

    @Test("A failed thread start is a set-up failure with the system's reason")
    func threadStartMessage() {
        let setup = CurlSetupError(call: "pthread_create", source: .system(code: EAGAIN))
        let error = HTTPClientError.setupFailed("", setup)
        #expect(error.isSetupFailure)
        #expect(error.description.contains("pthread_create"))
        #expect(error.description.contains(String(cString: strerror(EAGAIN))))
    }
}
