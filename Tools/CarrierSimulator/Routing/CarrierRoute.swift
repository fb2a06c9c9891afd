/// One carrier as the routing file describes it: where its tracking page lives, how the number reaches it, and
/// where its pages are kept under `Fixtures/`.
struct CarrierRoute: Sendable, Hashable {
    /// A short name for logs and errors, such as `usps`.
    var id: String
    /// The URL path of the carrier's tracking page, such as `/go/TrackConfirmAction`.
    var path: String
    /// The query (or form) parameter that carries the tracking number, such as `tLabels`.
    var numberParameter: String
    /// The method the page is requested with; with `POST` the number may also come in a urlencoded body.
    var method: RequestMethod
    /// The `Content-Type` of the carrier's pages.
    var contentType: String
    /// The carrier's folder under `Fixtures/`.
    var directory: String
    /// The extension of the carrier's pages, without the dot.
    var fileExtension: String
    /// The page served for numbers the carrier does not know, inside ``directory``.
    var unknownNumberFile: String

    /// The fixture path of the page for `number`, relative to `Fixtures/`.
    func fixture(for number: TrackingNumber) -> String {
        "\(self.directory)/\(number.value).\(self.fileExtension)"
    }

    /// The fixture path of the named file inside the carrier's folder, relative to `Fixtures/`.
    func fixture(named fileName: String) -> String {
        "\(self.directory)/\(fileName)"
    }

    /// The fixture path of the unknown-number page, relative to `Fixtures/`.
    var unknownNumberFixture: String {
        self.fixture(named: self.unknownNumberFile)
    }
}

extension CarrierRoute: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RoutingFileKey.self)
        try container.rejectUnknownKeys([
            "id", "path", "number_parameter", "method", "content_type", "directory", "extension",
            "unknown_number_file", "note",
        ])
        self.id = try container.decodeString("id") { id in
            let isPermitted = { (byte: UInt8) in
                FixtureFileName.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            }
            return !id.isEmpty && id.utf8.allSatisfy(isPermitted) ? nil : "\"\(id)\" must be letters, digits, '-' or '_'"
        }
        self.path = try container.decodeString("path") { path in
            guard path.hasPrefix("/") else { return "\"\(path)\" must start with \"/\"" }
            guard !path.contains(where: { $0 == "?" || $0 == "#" || $0.isWhitespace }) else {
                return "\"\(path)\" must be a bare path, without query, fragment or spaces"
            }
            return nil
        }
        self.numberParameter = try container.decodeString("number_parameter") { name in
            name.isEmpty || name.contains(where: { $0 == "&" || $0 == "=" || $0.isWhitespace })
                ? "\"\(name)\" must be a non-empty parameter name without '&', '=' or spaces" : nil
        }
        let methodName = try container.decodeString("method") { name in
            RequestMethod(rawValue: name.uppercased()) == nil ? "\"\(name)\" must be \"GET\" or \"POST\"" : nil
        }
        self.method = RequestMethod(rawValue: methodName.uppercased()) ?? .get
        self.contentType = try container.decodeString("content_type") { contentType in
            contentType.isEmpty || contentType.contains(where: { $0 == "\r" || $0 == "\n" })
                ? "must be a non-empty single-line media type" : nil
        }
        self.directory = try container.decodeString("directory", check: FixtureFileName.problem(with:))
        self.fileExtension = try container.decodeString("extension", check: FixtureFileName.problem(withExtension:))
        self.unknownNumberFile = try container.decodeString(
            "unknown_number_file",
            check: FixtureFileName.problem(with:)
        )
    }
}
