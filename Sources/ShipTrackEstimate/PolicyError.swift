/// A policy or country file that cannot be used, with the file, the key path and what is wrong.
///
/// Printed as `policy.json: regions.asia.transit_business_days: min 20 > max 10`, so the person editing the file can
/// go straight to the key.
public struct PolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name (`policy.json`, or the name of the store's own file).
    public let file: String
    /// Where in the file, as a dotted key path with indices (`regions.asia.transit_business_days`,
    /// `holidays[3].from`); empty for the whole file.
    public let keyPath: String
    /// What is wrong, in one sentence fragment.
    public let message: String

    public init(file: String, keyPath: String, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        keyPath.isEmpty ? "\(file): \(message)" : "\(file): \(keyPath): \(message)"
    }
}

extension PolicyError {
    /// Turns a decoding failure into a policy error naming the key path the decoder was at.
    static func decoding(_ error: any Error, file: String) -> PolicyError {
        guard let decodingError = error as? DecodingError else {
            return PolicyError(file: file, keyPath: "", message: "\(error)")
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            return PolicyError(
                file: file, keyPath: keyPath(context.codingPath + [key]), message: "missing (required)")
        case .typeMismatch(let type, let context):
            return PolicyError(
                file: file, keyPath: keyPath(context.codingPath), message: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return PolicyError(
                file: file, keyPath: keyPath(context.codingPath), message: "expected \(describe(type)), found null")
        case .dataCorrupted(let context):
            let message =
                context.codingPath.isEmpty ? "not valid JSON (\(underlying(context)))" : context.debugDescription
            return PolicyError(file: file, keyPath: keyPath(context.codingPath), message: message)
        @unknown default:
            return PolicyError(file: file, keyPath: "", message: "\(decodingError)")
        }
    }

    /// `regions[2].transit_business_days.min` from a coding path.
    static func keyPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: "a value of type \(type)"
        }
    }

    private static func underlying(_ context: DecodingError.Context) -> String {
        if let error = context.underlyingError { return "\(error)" }
        return context.debugDescription
    }
}
