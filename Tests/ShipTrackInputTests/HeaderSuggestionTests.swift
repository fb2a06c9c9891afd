import Foundation
import ShipTrackEstimate
import ShipTrackInput
import Testing

/// A mistyped header gets a suggestion, and a missing column names every header the file has.
struct HeaderSuggestionTests {
    @Test(arguments: [
        ("order_id,trackng_number,destination,ordered_at", "\"trackng_number\"", "tracking_number"),
        ("order_id,Tracking Nunber,destination,ordered_at", "\"Tracking Nunber\"", "tracking_number"),
        ("Order-ID,tracking_number,destination,ordered_at", "\"Order-ID\"", "order_id"),
        ("order_id,tracking_number,destnation,ordered_at", "\"destnation\"", "destination"),
        ("order_id,tracking_number,destination,orderd_at", "\"orderd_at\"", "ordered_at"),
    ])
    func aMistypedHeaderGetsADidYouMean(header: String, written: String, canonical: String) throws {
        let error = try #require(Support.fileError(header + "\n"))
        #expect(error.code == .missingColumn)
        #expect(error.message.contains("\(written) in column"), "\(error)")
        #expect(error.message.contains("did you mean \(canonical)?"), "\(error)")
    }

    @Test func aMappedHeaderThatIsMistypedInTheFileGetsADidYouMean() throws {
        let mapping = try InputOptions.parseColumnMapping(["destination=Shipping Country"])
        let error = try #require(
            Support.fileError(
                "order_id,tracking_number,Shiping Country,ordered_at\n", options: InputOptions(columnMapping: mapping)))
        #expect(error.message.contains("did you mean \"Shipping Country\"?"), "\(error)")
    }

    @Test func unrelatedHeadersGetNoSuggestion() throws {
        let error = try #require(Support.fileError("order_id,tracking_number,country_code,ordered_at\n"))
        #expect(!error.message.contains("did you mean"), "\(error)")
    }

    @Test func theMissingColumnErrorListsEveryHeader() throws {
        let header = (1...30).map { "Column \($0)" } + ["order_id", "destination", "ordered_at"]
        let error = try #require(Support.fileError(header.joined(separator: ",") + "\n"))
        for name in header { #expect(error.message.contains("\"\(name)\""), "\(name) not listed") }
        #expect(!error.message.contains("more"))
    }
}
