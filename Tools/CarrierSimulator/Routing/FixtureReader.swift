import Foundation
import NIOCore

/// Reads fixture pages from the fixtures folder.
///
/// Reading blocks, so `ConnectionHandler` runs it on the simulator's thread pool, never on an event loop. Pages
/// are read on every request, not cached, so edits to `Fixtures/` show up without a restart.
struct FixtureReader: Sendable {
    let fixturesDirectory: URL

    /// The first of `candidates` (paths relative to the fixtures folder) that can be read, or `nil`.
    ///
    /// With `gzipEncoded`, a precompressed `<candidate>.gz` is preferred; otherwise the page is wrapped in gzip
    /// on the fly.
    func read(candidates: [String], gzipEncoded: Bool) -> FixtureContents? {
        for relativePath in candidates {
            if gzipEncoded, let precompressed = self.readFile(relativePath + ".gz") {
                return FixtureContents(relativePath: relativePath + ".gz", bytes: precompressed, isGzipEncoded: true)
            }
            if let page = self.readFile(relativePath) {
                return FixtureContents(
                    relativePath: relativePath,
                    bytes: gzipEncoded ? GzipStoredEncoder.encode(page) : page,
                    isGzipEncoded: gzipEncoded
                )
            }
        }
        return nil
    }

    /// The file's bytes, or `nil` if it is missing, a folder, or unreadable (all of which mean "try the next").
    private func readFile(_ relativePath: String) -> ByteBuffer? {
        // Every component of `relativePath` was checked to be a plain name (see `FixtureFileName` and
        // `TrackingNumber`), so the file is inside the fixtures folder.
        let url = self.fixturesDirectory.appendingPathComponent(relativePath)
        // A cheap check first: with generated pages most numbers have no fixture, and a failed `Data` read builds
        // an error object each time.
        guard FileManager.default.fileExists(atPath: url.path), let contents = try? Data(contentsOf: url) else {
            return nil
        }
        return ByteBuffer(bytes: contents)
    }
}
