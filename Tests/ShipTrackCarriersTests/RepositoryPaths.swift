import Foundation
import ShipTrackTestSupport

/// The carrier files and fixture pages the carrier tests read.
extension RepositoryPaths {
    /// Every `*.json` file in `Carriers/`.
    static func carrierFiles() -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: carriers, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Every `*.json` file in `TrackingSources/`.
    static func sourceFiles() -> [URL] {
        let folder = root.appendingPathComponent("TrackingSources")
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Every fixture page (`Fixtures/<carrier>/*.html|*.xml`) of a carrier that has a definition.
    static func fixturePages() -> [URL] {
        let carrierIDs = Set(carrierFiles().map { $0.deletingPathExtension().lastPathComponent })
        var pages: [URL] = []
        for carrier in carrierIDs.sorted() {
            let folder = fixtures.appendingPathComponent(carrier)
            let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
            pages += files.filter { ["html", "xml"].contains($0.pathExtension) }
        }
        return pages.sorted { $0.path < $1.path }
    }
}
