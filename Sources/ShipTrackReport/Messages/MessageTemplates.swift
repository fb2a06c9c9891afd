public import Foundation
public import ShipTrackEstimate

/// The suggested messages to customers: one template per flag kind and a fallback, from a JSON file the store can
/// edit (`Policy/messages.json` is the built-in one).
///
/// The file is an object with `templates`, mapping a flag kind (`late`, `refund_eligible`, ...) or `fallback` to
/// `{"subject": "...", "body": ["line", "line", ...]}` (the body may also be one string). Keys starting with `_`
/// are comments. Everything is checked when loaded: an unknown key, template name or placeholder, or a malformed
/// `{`/`[`, is an error naming the file, the template and the placeholder; `fallback` is required, and a kind
/// without its own template uses it. Syntax of a template: ``MessageTemplate``.
public struct MessageTemplates: Sendable {
    /// Templates by name (flag kind or `fallback`).
    public let templates: [String: MessageTemplate]
    /// The file they came from, for messages.
    public let file: String

    /// Files larger than this are refused: a template file is a few kilobytes, and a store's file is still input.
    public static let maximumFileSize = 256 * 1_024
    /// The name of the template used for kinds without their own.
    public static let fallbackName = "fallback"

    /// Parses and checks a template file's contents.
    /// - Parameter file: how errors name the file.
    public init(json: Data, file: String = "messages.json") throws(MessageTemplateError) {
        self.file = file
        guard json.count <= Self.maximumFileSize else {
            throw MessageTemplateError(
                file: file, message: "is \(json.count) bytes; a template file may have at most \(Self.maximumFileSize)")
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw MessageTemplateError(file: file, message: "is not valid JSON (\(error.localizedDescription))")
        }
        guard let object = root as? [String: Any] else {
            throw MessageTemplateError(file: file, message: "must be a JSON object with \"templates\"")
        }
        for key in object.keys where key != "templates" && !key.hasPrefix("_") {
            throw MessageTemplateError(file: file, message: "unknown key \"\(key)\" (expected \"templates\")")
        }
        guard let entries = object["templates"] as? [String: Any] else {
            throw MessageTemplateError(file: file, message: "\"templates\" must be an object of templates")
        }
        let names = Set(DeliveryFlag.Kind.allCases.map(\.rawValue) + [Self.fallbackName])
        var templates: [String: MessageTemplate] = [:]
        for (name, entry) in entries.sorted(by: { $0.key < $1.key }) where !name.hasPrefix("_") {
            guard names.contains(name) else {
                throw MessageTemplateError(
                    file: file, template: name,
                    message: "unknown template name; names are flag kinds (\(DeliveryFlag.Kind.allCases.map(\.rawValue).joined(separator: ", "))) or \(Self.fallbackName)")
            }
            templates[name] = try Self.template(name: name, entry: entry, file: file)
        }
        guard templates[Self.fallbackName] != nil else {
            throw MessageTemplateError(
                file: file, template: Self.fallbackName, message: "is missing: it is used for every kind without a template")
        }
        self.templates = templates
    }

    /// Loads and checks a store's template file.
    public static func load(contentsOf url: URL) throws(MessageTemplateError) -> MessageTemplates {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw MessageTemplateError(file: url.path, message: "cannot be read (\(error.localizedDescription))")
        }
        return try MessageTemplates(json: data, file: url.lastPathComponent)
    }

    /// The built-in templates: `Policy/messages.json` as embedded in the binary.
    public static let builtIn: MessageTemplates = {
        do {
            return try MessageTemplates(json: Data(builtInJSON.utf8), file: "messages.json")
        } catch {
            // The embedded file is checked by the tests on every run; reaching this is a build defect.
            fatalError("the built-in Policy/messages.json is invalid: \(error)")
        }
    }()

    /// The text of the built-in `messages.json`, for a store that wants to start its own file from it.
    public static var builtInJSON: String {
        embeddedMessageFiles.first { $0.name == "messages.json" }?.contents ?? ""
    }

    /// The template for a flag kind: its own, or the fallback (`nil` kind: the fallback).
    public func template(for kind: DeliveryFlag.Kind?) -> MessageTemplate {
        if let kind, let own = templates[kind.rawValue] { return own }
        // init guarantees the fallback exists.
        return templates[Self.fallbackName]!
    }

    private static func template(name: String, entry: Any, file: String) throws(MessageTemplateError) -> MessageTemplate {
        guard let fields = entry as? [String: Any] else {
            throw MessageTemplateError(file: file, template: name, message: "must be an object with \"subject\" and \"body\"")
        }
        for key in fields.keys where !["subject", "body"].contains(key) && !key.hasPrefix("_") {
            throw MessageTemplateError(file: file, template: name, message: "unknown key \"\(key)\" (expected \"subject\" and \"body\")")
        }
        guard let subject = fields["subject"] as? String else {
            throw MessageTemplateError(file: file, template: name, message: "\"subject\" must be a string")
        }
        let body: String
        if let text = fields["body"] as? String {
            body = text
        } else if let lines = fields["body"] as? [Any], let strings = lines as? [String] {
            body = strings.joined(separator: "\n")
        } else {
            throw MessageTemplateError(file: file, template: name, message: "\"body\" must be a string or a list of lines")
        }
        return try MessageTemplate(name: name, subject: subject, body: body, file: file)
    }
}
