/// What the routing file says to do for one special number, on whichever carrier it is asked for.
struct SpecialNumberBehaviour: Sendable, Hashable {
    /// The fault to act out, or `nil` to answer normally with ``fileName``.
    var fault: SimulatedFault?
    /// A page in the requesting carrier's folder to serve instead of the number's own page.
    var fileName: String?
}

extension SpecialNumberBehaviour: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RoutingFileKey.self)
        try container.rejectUnknownKeys(["fault", "status", "retry_after", "bytes", "file", "note"])
        self.fileName = try container.decodeStringIfPresent("file", check: FixtureFileName.problem(with:))

        let faultName = try container.decodeStringIfPresent("fault") { name in
            SimulatedFault.names.contains(name)
                ? nil
                : "unknown fault \"\(name)\"; expected one of \(SimulatedFault.names.joined(separator: ", "))"
        }
        // The keys that mean something for this fault, besides "fault" and "note".
        let applicableKeys: Set<String>
        switch faultName {
        case nil:
            guard self.fileName != nil else {
                throw container.problem(at: "fault", "missing: a special number needs \"fault\", \"file\" or both")
            }
            self.fault = nil
            applicableKeys = ["file"]
        case "status":
            self.fault = .status(
                code: try container.decodeInteger("status", in: 200...599),
                retryAfterSeconds: try container.decodeIntegerIfPresent("retry_after", in: 0...86_400)
            )
            applicableKeys = ["status", "retry_after", "file"]
        case "empty":
            self.fault = .empty
            applicableKeys = []
        case "truncated":
            self.fault = .truncated
            applicableKeys = ["file"]
        case "garbage":
            let byteCount = try container.decodeIntegerIfPresent(
                "bytes",
                in: 1...SimulatedFault.maximumGarbageByteCount
            )
            self.fault = .garbage(byteCount: byteCount ?? SimulatedFault.defaultGarbageByteCount)
            applicableKeys = ["bytes"]
        case "timeout":
            self.fault = .timeout
            applicableKeys = []
        case "reset":
            self.fault = .reset
            applicableKeys = []
        case "oversized":
            self.fault = .oversized(
                byteCount: try container.decodeInteger("bytes", in: 1...SimulatedFault.maximumOversizedByteCount)
            )
            applicableKeys = ["bytes"]
        case "gzip":
            self.fault = .gzip
            applicableKeys = ["file"]
        case let name?:
            // Unreachable: the name was checked against the same list above.
            throw container.problem(at: "fault", "unknown fault \"\(name)\"")
        }

        let inapplicable = container.allKeys.map(\.stringValue)
            .filter { !applicableKeys.contains($0) && $0 != "fault" && $0 != "note" }
            .sorted()
        if let first = inapplicable.first {
            throw container.problem(at: first, "does not apply to fault \"\(faultName ?? "none")\"")
        }
    }
}
