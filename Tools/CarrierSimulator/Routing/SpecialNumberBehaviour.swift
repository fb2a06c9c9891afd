/// What the routing file says to do for one special number, on whichever carrier it is asked for.
struct SpecialNumberBehaviour: Sendable, Hashable {
    /// The fault to act out, or `nil` to answer normally with ``fileName``.
    var fault: SimulatedFault?
    /// A page in the requesting carrier's folder to serve instead of the number's own page.
    var fileName: String?
    /// The carrier 17TRACK assigns the number whatever carrier it is registered with (`"track17_carrier"`): a
    /// carrier disagreement. Only 17TRACK reads it.
    var track17Carrier: Int?
}

extension SpecialNumberBehaviour: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RoutingFileKey.self)
        try container.rejectUnknownKeys(["fault", "status", "retry_after", "bytes", "file", "location", "track17_carrier", "note"])
        self.fileName = try container.decodeStringIfPresent("file", check: FixtureFileName.problem(with:))
        self.track17Carrier = try container.decodeIntegerIfPresent("track17_carrier", in: 1...999_999)

        let faultName = try container.decodeStringIfPresent("fault") { name in
            SimulatedFault.names.contains(name)
                ? nil
                : "unknown fault \"\(name)\"; expected one of \(SimulatedFault.names.joined(separator: ", "))"
        }
        // The keys that mean something for this fault, besides "fault" and "note".
        let applicableKeys: Set<String>
        switch faultName {
        case nil:
            guard self.fileName != nil || self.track17Carrier != nil else {
                throw container.problem(at: "fault", "missing: a special number needs \"fault\", \"file\" or \"track17_carrier\"")
            }
            self.fault = nil
            applicableKeys = ["file", "track17_carrier"]
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
        case "akamai_denied":
            self.fault = .pageBlock(.akamai(.accessDenied))
            applicableKeys = []
        case "akamai_challenge":
            self.fault = .pageBlock(.akamai(.javascriptChallenge))
            applicableKeys = []
        case "akamai_redirect":
            let location = try container.decodeStringIfPresent("location") { location in
                location.hasPrefix("/") || location.hasPrefix("http://") || location.hasPrefix("https://")
                    ? (location.contains(where: { $0 == "\r" || $0 == "\n" || $0 == " " }) ? "must be one line without spaces" : nil)
                    : "\"\(location)\" must be a path starting with \"/\" or an http(s) URL"
            }
            self.fault = .pageBlock(.akamai(.redirect(location: location ?? "https://www.usps.com/")))
            applicableKeys = ["location"]
        case "captcha":
            self.fault = .pageBlock(.chinaPost(.captcha))
            applicableKeys = []
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
