import Foundation
import ShipTrackTestSupport
import Testing

@testable import CarrierSimulator

/// `make-orders` as a library: the file parses, its numbers are valid and match the generated pages, and the mix of
/// carriers, regions, orders and bad rows is as documented.
@Suite
struct OrderFileGeneratorTests {
    static let day = CalendarDay(year: 2026, month: 11, day: 20)!
    static let repositoryRoot = RepositoryPaths.root

    /// Upper-cased code, name or alias → ISO code, and ISO code → region, from the store's country table.
    static let (codes, regionByCode): ([String: String], [String: String]) = {
        let url = repositoryRoot.appendingPathComponent("Policy/countries.json")
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let countries = object["countries"] as? [[String: Any]]
        else { return ([:], [:]) }
        var codes: [String: String] = [:]
        var regions: [String: String] = [:]
        for country in countries {
            guard let code = country["code"] as? String, let region = country["region"] as? String else { continue }
            regions[code] = region
            for name in [code, country["name"] as? String] + ((country["aliases"] as? [String]) ?? []).map(Optional.some) {
                if let name { codes[name.uppercased()] = code }
            }
        }
        return (codes, regions)
    }()

    static func region(of destination: String) -> String? {
        Self.codes[destination.uppercased()].flatMap { Self.regionByCode[$0] }
    }

    struct Row {
        var orderID: String
        var numbers: [String]
        var carrier: String
        var destination: String
        var orderedAt: String
        var shippedAt: String
    }

    static func generate(count: Int, badRows: Int = 0, seed: UInt64 = 1, format: OrderFileGenerator.Format = .csv) throws -> String {
        try OrderFileGenerator(
            options: .init(shipmentCount: count, simulatedDate: Self.day, seed: seed, badRowCount: badRows, format: format)
        ).text()
    }

    static func rows(_ text: String) throws -> [Row] {
        let records = CSVRecords.parse(text)
        #expect(records.first == OrderFileGenerator.columns)
        return try records.dropFirst().map { fields in
            try #require(fields.count == 6, "\(fields)")
            return Row(
                orderID: fields[0], numbers: fields[1].split(separator: ";").map(String.init), carrier: fields[2],
                destination: fields[3], orderedAt: fields[4], shippedAt: fields[5]
            )
        }
    }

    /// Reads the timestamp forms the generator writes; `nil` for anything else.
    static func instant(_ text: String) -> Date? {
        if text.count == 10, let day = CalendarDay(text) {
            return day.startInChina
        }
        var iso = text
        if let match = text.wholeMatch(of: /(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) ([+-]\d\d)(\d\d)/) {
            iso = "\(match.1)T\(match.2)\(match.3):\(match.4)"
        }
        guard iso.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)/) != nil else { return nil }
        return ISO8601DateFormatter().date(from: iso)
    }

    @Test func writesTheRequestedCountOfValidMatchingShipments() throws {
        let rows = try Self.rows(try Self.generate(count: 1_500))
        var shipments = 0
        var unshipped = 0
        var carriers: [String: Int] = [:]
        var seenOrders = Set<String>()
        for row in rows {
            #expect(!row.orderID.isEmpty)
            #expect(Self.region(of: row.destination) != nil, "\(row.destination)")
            let orderedAt = try #require(Self.instant(row.orderedAt), "\(row.orderedAt)")
            #expect(orderedAt < Self.day.startInChina)
            guard !row.numbers.isEmpty else {
                unshipped += 1
                shipments += 1
                #expect(row.shippedAt.isEmpty)
                continue
            }
            shipments += row.numbers.count
            defer { seenOrders.insert(row.orderID) }
            for (index, number) in row.numbers.enumerated() {
                let parcel = try #require(GeneratedParcel(number: number, simulatedDate: Self.day), "\(number) is not valid")
                carriers[parcel.carrier, default: 0] += 1
                #expect(row.carrier.isEmpty || row.carrier == parcel.carrier)
                #expect(Self.codes[row.destination.uppercased()] == parcel.destination, "\(number): \(row.destination) vs \(parcel.destination)")
                // 2-5 days for an order's first parcel, up to 20 for the others; a plain date is 00:00 of the order's
                // day in China, up to a day earlier than the order itself.
                let lead = parcel.acceptedAt.timeIntervalSince(orderedAt) / 86_400
                let isFirstParcel = index == 0 && !seenOrders.contains(row.orderID)
                #expect(lead >= 2 && lead <= (isFirstParcel ? 6 : 21), "\(number): ordered \(lead) days before acceptance")
                if !row.shippedAt.isEmpty, row.numbers.count == 1 {
                    let shippedAt = try #require(Self.instant(row.shippedAt), "\(row.shippedAt)")
                    #expect(shippedAt >= orderedAt && shippedAt <= parcel.acceptedAt, "\(number): shipped \(row.shippedAt)")
                }
            }
        }
        #expect(shipments == 1_500)
        #expect((40...140).contains(unshipped), "\(unshipped) unshipped")
        let shipped = Double(carriers.values.reduce(0, +))
        #expect(abs(Double(carriers["epacket"] ?? 0) / shipped - 0.55) < 0.06)
        #expect(abs(Double(carriers["ems"] ?? 0) / shipped - 0.20) < 0.05)
        #expect(abs(Double(carriers["usps"] ?? 0) / shipped - 0.25) < 0.05)
    }

    @Test func coversEveryRegionMultiParcelOrdersAndUnshippedAges() throws {
        let rows = try Self.rows(try Self.generate(count: 2_000, seed: 3))
        let regions = Set(rows.compactMap { Self.region(of: $0.destination) })
        #expect(regions == ["united_states", "canada_europe", "australia_new_zealand", "central_south_america", "asia", "africa", "not_served"])
        let orderIDs = rows.map(\.orderID)
        let repeated = Set(orderIDs.filter { id in orderIDs.count { $0 == id } > 1 })
        let joined = rows.filter { $0.numbers.count > 1 }
        let orders = Set(orderIDs).count
        let multiParcel = repeated.count + joined.count
        #expect(multiParcel > orders / 30 && multiParcel < orders / 6, "\(multiParcel) multi-parcel orders of \(orders)")
        #expect(!repeated.isEmpty && !joined.isEmpty)
        let unshippedAges = rows.filter(\.numbers.isEmpty).compactMap { Self.instant($0.orderedAt) }
            .map { Self.day.startInChina.timeIntervalSince($0) / 3_600 }
        #expect(unshippedAges.contains { $0 < 12 }, "some unshipped orders are still cancellable")
        #expect(unshippedAges.contains { $0 > 8 * 24 }, "some unshipped orders are overdue")
        #expect(rows.contains { $0.carrier.isEmpty && !$0.numbers.isEmpty })
        #expect(rows.contains { $0.orderedAt.count == 10 })
        #expect(rows.contains { $0.orderedAt.hasSuffix("Z") })
    }

    @Test func badRowsAreThereAndTheQuotedOneIsValid() throws {
        let rows = try Self.rows(try Self.generate(count: 300, badRows: 10))
        var unknownCountry = 0, badCheckDigit = 0, badDate = 0, missingID = 0, quoted = 0, shipments = 0
        for row in rows {
            if row.orderID.isEmpty {
                missingID += 1
            } else if Self.region(of: row.destination) == nil {
                unknownCountry += 1
            } else if Self.instant(row.orderedAt) == nil {
                badDate += 1
            } else if row.numbers.contains(where: { GeneratedParcel(number: $0, simulatedDate: Self.day) == nil }) {
                badCheckDigit += 1
            } else {
                if row.orderID.contains(",") && row.orderID.contains("\n") && row.orderID.contains("\"") { quoted += 1 }
                shipments += max(1, row.numbers.count)
            }
        }
        let kinds: [Int] = [unknownCountry, badCheckDigit, badDate, missingID, quoted]
        #expect(kinds == [2, 2, 2, 2, 2])
        // The quoted rows are valid orders of their own, beyond the requested count.
        #expect(shipments == 302)
    }

    @Test func theSameSeedGivesTheSameFileAndAnotherSeedAnother() throws {
        let first = try Self.generate(count: 200, badRows: 5, seed: 5)
        #expect(first == (try Self.generate(count: 200, badRows: 5, seed: 5)))
        #expect(first != (try Self.generate(count: 200, badRows: 5, seed: 6)))
    }

    @Test func jsonLinesHaveTheSameKeys() throws {
        let text = try Self.generate(count: 300, badRows: 5, format: .jsonl)
        let lines = text.split(separator: "\n")
        var parcels = 0
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == Set(OrderFileGenerator.columns))
            if let numbers = object["tracking_number"] as? [String] {
                #expect(numbers.count > 1)
                parcels += numbers.count
            } else {
                parcels += 1
            }
        }
        #expect(parcels == 305)
    }

    @Test func largeFilesAreWrittenInBoundedChunks() throws {
        let generator = try OrderFileGenerator(options: .init(shipmentCount: 20_000, simulatedDate: Self.day))
        var chunks = 0
        var largest = 0
        var lines = 0
        generator.write { chunk in
            chunks += 1
            largest = max(largest, chunk.count)
            lines += chunk.count { $0 == UInt8(ascii: "\n") }
        }
        #expect(chunks > 10)
        #expect(largest <= 64 * 1_024 + 4_096)
        #expect(lines > 18_000)
    }

    /// `Fixtures/orders/README.md` gives the commands that made the sample files: they must still make them, byte
    /// for byte. After a deliberate change to generation, rerun those commands and review the README's figures.
    @Test func theSampleOrderFilesAreWhatTheirCommandsWrite() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("Fixtures/orders")
        let csv = try OrderFileGenerator(
            options: .init(shipmentCount: 300, simulatedDate: Self.day, seed: 6, badRowCount: 10, format: .csv))
        let jsonl = try OrderFileGenerator(
            options: .init(shipmentCount: 47, simulatedDate: Self.day, seed: 7, badRowCount: 5, format: .jsonl))
        #expect(try String(contentsOf: folder.appendingPathComponent("sample.csv"), encoding: .utf8) == csv.text())
        #expect(try String(contentsOf: folder.appendingPathComponent("sample.jsonl"), encoding: .utf8) == jsonl.text())
    }

    @Test func refusesNegativeCounts() {
        #expect(throws: CarrierSimulatorError.self) {
            try OrderFileGenerator(options: .init(shipmentCount: -1, simulatedDate: Self.day))
        }
    }
}
