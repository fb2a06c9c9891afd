/// One parcel as USPS's tracking API holds it, built from the parcel world or read from a fixture file: everything
/// the v3 and v3r2 answers and 17TRACK's USPS provider print about it.
struct USPSTrackingRecord: Sendable, Hashable {
    var trackingNumber: String
    /// International inbound mail (`mailType` `IM`, `kahalaIndicator` true) rather than domestic (`DM`).
    var isInternational: Bool
    /// Human text with HTML, as USPS sends it: `USPS Ground Advantage<SUP>&#153;</SUP>`.
    var mailClass: String
    var mailClassCode: String?
    var serviceTypeCode: String?
    var services: [String]
    var origin: Address
    var destination: Address
    /// `YYYY-MM-DD`.
    var mailingDate: String?
    /// `YYYY-MM-DD`, while the parcel is not yet delivered.
    var expectedDeliveryDate: String?
    /// v3r2's `uniqueTrackingID`, such as `2025-11-21-5510382201`.
    var uniqueTrackingID: String
    /// v3's `uniqueMailPieceID`, nine digits.
    var uniqueMailPieceID: String
    /// v3's `mailPieceIntakeDate`: `YYYY-MM-DD HH:MM:SS.000000`.
    var mailPieceIntakeDate: String?
    /// The newest event's wording.
    var status: String
    var statusCategory: String
    var statusSummary: String
    /// Newest first, as USPS lists them.
    var events: [Event]

    /// A city, state, ZIP and country, any of which may be missing.
    struct Address: Sendable, Hashable {
        var city: String?
        var state: String?
        var zip: String?
        var country: String?
    }

    /// One tracking event.
    struct Event: Sendable, Hashable {
        var eventType: String
        var eventCode: String?
        /// Local wall-clock time without a zone, seconds `:00`: `2025-11-18T03:22:00`.
        var eventTimestamp: String
        /// UTC with real seconds: `2025-11-18T11:22:58Z`; `nil` for pre-shipment events, which carry no GMT keys.
        var gmtTimestamp: String?
        /// `-08:00`; `nil` with ``gmtTimestamp``.
        var gmtOffset: String?
        var country: String?
        var city: String?
        var state: String?
        var zip: String?
        var firm: String?
        var recipientName: String?

        /// The wall clock of ``eventTimestamp``.
        var wallClock: WallClock? {
            TimeText.parseWallClock(self.eventTimestamp)
        }

        /// The offset of ``gmtOffset`` in seconds, or `nil` when the event has none.
        var offsetSeconds: Int? {
            self.gmtOffset.flatMap(TimeText.parseOffset)
        }

        /// The place as USPS's web page prints it: `CITY, ST 12345`, a facility's name, or a country.
        var locationText: String? {
            if let city {
                guard let state else { return city }
                return zip.map { "\(city), \(state) \($0)" } ?? "\(city), \(state)"
            }
            return self.country
        }
    }
}
