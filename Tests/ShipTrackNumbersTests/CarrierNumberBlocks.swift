import Foundation
import ShipTrackTestSupport

/// The carrier files of `Carriers/` as shipped, read from the repository (found from this file's path), so these
/// tests prove the real `numbers` blocks and never a copy of them.
///
/// Decoding a whole file as a numbers section reads only its `numbers` key, with the same key paths
/// (`numbers.formats[0].pattern`) as the carrier engine reports.
enum CarrierNumberBlocks {
    static let carriersFolder = RepositoryPaths.carriers

    /// Every carrier file, keyed by carrier, in the order the identifier consults them.
    static let all: [(carrier: String, json: String)] = [("usps", usps), ("epacket", epacket), ("ems", ems)]

    static let usps = file("usps")
    static let epacket = file("epacket")
    static let ems = file("ems")

    private static func file(_ carrier: String) -> String {
        (try? String(contentsOf: carriersFolder.appendingPathComponent("\(carrier).json"), encoding: .utf8)) ?? "{}"
    }
}
