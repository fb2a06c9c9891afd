/// Turns a fault into the plan for an API call, given the call's normal answer and its way of answering an error
/// status: `status` faults answer in the API's own error shape, the others act on the normal answer.
enum APIFaultPlan {
    /// The plan for a routing-file fault.
    static func plan(
        for fault: SimulatedFault,
        seed: UInt64,
        normal: () -> PlannedResponse,
        error: (_ status: Int, _ retryAfterSeconds: Int?) -> PlannedResponse
    ) -> ResponsePlan {
        switch fault {
        case .status(let code, let retryAfterSeconds):
            return .respond(error(code, retryAfterSeconds))
        case .empty:
            let response = normal()
            return .respond(PlannedResponse(status: 200, contentType: response.contentType, body: .empty))
        case .truncated:
            return .truncate(normal())
        case .garbage(let byteCount):
            return .respond(PlannedResponse(status: 200, contentType: normal().contentType, body: .junk(seed: seed, byteCount: byteCount)))
        case .timeout:
            return .staySilent
        case .reset:
            return .resetConnection
        case .oversized(let byteCount):
            return .respond(PlannedResponse(status: 200, contentType: normal().contentType, body: .padding(byteCount: byteCount)))
        case .gzip:
            var response = normal()
            switch response.body {
            case .bytes(let bytes): response.body = .gzippedBytes(bytes)
            case .text(let text): response.body = .gzippedBytes(Array(text.utf8))
            default: break
            }
            return .respond(response)
        case .pageBlock:
            return .respond(normal())
        }
    }

    /// The plan for a fault drawn by rate.
    static func plan(
        for fault: CarrierSimulator.FaultRates.Fault,
        draw: UInt64,
        retryAfterSeconds: Int,
        normal: () -> PlannedResponse,
        error: (_ status: Int, _ retryAfterSeconds: Int?) -> PlannedResponse
    ) -> ResponsePlan {
        switch fault {
        case .status500: .respond(error(500, nil))
        case .status503: .respond(error(503, retryAfterSeconds))
        case .status429: .respond(error(429, retryAfterSeconds))
        case .timeout: .staySilent
        case .truncated: .truncate(normal())
        case .garbage:
            .respond(
                PlannedResponse(
                    status: 200, contentType: normal().contentType,
                    body: .junk(seed: SplitMix64.mix(draw ^ 0x6761_7262_6167_6500), byteCount: SimulatedFault.defaultGarbageByteCount)
                )
            )
        case .reset: .resetConnection
        }
    }
}
