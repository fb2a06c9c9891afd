/// Where a planned response's body comes from.
enum PlannedBody: Sendable, Hashable {
    /// No bytes at all.
    case empty
    /// A short text, for the simulator's own error pages and the APIs' small answers.
    case text(String)
    /// Bytes built in memory: an API answer.
    case bytes([UInt8])
    /// Like `bytes`, but sent gzip-encoded with `Content-Encoding: gzip` (the `gzip` fault on an API).
    case gzippedBytes([UInt8])
    /// The first fixture of `candidates` (paths relative to `Fixtures/`) that exists; a 500 when none does.
    case fixture(candidates: [String])
    /// The fixture `fixture` if it exists, else the page generated for `number` on the carrier `carrierID`, else the
    /// fixture `fallback` (the unknown-number page).
    case fixtureOrGenerated(fixture: String, carrierID: String, number: String, fallback: String)
    /// Like `fixture`, but sent with `Content-Encoding: gzip`.
    case gzippedFixture(candidates: [String])
    /// `byteCount` bytes of binary junk, derived from `seed` so a number always gets the same junk.
    case junk(seed: UInt64, byteCount: Int)
    /// `byteCount` bytes of filler, streamed in chunks and never held in memory whole.
    case padding(byteCount: Int)
}

extension PlannedBody {
    /// A one-line summary for the request log.
    var logDescription: String {
        switch self {
        case .empty: "empty body"
        case .text: "text"
        case .bytes(let bytes): "\(bytes.count) bytes"
        case .gzippedBytes(let bytes): "gzip of \(bytes.count) bytes"
        case .fixture(let candidates): candidates.joined(separator: " or ")
        case .fixtureOrGenerated(let fixture, let carrierID, _, let fallback):
            "\(fixture) or generated \(carrierID) page or \(fallback)"
        case .gzippedFixture(let candidates): "gzip of " + candidates.joined(separator: " or ")
        case .junk(_, let byteCount): "\(byteCount) junk bytes"
        case .padding(let byteCount): "\(byteCount) padding bytes"
        }
    }
}
