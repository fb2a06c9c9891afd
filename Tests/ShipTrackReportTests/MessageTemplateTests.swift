import Foundation
import ShipTrackEstimate
import ShipTrackReport
import ShipTrackTestSupport
import Testing

/// The suggested messages: the store's editable file, its placeholders and optional sections, and its errors.
struct MessageTemplateTests {
    static func templates(_ templates: [String: (subject: String, body: String)]) throws -> MessageTemplates {
        var entries: [String: Any] = [:]
        for (name, template) in templates { entries[name] = ["subject": template.subject, "body": template.body] }
        let data = try JSONSerialization.data(withJSONObject: ["templates": entries])
        return try MessageTemplates(json: data, file: "store-messages.json")
    }

    static func error(_ json: String) -> MessageTemplateError? {
        do {
            _ = try MessageTemplates(json: Data(json.utf8), file: "store-messages.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func embeddedCopyEqualsTheFile() throws {
        let file = try String(contentsOf: RepositoryPaths.policy.appendingPathComponent("messages.json"), encoding: .utf8)
        // embed-data.sh stores the text without its final newline (a multi-line literal drops it).
        #expect(
            MessageTemplates.builtInJSON + "\n" == file,
            "Sources/ShipTrackReport/Generated/EmbeddedMessages.swift is stale: run make embed")
    }

    @Test func builtInTemplatesCoverEveryKindAndUseOnlyKnownValues() throws {
        let templates = try MessageTemplates(json: Data(MessageTemplates.builtInJSON.utf8))
        for kind in DeliveryFlag.Kind.allCases {
            #expect(templates.templates[kind.rawValue] != nil, "no built-in template for \(kind.rawValue)")
        }
        #expect(templates.templates["fallback"] != nil)
        // Everything filled: no brace or bracket of the syntax survives.
        var values = MessageValues()
        for placeholder in Placeholder.allCases { values[placeholder] = "<\(placeholder.rawValue)>" }
        for (name, template) in templates.templates {
            let message = template.render(values)
            for mark in ["{", "}", "[", "]"] {
                #expect(!message.plainText.contains(mark), "template \(name) leaves \(mark)")
            }
            #expect(message.body.contains("<order_id>"), "template \(name) does not name the order")
            #expect(message.body.hasSuffix("<store_name>"), "template \(name) is not signed by the store")
        }
    }

    @Test func placeholdersAreReplaced() throws {
        let templates = try Self.templates([
            "fallback": ("Order {order_id}", "Hello {customer_name}, your parcel {tracking_number} ({status}) is due by {promised_by}. {{literal}} [[x]]")
        ])
        let message = templates.template(for: .late).render(
            MessageValues([
                .orderID: "SO-7", .customerName: "Ana", .trackingNumber: "LX123456785CN", .status: "In transit",
                .promisedBy: "Monday 20 April 2026",
            ]))
        #expect(message.subject == "Order SO-7")
        #expect(message.body == "Hello Ana, your parcel LX123456785CN (In transit) is due by Monday 20 April 2026. {literal} [x]")
    }

    @Test func missingValuesReadNaturally() throws {
        let templates = try Self.templates([
            "fallback": ("About {order_id}", "Hello[ {customer_name}],\nHi {customer_name}!\nYour parcel {tracking_number} is moving.[ Track it: {tracking_link}]\nBye")
        ])
        let message = templates.template(for: nil).render(MessageValues([.orderID: "SO-7", .customerName: "  "]))
        #expect(message.body == "Hello,\nHi!\nYour parcel is moving.\nBye")
        let named = templates.template(for: nil).render(
            MessageValues([.orderID: "SO-7", .customerName: "Zoë", .trackingLink: "https://example.test/t"]))
        #expect(named.body == "Hello Zoë,\nHi Zoë!\nYour parcel is moving. Track it: https://example.test/t\nBye")
    }

    @Test func aKindWithoutItsOwnTemplateUsesTheFallback() throws {
        let templates = try Self.templates([
            "fallback": ("F", "fallback body"), "late": ("L", "late body"),
        ])
        #expect(templates.template(for: .late).render(MessageValues()).body == "late body")
        #expect(templates.template(for: .stalled).render(MessageValues()).body == "fallback body")
    }

    @Test func unknownPlaceholderIsAnErrorNamingFileTemplateAndPlaceholder() throws {
        let error = try #require(Self.error(#"{"templates": {"fallback": {"subject": "x", "body": ["Hello {cusomer_name},"]}}}"#))
        #expect(error.file == "store-messages.json")
        #expect(error.template == "fallback")
        #expect(error.placeholder == "cusomer_name")
        #expect(error.description.contains("store-messages.json"))
        #expect(error.description.contains("\"fallback\""))
        #expect(error.description.contains("{cusomer_name}"))
        #expect(error.description.contains("customer_name"), "the message lists the known placeholders")
    }

    @Test(arguments: [
        (#"{"templates": {"fallback": {"subject": "x", "body": "{order_id"}}}"#, "never closed"),
        (#"{"templates": {"fallback": {"subject": "x", "body": "a } b"}}}"#, "without its {"),
        (#"{"templates": {"fallback": {"subject": "x", "body": "[a [{order_id}] ]"}}}"#, "inside another"),
        (#"{"templates": {"fallback": {"subject": "x", "body": "[no placeholder]"}}}"#, "without a placeholder"),
        (#"{"templates": {"fallback": {"subject": "x", "body": "[{order_id}"}}}"#, "never closed"),
        (#"{"templates": {"lat": {"subject": "x", "body": "y"}, "fallback": {"subject": "x", "body": "y"}}}"#, "unknown template name"),
        (#"{"templates": {"late": {"subject": "x", "body": "y"}}}"#, "is missing"),
        (#"{"templates": {"fallback": {"subject": "x", "body": "y", "footer": "z"}}}"#, "unknown key \"footer\""),
        (#"{"templates": {"fallback": {"subject": "x", "body": [1, 2]}}}"#, "list of lines"),
        (#"{"template": {}}"#, "unknown key \"template\""),
        (#"[1, 2]"#, "JSON object"),
        (#"{"templates": "#, "not valid JSON"),
    ])
    func malformedFilesAreRefusedWithAReason(json: String, expected: String) throws {
        let error = try #require(Self.error(json))
        #expect(error.description.contains(expected), "\(error.description)")
        #expect(error.file == "store-messages.json")
    }

    @Test func oversizedFileIsRefused() throws {
        let padding = String(repeating: " ", count: MessageTemplates.maximumFileSize)
        let error = try #require(Self.error(#"{"templates": {"fallback": {"subject": "x", "body": "y"}}}"# + padding))
        #expect(error.description.contains("at most"))
    }

    @Test func commentKeysAreIgnored() throws {
        let templates = try MessageTemplates(
            json: Data(#"{"_about": "x", "templates": {"_note": 1, "fallback": {"_why": "y", "subject": "s", "body": "b"}}}"#.utf8))
        #expect(templates.template(for: nil).render(MessageValues()).body == "b")
    }

    @Test func loadingNamesTheFileOnDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-messages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("my-messages.json")
        try Data(#"{"templates": {"fallback": {"subject": "s", "body": "{bogus}"}}}"#.utf8).write(to: file)
        #expect(throws: MessageTemplateError.self) { try MessageTemplates.load(contentsOf: file) }
        do {
            _ = try MessageTemplates.load(contentsOf: file)
        } catch {
            #expect(error.file == "my-messages.json")
            #expect(error.placeholder == "bogus")
        }
        let missing = folder.appendingPathComponent("absent.json")
        do {
            _ = try MessageTemplates.load(contentsOf: missing)
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.description.contains("cannot be read"))
        }
    }
}
