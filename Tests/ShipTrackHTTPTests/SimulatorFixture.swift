import CarrierSimulator
import Foundation
import Logging

/// A carrier simulator on 127.0.0.1 with its own temporary fixtures: one page, and one number per fault.
final class SimulatorFixture: Sendable {
    static let page = "<html><body>" + String(repeating: "<div class='tb-step'>scan</div>", count: 200) + "</body></html>"
    let simulator: CarrierSimulator
    let baseURL: String
    private let folder: URL

    /// Numbers the routing file gives a behaviour.
    enum Number: String, CaseIterable {
        case page = "PAGE1"
        case status503 = "FAULT503"
        case status500 = "FAULT500"
        case empty = "EMPTY"
        case truncated = "TRUNCATED"
        case garbage = "GARBAGE"
        case timeout = "TIMEOUT"
        case reset = "RESET"
        case oversized = "OVERSIZED"
        case gzip = "GZIP"
    }

    init(latency: Duration = .zero) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-http-\(UUID().uuidString)")
        let pages = folder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try Data(SimulatorFixture.page.utf8).write(to: pages.appendingPathComponent("PAGE1.html"))
        try Data("<html>unknown</html>".utf8).write(to: pages.appendingPathComponent("unknown.html"))
        let routing = """
            {
              "carriers": [
                {"id": "test", "path": "/track", "number_parameter": "n", "method": "GET",
                 "content_type": "text/html; charset=utf-8", "directory": "pages", "extension": "html",
                 "unknown_number_file": "unknown.html"},
                {"id": "form", "path": "/form", "number_parameter": "n", "method": "POST",
                 "content_type": "text/html; charset=utf-8", "directory": "pages", "extension": "html",
                 "unknown_number_file": "unknown.html"}
              ],
              "special_numbers": {
                "FAULT503": {"fault": "status", "status": 503, "retry_after": 30},
                "FAULT500": {"fault": "status", "status": 500},
                "EMPTY": {"fault": "empty"},
                "TRUNCATED": {"fault": "truncated", "file": "PAGE1.html"},
                "GARBAGE": {"fault": "garbage", "bytes": 4096},
                "TIMEOUT": {"fault": "timeout"},
                "RESET": {"fault": "reset"},
                "OVERSIZED": {"fault": "oversized", "bytes": 3000000},
                "GZIP": {"fault": "gzip", "file": "PAGE1.html"}
              }
            }
            """
        try Data(routing.utf8).write(to: folder.appendingPathComponent("simulator.json"))
        var options = CarrierSimulator.Options()
        options.latency = latency
        simulator = try CarrierSimulator(
            fixtures: folder, options: options, logger: Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() })
        _ = try await simulator.start()
        baseURL = simulator.baseURL
    }

    func url(_ number: Number) -> String { "\(baseURL)/track?n=\(number.rawValue)" }

    func stop() async throws {
        try await simulator.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}
