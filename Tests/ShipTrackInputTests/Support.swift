import Foundation
import ShipTrackEstimate
import ShipTrackInput
import Testing

/// Reading order files from literals and temporary files.
enum Support {
    static let parser = TimestampParser(policy: .builtIn)

    /// The canonical header.
    static let header = "order_id,tracking_number,carrier,destination,ordered_at,shipped_at"

    /// Chunk sizes that split every construct across reads, and the default.
    static let chunkSizes = [1, 2, 3, 7, InputOptions.defaultReadChunkBytes]

    /// Every record of `text` read as the file `name`.
    static func records(
        _ text: String, name: String = "orders.csv", options: InputOptions = InputOptions()
    ) throws -> [InputRecord] {
        try records(bytes: Array(text.utf8), name: name, options: options)
    }

    static func records(bytes: [UInt8], name: String = "orders.csv", options: InputOptions = InputOptions()) throws
        -> [InputRecord]
    {
        var reader = try OrderFileReader(contents: bytes, name: name, options: options)
        var records: [InputRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    /// Every record of a file on disk.
    static func records(path: String, options: InputOptions = InputOptions()) throws -> [InputRecord] {
        var reader = try OrderFileReader(path: path, options: options)
        var records: [InputRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    static func options(chunk: Int, maxFieldBytes: Int? = nil, maxRecordBytes: Int? = nil) -> InputOptions {
        var options = InputOptions(readChunkBytes: chunk)
        if let maxFieldBytes { options.maxFieldBytes = maxFieldBytes }
        if let maxRecordBytes { options.maxRecordBytes = maxRecordBytes }
        return options
    }

    static func rows(_ records: [InputRecord]) -> [OrderRow] {
        records.compactMap {
            if case .row(let row) = $0 { return row }
            return nil
        }
    }

    static func errors(_ records: [InputRecord]) -> [RowError] {
        records.compactMap {
            if case .rejected(let error) = $0 { return error }
            return nil
        }
    }

    /// The file error reading `text` throws, or `nil` (recorded as an issue) when it throws none.
    static func fileError(
        _ text: String, name: String = "orders.csv", options: InputOptions = InputOptions(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> InputFileError? {
        fileError(bytes: Array(text.utf8), name: name, options: options, sourceLocation: sourceLocation)
    }

    static func fileError(
        bytes: [UInt8], name: String = "orders.csv", options: InputOptions = InputOptions(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> InputFileError? {
        do {
            _ = try OrderFileReader(contents: bytes, name: name, options: options)
        } catch {
            return error
        }
        Issue.record("no file error", sourceLocation: sourceLocation)
        return nil
    }

    /// A time in ISO 8601 with offset, or a plain date (its start in Shanghai).
    static func time(_ text: String) throws -> Date { try parser.parse(text, field: "test") }

    /// A new empty folder for one test's files.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ShipTrackInputTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `bytes` to `name` in a new temporary folder, returning its path.
    static func temporaryFile(named name: String, bytes: [UInt8]) throws -> String {
        let url = try temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
