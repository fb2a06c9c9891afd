import Foundation

/// Lists and reads the per-number files of an API fixture folder once, when the simulator is created, so no request
/// ever reads a file. Subfolders (such as `answers/`, whole answers kept for parser tests) are not served.
enum APIFixtureFiles {
    /// Files this large are not fixtures; the cap keeps a stray file from filling memory.
    static let maximumFileSize = 4 * 1_024 * 1_024

    /// The files `<NUMBER>.<fileExtension>` directly in `folder`, by normalised number, with their contents; an
    /// empty list when the folder does not exist.
    static func load(folder: URL, fileExtension: String) throws -> [(number: TrackingNumber, file: URL, contents: Data)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            return []
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw CarrierSimulatorError.invalidAPIFixture(file: folder.path, detail: "cannot list the folder: \(error.localizedDescription)")
        }
        var files: [(TrackingNumber, URL, Data)] = []
        for name in names.sorted() where name.hasSuffix(".\(fileExtension)") {
            let stem = String(name.dropLast(fileExtension.count + 1))
            guard let number = TrackingNumber(normalizing: stem), number.value == stem.uppercased() else { continue }
            let file = folder.appendingPathComponent(name)
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
            if let size = attributes?[.size] as? Int, size > Self.maximumFileSize {
                throw CarrierSimulatorError.invalidAPIFixture(file: file.path, detail: "larger than \(Self.maximumFileSize) bytes")
            }
            do {
                files.append((number, file, try Data(contentsOf: file)))
            } catch {
                throw CarrierSimulatorError.invalidAPIFixture(file: file.path, detail: "cannot read: \(error.localizedDescription)")
            }
        }
        return files
    }

    /// `contents` as a JSON object, or an error naming `file`.
    static func jsonObject(_ contents: Data, file: URL) throws -> [String: Any] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: contents)
        } catch {
            throw CarrierSimulatorError.invalidAPIFixture(file: file.path, detail: "not JSON: \(error.localizedDescription)")
        }
        guard let object = value as? [String: Any] else {
            throw CarrierSimulatorError.invalidAPIFixture(file: file.path, detail: "expected a JSON object")
        }
        return object
    }
}
