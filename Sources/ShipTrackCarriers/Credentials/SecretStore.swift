public import Foundation

/// The credentials sources need (API keys, client secrets), by variable name, from the environment or a
/// credentials file.
///
/// Values never leave this type except into the request that needs them, which lists them for redaction. Its
/// description names variables only, so printing, logging or interpolating a store never shows a secret.
public struct SecretStore: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    private let values: [String: String]
    /// Where each variable came from (`environment`, or the credentials file's path), for messages.
    public let origins: [String: String]

    /// A store with these values (tests, or values already read).
    public init(values: [String: String], origin: String = "given") {
        self.values = values.filter { !$0.value.isEmpty }
        self.origins = Dictionary(uniqueKeysWithValues: self.values.keys.map { ($0, origin) })
    }

    private init(values: [String: String], origins: [String: String]) {
        self.values = values
        self.origins = origins
    }

    /// No secrets at all.
    public static let empty = SecretStore(values: [:])

    /// The value of a variable, if set.
    public func value(of name: String) -> String? { values[name] }

    /// Whether the variable is set.
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// Every secret value, for redaction.
    public var allValues: [String] { Array(values.values) }

    /// The variables of `names` from `environment`, then from the credentials `file` for those the environment does
    /// not set (the environment wins: it is the more deliberate, per-process choice).
    ///
    /// - Parameters:
    ///   - file: the credentials file; `nil` for none.
    ///   - required: whether a missing file is an error (it was named explicitly) or simply means no file.
    public static func load(
        names: Set<String>, environment: [String: String], file: URL?, required: Bool
    ) throws(CredentialsError) -> SecretStore {
        var values: [String: String] = [:]
        var origins: [String: String] = [:]
        if let file {
            let fromFile = try CredentialsFile.read(file, required: required)
            for (name, value) in fromFile where names.contains(name) && !value.isEmpty {
                values[name] = value
                origins[name] = file.path
            }
        }
        for name in names {
            if let value = environment[name], !value.isEmpty {
                values[name] = value
                origins[name] = "environment"
            }
        }
        return SecretStore(values: values, origins: origins)
    }

    /// The default credentials file: `$XDG_CONFIG_HOME/shiptrack/credentials`, else `~/.config/shiptrack/credentials`.
    public static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config).appendingPathComponent("shiptrack/credentials")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/shiptrack/credentials")
    }

    public var description: String {
        values.isEmpty ? "no secrets" : "secrets " + values.keys.sorted().joined(separator: ", ") + " (values redacted)"
    }

    public var debugDescription: String { description }

    /// Replaces every secret value in `text` by `[redacted]`.
    public func redact(_ text: String) -> String { Redaction.redact(text, values: allValues) }
}

/// Replacing secret values in text that may reach people.
public enum Redaction {
    /// The text shown instead of a secret.
    public static let marker = "[redacted]"

    /// `text` with each of `values` (and its percent-encoded form) replaced by ``marker``. Values shorter than 4
    /// characters are not secrets worth the false positives.
    public static func redact(_ text: String, values: [String]) -> String {
        var result = text
        for value in values.sorted(by: { $0.count > $1.count }) where value.count >= 4 {
            if result.contains(value) { result = result.replacingOccurrences(of: value, with: marker) }
            let encoded = SourceEngine.percentEncode(value)
            if encoded != value, result.contains(encoded) { result = result.replacingOccurrences(of: encoded, with: marker) }
        }
        return result
    }
}

/// A credentials file that cannot be used, naming the file (never a value).
public struct CredentialsError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String {
        "credentials file \(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
