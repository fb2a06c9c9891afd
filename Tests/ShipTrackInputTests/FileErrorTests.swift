import Foundation
import ShipTrackInput
import Testing

/// Files that cannot be read at all: one clear error naming the file, before any row.
struct FileErrorTests {
    @Test func missingFile() throws {
        let path = try Support.temporaryFolder().appendingPathComponent("nothing.csv").path
        #expect {
            _ = try OrderFileReader(path: path)
        } throws: { error in
            guard let error = error as? InputFileError else { return false }
            return error.code == .unreadable
                && error.description == "\(path): cannot be read (No such file or directory)"
        }
    }

    @Test func directory() throws {
        let folder = try Support.temporaryFolder().appendingPathComponent("orders.csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect {
            _ = try OrderFileReader(path: folder.path)
        } throws: { error in
            (error as? InputFileError)?.description == "\(folder.path): cannot be read (Is a directory)"
        }
    }

    @Test func unknownExtension() throws {
        let error = try #require(Support.fileError(Support.header, name: "data/orders.xlsx"))
        #expect(error.code == .unknownFormat)
        #expect(
            error.description == "data/orders.xlsx: has the extension \".xlsx\": cannot tell CSV from JSON Lines "
                + "(name it .csv, .jsonl or .ndjson, or give the format: csv or jsonl)")
        let none = try #require(Support.fileError(Support.header, name: "orders"))
        #expect(none.message.hasPrefix("has no extension"))
        // An explicit format wins over the extension.
        let text = "\(Support.header)\n1,,,US,2026-03-02,\n"
        #expect(try Support.records(text, name: "orders.txt", options: InputOptions(format: .csv)).count == 1)
        #expect(try Support.records(text, name: "ORDERS.CSV").count == 1)
    }

    @Test func formatNamesAndExtensions() {
        #expect(InputFormat(name: "CSV") == .csv)
        #expect(InputFormat(name: "ndjson") == .jsonl)
        #expect(InputFormat(name: "json") == nil)
        #expect(InputFormat(path: "exports/2026.03/orders.JSONL") == .jsonl)
        #expect(InputFormat(path: "exports/2026.03/orders") == nil)
        #expect(InputFormat(path: "orders.csv.gz") == nil)
    }

    @Test func binaryFile() throws {
        // The start of a PNG file.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]
        let error = try #require(Support.fileError(bytes: png + Array(repeating: 0, count: 100)))
        #expect(error.code == .notText)
        #expect(error.description.hasPrefix("orders.csv:1: is not UTF-8 text"))
        let nul = try #require(Support.fileError(bytes: Array("order_id,dest".utf8) + [0, 1, 2, 0x0A]))
        #expect(nul.description.hasPrefix("orders.csv:1: is not a text file (a NUL byte at byte 14 of line 1)"))
        let jsonl = try #require(Support.fileError(bytes: [0x7B, 0x00, 0x01], name: "orders.jsonl"))
        #expect(jsonl.code == .notText)
        // Binary without a line break for longer than a row may be: still "not text".
        let noBreaks = [UInt8](repeating: 0x00, count: 300_000)
        #expect(Support.fileError(bytes: noBreaks)?.code == .notText)
    }

    @Test func utf16File() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(Support.header.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let error = try #require(Support.fileError(bytes: bytes))
        #expect(error.code == .notText)
        #expect(error.message.hasPrefix("is UTF-16 text"))
    }

    @Test func invalidUTF8InTheHeader() throws {
        let bytes = Array("order_id,destination,ordered_at,tracking_number,".utf8) + [0xFF, 0x41] + [0x0A]
        #expect(Support.fileError(bytes: bytes)?.code == .notText)
    }

    @Test func emptyFileOrOnlyBlankLines() throws {
        for text in ["", "\n\n", "\u{FEFF}", "  \r\n"] {
            let error = try #require(Support.fileError(text))
            #expect(error.code == .missingHeader)
            #expect(error.description.hasPrefix("orders.csv: is empty: expected a header row"))
        }
    }

    @Test func missingHeaderRow() throws {
        let error = try #require(Support.fileError("1001,LX1,,US,2026-03-02,\n1002,LX2,,US,2026-03-02,\n"))
        #expect(error.code == .missingColumn)
        #expect(error.message.contains("is the header row missing?"))
    }

    @Test func missingRequiredColumn() throws {
        let error = try #require(Support.fileError("order_id,tracking_number,ordered_at\n1,,2026-03-02\n"))
        #expect(error.code == .missingColumn)
        #expect(
            error.description
                == "orders.csv:1: no column destination; the header has: \"order_id\", \"tracking_number\", "
                + "\"ordered_at\"")
    }

    @Test func jsonLinesNamedCSV() throws {
        let error = try #require(Support.fileError(#"{"order_id": "1", "destination": "US"}"#))
        #expect(error.code == .malformedHeader)
        #expect(error.message.contains("this looks like JSON Lines"))
    }

    @Test func brokenHeader() throws {
        #expect(Support.fileError("order_id,\"destination\n")?.code == .malformedHeader)
        #expect(Support.fileError("order_id,\"destination\"x,ordered_at\n")?.code == .malformedHeader)
        let long = String(repeating: "a", count: 2_000)
        #expect(Support.fileError(long, options: InputOptions(maxRecordBytes: 1_024))?.code == .malformedHeader)
    }
}
