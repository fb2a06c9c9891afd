/// Why the raw test client could not complete a read or write.
enum RawHTTPError: Error, CustomStringConvertible {
    case system(call: String, errno: Int32)
    case malformedResponse(String)
    case endedEarly(RawHTTPReadOutcome, bodyBytes: Int, expected: Int)

    var description: String {
        switch self {
        case .system(let call, let errno): "\(call) failed with errno \(errno)"
        case .malformedResponse(let why): "malformed response: \(why)"
        case .endedEarly(let outcome, let bodyBytes, let expected):
            "connection \(outcome) after \(bodyBytes) of \(expected) body bytes"
        }
    }
}
