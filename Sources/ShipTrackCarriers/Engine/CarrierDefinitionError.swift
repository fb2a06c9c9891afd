/// A carrier definition that cannot be used, naming the file and the key that is wrong.
public struct CarrierDefinitionError: Error, Sendable, CustomStringConvertible {
    /// The definition file (`usps.json`, or `built-in usps.json`).
    public let file: String
    /// The key path inside it (`page.fields.time[0]`), empty when the file as a whole is wrong.
    public let key: String
    /// What is wrong.
    public let message: String

    public init(file: String, key: String, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String { key.isEmpty ? "\(file): \(message)" : "\(file): \(key): \(message)" }
}
