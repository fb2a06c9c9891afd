import Foundation

/// A per-number file of `Fixtures/usps-api/`: one v3r2 tracking detail (served as it is in v3r2 answers, and read
/// into a record for v3 answers and 17TRACK's USPS provider), or an error item (`statusCode`, `error.message`).
enum USPSFixture: Sendable {
    case detail(USPSTrackingRecord, json: [UInt8])
    case failure(status: Int, message: String)

    static let folderName = "usps-api"

    /// Every per-number file of `Fixtures/usps-api/`, by number.
    static func loadAll(fixturesDirectory: URL) throws -> [String: USPSFixture] {
        var fixtures: [String: USPSFixture] = [:]
        let folder = fixturesDirectory.appendingPathComponent(Self.folderName)
        for (number, file, contents) in try APIFixtureFiles.load(folder: folder, fileExtension: "json") {
            fixtures[number.value] = try Self(contents: contents, file: file)
        }
        return fixtures
    }

    init(contents: Data, file: URL) throws {
        let object = try APIFixtureFiles.jsonObject(contents, file: file)
        func string(_ key: String, in object: [String: Any]) -> String? {
            object[key] as? String
        }
        if let error = object["error"] as? [String: Any] {
            guard let status = Int(string("statusCode", in: object) ?? string("code", in: error) ?? ""), (400...599).contains(status),
                let message = string("message", in: error)
            else {
                throw CarrierSimulatorError.invalidAPIFixture(
                    file: file.path, key: "statusCode", detail: "an error item needs statusCode 400-599 and error.message"
                )
            }
            self = .failure(status: status, message: message)
            return
        }
        guard let number = string("trackingNumber", in: object) else {
            throw CarrierSimulatorError.invalidAPIFixture(file: file.path, key: "trackingNumber", detail: "missing")
        }
        guard let rawEvents = object["trackingEvents"] as? [[String: Any]] else {
            throw CarrierSimulatorError.invalidAPIFixture(file: file.path, key: "trackingEvents", detail: "expected an array of objects")
        }
        var events: [USPSTrackingRecord.Event] = []
        for (index, raw) in rawEvents.enumerated() {
            guard let type = string("eventType", in: raw), let timestamp = string("eventTimestamp", in: raw),
                TimeText.parseWallClock(timestamp) != nil
            else {
                throw CarrierSimulatorError.invalidAPIFixture(
                    file: file.path, key: "trackingEvents[\(index)]", detail: "needs eventType and an eventTimestamp YYYY-MM-DDTHH:MM:SS"
                )
            }
            events.append(
                USPSTrackingRecord.Event(
                    eventType: type, eventCode: string("eventCode", in: raw),
                    // A v3r2 timestamp may carry its offset; the record keeps local time and offset apart.
                    eventTimestamp: String(timestamp.prefix(19)), gmtTimestamp: string("GMTTimestamp", in: raw),
                    gmtOffset: string("GMTOffset", in: raw), country: string("eventCountry", in: raw),
                    city: string("eventCity", in: raw), state: string("eventState", in: raw),
                    zip: string("eventZIPCode", in: raw) ?? string("eventZIP", in: raw), firm: string("firm", in: raw),
                    recipientName: string("recipientName", in: raw) ?? string("name", in: raw)
                )
            )
        }
        let expectation = object["deliveryDateExpectation"] as? [String: Any] ?? [:]
        let mailType = string("mailType", in: object) ?? "DM"
        let newest = events.first
        let record = USPSTrackingRecord(
            trackingNumber: number,
            isInternational: mailType == "IM" || mailType.lowercased().hasPrefix("international"),
            mailClass: string("mailClass", in: object) ?? "",
            mailClassCode: string("mailClassCode", in: object),
            serviceTypeCode: string("serviceTypeCode", in: object),
            services: object["services"] as? [String] ?? [],
            origin: .init(
                city: string("originCity", in: object), state: string("originState", in: object),
                zip: string("originZIPCode", in: object) ?? string("originZIP", in: object), country: string("originCountry", in: object)
            ),
            destination: .init(
                city: string("destinationCity", in: object), state: string("destinationState", in: object),
                zip: string("destinationZIPCode", in: object) ?? string("destinationZIP", in: object),
                country: string("destinationCountry", in: object) ?? string("destinationCountryCode", in: object)
            ),
            mailingDate: string("mailingDate", in: object),
            expectedDeliveryDate: string("expectedDeliveryDate", in: expectation),
            uniqueTrackingID: string("uniqueTrackingID", in: object) ?? string("uniqueMailPieceID", in: object) ?? "",
            uniqueMailPieceID: string("uniqueMailPieceID", in: object) ?? String(StableHash.fnv1a(number.utf8) % 1_000_000_000),
            mailPieceIntakeDate: string("mailPieceIntakeDate", in: object),
            status: string("status", in: object) ?? newest?.eventType ?? "",
            statusCategory: string("statusCategory", in: object) ?? USPSEventVocabulary.statusCategory(forCode: newest?.eventCode),
            statusSummary: string("statusSummary", in: object) ?? "",
            events: events
        )
        var json = Array(contents)
        while let last = json.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { json.removeLast() }
        self = .detail(record, json: json)
    }
}
