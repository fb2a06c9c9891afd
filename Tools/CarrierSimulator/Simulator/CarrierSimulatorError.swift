/// Why the carrier simulator could not load its routing file or start listening, or why its options are invalid.
///
/// Compare ``kind`` to tell failures apart; new kinds can be added without breaking callers.
public struct CarrierSimulatorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public let kind: Kind

    /// The routing file concerned, for routing-file errors.
    public let file: String?

    /// Where in the routing file the problem is, such as `carriers[0].path` or
    /// `special_numbers.9400100000000000000500.status`; `nil` when the file as a whole is at fault.
    public let key: String?

    /// What went wrong, in words.
    public let detail: String

    init(kind: Kind, file: String? = nil, key: String? = nil, detail: String) {
        self.kind = kind
        self.file = file
        self.key = key
        self.detail = detail
    }

    public var description: String {
        [self.file, self.key, self.detail].compactMap { $0 }.joined(separator: ": ")
    }

    static func routingFileUnreadable(file: String, detail: String) -> CarrierSimulatorError {
        CarrierSimulatorError(kind: .routingFileUnreadable, file: file, detail: detail)
    }

    static func invalidRoutingFile(file: String, key: String?, detail: String) -> CarrierSimulatorError {
        CarrierSimulatorError(kind: .invalidRoutingFile, file: file, key: key, detail: detail)
    }

    static func alreadyRunning() -> CarrierSimulatorError {
        CarrierSimulatorError(kind: .alreadyRunning, detail: "the carrier simulator is already running")
    }

    static func hostNotLoopback(host: String) -> CarrierSimulatorError {
        CarrierSimulatorError(
            kind: .hostNotLoopback,
            detail: "refusing to listen on \(host): not a loopback address (allow it explicitly to listen there)"
        )
    }

    static func invalidFaultRates(_ detail: String) -> CarrierSimulatorError {
        CarrierSimulatorError(kind: .invalidFaultRates, detail: detail)
    }

    static func invalidAPIOptions(_ detail: String) -> CarrierSimulatorError {
        CarrierSimulatorError(kind: .invalidAPIOptions, detail: detail)
    }

    static func invalidAPIFixture(file: String, key: String? = nil, detail: String) -> CarrierSimulatorError {
        CarrierSimulatorError(kind: .invalidAPIFixture, file: file, key: key, detail: detail)
    }

    static func invalidOrderFileOptions(_ detail: String) -> CarrierSimulatorError {
        CarrierSimulatorError(kind: .invalidOrderFileOptions, detail: detail)
    }

    static func cannotListen(host: String, port: Int, detail: String) -> CarrierSimulatorError {
        CarrierSimulatorError(kind: .cannotListen, detail: "cannot listen on \(host) port \(port): \(detail)")
    }
}
