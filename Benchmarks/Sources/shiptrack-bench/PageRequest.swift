import Foundation
import ShipTrackModel

/// One page request of the fetching benchmarks, a line of `requests.txt`: `SOURCE CARRIER NUMBER PATH`.
struct PageRequest: Sendable {
    static let fileName = "requests.txt"

    let source: SourceID
    let carrier: CarrierID
    let number: String
    let path: String

    /// Every request of `folder/requests.txt`, in file order.
    static func load(folder: String) throws -> [PageRequest] {
        let text = try String(contentsOfFile: folder + "/" + fileName, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let words = line.split(separator: " ", maxSplits: 3).map(String.init)
            guard words.count == 4 else { throw BenchError("\(folder)/\(fileName): \"\(line)\" is not SOURCE CARRIER NUMBER PATH") }
            return PageRequest(source: SourceID(words[0]), carrier: CarrierID(words[1]), number: words[2], path: words[3])
        }
    }
}
