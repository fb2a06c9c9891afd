/// Writes a USPS tracking record as the v3r2 and v3 answers spell it, with the quirks of recorded answers:
/// booleans as strings, HTML in `mailClass`, optional top-level fields left out rather than null, location fields
/// null on facility scans, pre-shipment events without GMT keys, events newest first.
///
/// Publicly, v3r2's schema promises JSON booleans and offsets in `eventTimestamp`; no real v3r2 answer was found, so
/// the simulator answers v3r2 as v3 really answers (strings, local time without zone) under v3r2's field names.
enum USPSDetailWriter {
    /// One v3r2 `TrackingDetail` (with `statusCode` "200" inside a 207 answer).
    static func writeV3R2(_ record: USPSTrackingRecord, statusCode: String?, into writer: inout JSONWriter) {
        writer.beginObject()
        if let statusCode { writer.string("statusCode", statusCode) }
        writer.string("trackingNumber", record.trackingNumber)
        Self.optional("destinationCity", record.destination.city, &writer)
        Self.optional("destinationState", record.destination.state, &writer)
        Self.optional("destinationZIPCode", record.destination.zip, &writer)
        Self.optional("destinationCountry", record.destination.country, &writer)
        writer.string("kahalaIndicator", record.isInternational ? "true" : "false")
        writer.string("mailClass", record.mailClass)
        Self.optional("mailClassCode", record.mailClassCode, &writer)
        Self.optional("mailingDate", record.mailingDate, &writer)
        writer.string("mailType", record.isInternational ? "IM" : "DM")
        Self.optional("originCity", record.origin.city, &writer)
        Self.optional("originState", record.origin.state, &writer)
        Self.optional("originZIPCode", record.origin.zip, &writer)
        Self.optional("originCountry", record.origin.country, &writer)
        writer.beginArray("services")
        for service in record.services { writer.element(service) }
        writer.endArray()
        Self.optional("serviceTypeCode", record.serviceTypeCode, &writer)
        writer.string("status", record.status)
        writer.string("statusCategory", record.statusCategory)
        writer.string("statusSummary", record.statusSummary)
        writer.string("uniqueTrackingID", record.uniqueTrackingID)
        writer.beginObject("deliveryDateExpectation")
        Self.optional("expectedDeliveryDate", record.expectedDeliveryDate, &writer)
        writer.endObject()
        writer.beginObject("servicesEligibility")
        writer.string("proofOfDeliveryEnabled", "false")
        writer.string("RREEnabled", "false")
        writer.string("trackingProofOfDeliveryEnabled", "false")
        writer.endObject()
        writer.beginArray("trackingEvents")
        for event in record.events {
            writer.beginObject()
            writer.string("eventType", event.eventType)
            writer.string("eventTimestamp", event.eventTimestamp)
            if let gmt = event.gmtTimestamp, let offset = event.gmtOffset {
                writer.string("GMTTimestamp", gmt)
                writer.string("GMTOffset", offset)
            }
            writer.string("eventCountry", event.country)
            writer.string("eventCity", event.city)
            writer.string("eventState", event.state)
            writer.string("eventZIPCode", event.zip)
            writer.string("firm", event.firm)
            writer.string("recipientName", event.recipientName)
            writer.string("eventCode", event.eventCode)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    /// A v3 `TrackingDetails` answer, in the key order of recorded answers (`trackingNumber` last).
    static func v3Detail(_ record: USPSTrackingRecord) -> [UInt8] {
        var writer = JSONWriter(capacity: 4_096)
        writer.beginObject()
        Self.optional("destinationCity", record.destination.city, &writer)
        Self.optional("destinationState", record.destination.state, &writer)
        Self.optional("destinationZIP", record.destination.zip, &writer)
        writer.string("emailEnabled", "true")
        if let expected = record.expectedDeliveryDate {
            writer.string("expectedDeliveryTimeStamp", "\(expected)T00:00:00")
        }
        writer.string("kahalaIndicator", record.isInternational ? "true" : "false")
        writer.string("mailClass", record.mailClass)
        writer.string("mailType", record.isInternational ? "IM" : "DM")
        Self.optional("originCity", record.origin.city, &writer)
        Self.optional("originState", record.origin.state, &writer)
        Self.optional("originZIP", record.origin.zip, &writer)
        writer.string("proofOfDeliveryEnabled", "false")
        writer.string("restoreEnabled", "false")
        writer.string("RRAMEnabled", "false")
        writer.string("RREEnabled", "false")
        writer.beginArray("services")
        for service in record.services { writer.element(service) }
        writer.endArray()
        Self.optional("serviceTypeCode", record.serviceTypeCode, &writer)
        writer.string("status", record.status)
        writer.string("statusCategory", record.statusCategory)
        writer.string("statusSummary", record.statusSummary)
        writer.string("tableCode", "T")
        writer.string("uniqueMailPieceID", record.uniqueMailPieceID)
        Self.optional("mailPieceIntakeDate", record.mailPieceIntakeDate, &writer)
        Self.optional("originCountry", record.origin.country, &writer)
        Self.optional("destinationCountryCode", record.destination.country, &writer)
        writer.beginArray("trackingEvents")
        for event in record.events {
            writer.beginObject()
            writer.string("eventType", event.eventType)
            writer.string("eventTimestamp", event.eventTimestamp)
            if let gmt = event.gmtTimestamp, let offset = event.gmtOffset {
                writer.string("GMTTimestamp", gmt)
                writer.string("GMTOffset", offset)
            }
            writer.string("eventCountry", event.country)
            writer.string("eventCity", event.city)
            writer.string("eventState", event.state)
            writer.string("eventZIP", event.zip)
            writer.string("firm", event.firm)
            writer.string("name", event.recipientName)
            writer.string("authorizedAgent", "false")
            writer.string("eventCode", event.eventCode)
            writer.null("additionalProp")
            writer.endObject()
        }
        writer.endArray()
        writer.string("trackingNumber", record.trackingNumber)
        writer.endObject()
        return writer.bytes
    }

    /// A v3 `TrackingSummary` answer (no `expand=DETAIL`): one sentence per event, newest first.
    static func v3Summary(_ record: USPSTrackingRecord) -> [UInt8] {
        var writer = JSONWriter(capacity: 1_024)
        writer.beginObject()
        writer.string("trackingNumber", record.trackingNumber)
        Self.optional("expectedDeliveryDate", record.expectedDeliveryDate, &writer)
        writer.beginArray("eventSummaries")
        for event in record.events {
            var parts = [event.eventType]
            if let clock = event.wallClock {
                parts.append(TimeText.uspsShortDate(clock))
                if event.gmtOffset != nil || clock.hour != 0 || clock.minute != 0 {
                    parts.append(TimeText.uspsClock(clock))
                }
            }
            if let place = event.locationText { parts.append(place) }
            writer.element(parts.joined(separator: ", "))
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    private static func optional(_ key: String, _ value: String?, _ writer: inout JSONWriter) {
        if let value { writer.string(key, value) }
    }
}
