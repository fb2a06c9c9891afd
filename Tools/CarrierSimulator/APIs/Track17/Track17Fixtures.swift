import Foundation

/// The per-number files of `Fixtures/17track/`: `<NUMBER>.json` holds one `track_info` object, served as it is for
/// that number instead of the one built from China Post's and USPS's records (for answers the parcel world does not
/// make, such as an unknown sub-status). Read once, at start.
struct Track17Fixtures: Sendable {
    static let folderName = "17track"

    private let trackInfos: [String: [UInt8]]

    init(fixturesDirectory: URL) throws {
        var trackInfos: [String: [UInt8]] = [:]
        let folder = fixturesDirectory.appendingPathComponent(Self.folderName)
        for (number, file, contents) in try APIFixtureFiles.load(folder: folder, fileExtension: "json") {
            let object = try APIFixtureFiles.jsonObject(contents, file: file)
            guard object["latest_status"] is [String: Any], object["tracking"] is [String: Any] else {
                throw CarrierSimulatorError.invalidAPIFixture(
                    file: file.path, detail: "expected a track_info object (with latest_status and tracking)"
                )
            }
            var bytes = Array(contents)
            while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { bytes.removeLast() }
            trackInfos[number.value] = bytes
        }
        self.trackInfos = trackInfos
    }

    init() {
        self.trackInfos = [:]
    }

    /// The `track_info` bytes for `number`, if it has a file.
    func trackInfo(for number: String) -> [UInt8]? {
        self.trackInfos[number]
    }
}
