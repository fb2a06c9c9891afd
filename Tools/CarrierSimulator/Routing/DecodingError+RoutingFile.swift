extension DecodingError {
    /// Where in the routing file the error is, as `carriers[0].path`; `nil` when the file as a whole is at fault
    /// (not JSON at all, say).
    var routingFileKey: String? {
        let path: [any CodingKey]
        switch self {
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default:
            return nil
        }
        guard !path.isEmpty else { return nil }
        var text = ""
        for key in path {
            // Array indices print as [n]; an object key that merely looks like a number stays a name.
            if let index = key.intValue, key.stringValue == "Index \(index)" {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// What is wrong, in words, without the key (``routingFileKey`` has it).
    var routingFileDetail: String {
        switch self {
        case .keyNotFound:
            return "missing"
        case .typeMismatch(let type, _):
            return "expected \(Self.jsonName(of: type))"
        case .valueNotFound(let type, _):
            return "expected \(Self.jsonName(of: type)), found null"
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError {
                return "\(context.debugDescription) \(underlying)"
            }
            return context.debugDescription
        @unknown default:
            return "\(self)"
        }
    }

    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default: "a value of type \(type)"
        }
    }
}
