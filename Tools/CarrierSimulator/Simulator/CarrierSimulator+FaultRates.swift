extension CarrierSimulator {
    /// Faults injected at random into a share of ordinary page responses (fixtures, generated pages and
    /// unknown-number pages; never special numbers, whose behaviour the routing file fixes) and of the APIs' tracking
    /// calls (USPS tracking, 17TRACK `register` and `gettrackinfo`, EMS queries; a status fault answers in the API's
    /// own error shape).
    ///
    /// The draws are per request, not per number, so a client that retries a failed number usually succeeds: the
    /// n-th page request the simulator routes gets draw n of a SplitMix64 sequence seeded with ``seed``. The
    /// sequence of outcomes is therefore reproducible; which number meets which outcome depends on the order
    /// requests arrive in. Pages and API calls draw from the one sequence.
    public struct FaultRates: Sendable, Hashable, CustomStringConvertible {
        /// A fault that can be injected by rate.
        public enum Fault: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
            /// HTTP 500 with a short text body.
            case status500 = "500"
            /// HTTP 503 with `Retry-After`.
            case status503 = "503"
            /// HTTP 429 with `Retry-After`.
            case status429 = "429"
            /// No answer; the connection stays open until the client gives up.
            case timeout
            /// The page's `Content-Length`, half its bytes, then the connection is closed.
            case truncated
            /// 200 with 4 KiB of binary junk.
            case garbage
            /// The connection is reset.
            case reset

            public var description: String {
                self.rawValue
            }
        }

        /// The probability of each fault per page request; together at most 1.
        public var rates: [Fault: Double]
        /// Seeds the sequence of draws.
        public var seed: UInt64
        /// The `Retry-After` seconds sent with 503 and 429.
        public var retryAfterSeconds: Int

        /// Creates rates; every rate must be in 0...1 and their sum at most 1 (checked by ``validate()``).
        public init(rates: [Fault: Double], seed: UInt64 = 1, retryAfterSeconds: Int = 1) {
            self.rates = rates
            self.seed = seed
            self.retryAfterSeconds = retryAfterSeconds
        }

        /// Reads `500=0.01,503=0.01,429=0.01,timeout=0.005,truncated=0.005,garbage=0.005,reset=0.005`.
        ///
        /// - Throws: ``CarrierSimulatorError`` of kind ``CarrierSimulatorError/Kind/invalidFaultRates`` naming the
        ///   entry that is wrong.
        public init(parsing specification: String, seed: UInt64 = 1, retryAfterSeconds: Int = 1) throws {
            var rates: [Fault: Double] = [:]
            for entry in specification.split(separator: ",", omittingEmptySubsequences: true) {
                let parts = entry.split(separator: "=", maxSplits: 1).map(Self.trimmed)
                let name = parts.first ?? ""
                guard parts.count == 2, let fault = Fault(rawValue: name.lowercased()) else {
                    throw CarrierSimulatorError.invalidFaultRates(
                        "\"\(entry)\": expected NAME=RATE with NAME one of \(Fault.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                guard let rate = Double(parts[1]), rate.isFinite else {
                    throw CarrierSimulatorError.invalidFaultRates("\"\(entry)\": the rate is not a number")
                }
                guard rates[fault] == nil else {
                    throw CarrierSimulatorError.invalidFaultRates("\"\(entry)\": \(fault) is given twice")
                }
                rates[fault] = rate
            }
            self.init(rates: rates, seed: seed, retryAfterSeconds: retryAfterSeconds)
            try self.validate()
        }

        private static func trimmed(_ text: Substring) -> String {
            String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        }

        /// Checks that every rate is in 0...1, their sum at most 1, and `retryAfterSeconds` in 0...86400.
        public func validate() throws {
            for fault in Fault.allCases {
                guard let rate = self.rates[fault] else { continue }
                guard rate.isFinite, (0...1).contains(rate) else {
                    throw CarrierSimulatorError.invalidFaultRates("\(fault)=\(rate): a rate must be between 0 and 1")
                }
            }
            let total = self.rates.values.reduce(0, +)
            guard total <= 1 + 1e-9 else {
                throw CarrierSimulatorError.invalidFaultRates("the rates add up to \(total), more than 1")
            }
            guard (0...86_400).contains(self.retryAfterSeconds) else {
                throw CarrierSimulatorError.invalidFaultRates("Retry-After must be 0...86400 seconds")
            }
        }

        /// `500=0.01,503=0.01,...` in a fixed order.
        public var description: String {
            Fault.allCases.compactMap { fault in self.rates[fault].map { "\(fault)=\($0)" } }.joined(separator: ",")
        }
    }

    /// Pages generated for numbers without a fixture; see ``CarrierSimulator/generatedPage(carrier:number:simulatedDate:)``.
    public struct GeneratedPagesOptions: Sendable, Hashable {
        /// The day the pages are drawn for: every event happens before 00:00 of this day in China (UTC+8).
        public var simulatedDate: CalendarDay

        public init(simulatedDate: CalendarDay) {
            self.simulatedDate = simulatedDate
        }
    }
}
