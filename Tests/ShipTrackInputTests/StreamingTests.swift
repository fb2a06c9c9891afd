import Foundation
import ShipTrackInput
import Testing

/// Large files are streamed: a generated file of 200,000 rows is read whole from disk, row by row.
struct StreamingTests {
    /// Writes `rows` simple rows (every 1,000th bad) to a temporary CSV file (or JSON Lines, by `name`), in pieces.
    static func generateFile(rows: Int, name: String = "orders.csv") throws -> String {
        let url = try Support.temporaryFolder().appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var text = name.hasSuffix(".jsonl") ? "" : Support.header + "\n"
        let countries = ["US", "DE", "GB", "France", "JP", "AU"]
        for index in 1...rows {
            let country = index % 1_000 == 0 ? "Narnia" : countries[index % countries.count]
            let day = 1 + index % 28
            let dayText = day < 10 ? "0\(day)" : "\(day)"
            if name.hasSuffix(".jsonl") {
                text += "{\"order_id\": \"\(100_000 + index)\", \"tracking_number\": \"LX\(100_000_000 + index)CN\", "
                text += "\"destination\": \"\(country)\", \"ordered_at\": \"2026-02-\(dayText)T10:00:00+08:00\"}\n"
            } else {
                text += "\(100_000 + index),LX\(100_000_000 + index)CN,,\(country),2026-02-\(dayText)T10:00:00+08:00,\n"
            }
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
        return url.path
    }

    @Test func readsTwoHundredThousandRows() throws {
        let path = try Self.generateFile(rows: 200_000)
        var reader = try OrderFileReader(path: path)
        var rows = 0
        var rejected = 0
        var lastLine = 1
        while let record = try reader.next() {
            switch record {
            case .row: rows += 1
            case .rejected(let error):
                rejected += 1
                #expect(error.code == .unknownCountry)
            }
            #expect(record.line == lastLine + 1)
            lastLine = record.line
        }
        #expect(rows == 199_800)
        #expect(rejected == 200)
        #expect(lastLine == 200_001)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(reader.bytesRead == size)
    }

    @Test func readsTwoHundredThousandJSONLines() throws {
        let path = try Self.generateFile(rows: 200_000, name: "orders.jsonl")
        let records = try Support.records(path: path)
        #expect(Support.rows(records).count == 199_800)
        #expect(Support.errors(records).count == 200)
        #expect(records.last?.line == 200_000)
    }
}
