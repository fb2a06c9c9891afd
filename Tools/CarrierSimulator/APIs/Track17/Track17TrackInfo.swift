/// A registered number's `track_info`, built from what the carriers hold: China Post's (or China EMS's) record and,
/// for an ePacket to the US or a USPS number, USPS's. Both legs of an ePacket to the US appear as two providers with
/// their own events (the scans they share appear under both, as on 17TRACK).
struct Track17TrackInfo: Sendable {
    struct ProviderEvents: Sendable {
        var provider: Track17Carrier.Provider
        var serviceType: String?
        /// Newest first.
        var events: [Track17Event]
    }

    var number: String
    var providers: [ProviderEvents]
    var shipper: (country: String?, state: String?, city: String?, postalCode: String?)
    var recipient: (country: String?, state: String?, city: String?, postalCode: String?)
    var serviceType: String?
    /// For a two-leg parcel: the last-mile number and carrier.
    var localProvider: (number: String, name: String, key: Int)?
    /// "Now" in the parcel world, in seconds since 1970.
    var now: Int

    /// The milestones, in 17TRACK's order.
    static let keyStages = [
        "InfoReceived", "PickedUp", "Departure", "Arrival", "AvailableForPickup", "OutForDelivery", "Delivered", "Returning",
        "Returned",
    ]

    /// All events of all providers, newest first.
    var allEvents: [Track17Event] {
        self.providers.flatMap(\.events).sorted { $0.sortKey > $1.sortKey }
    }

    func write(into writer: inout JSONWriter) {
        let events = self.allEvents
        let newest = events.first
        let hash = StableHash.fnv1a(self.number.utf8)
        writer.beginObject("track_info")

        writer.beginObject("shipping_info")
        Self.writeAddress("shipper_address", self.shipper, into: &writer)
        Self.writeAddress("recipient_address", self.recipient, into: &writer)
        writer.endObject()

        writer.beginObject("latest_status")
        writer.string("status", newest?.status ?? "NotFound")
        writer.string("sub_status", newest?.subStatus ?? "NotFound_Other")
        writer.null("sub_status_descr")
        writer.endObject()

        if let newest {
            Self.writeEvent(newest, key: "latest_event", into: &writer)
        } else {
            writer.null("latest_event")
        }

        writer.beginObject("time_metrics")
        let oldest = events.last?.sortKey
        let pickedUp = events.last { $0.subStatus == "InTransit_PickedUp" }?.sortKey
        let delivered = events.first { $0.subStatus == "Delivered_Other" }?.sortKey
        let transit = pickedUp.map { Self.days(from: $0, to: delivered ?? self.now) } ?? 0
        writer.integer("days_after_order", oldest.map { Self.days(from: $0, to: self.now) } ?? 0)
        writer.integer("days_of_transit", transit)
        writer.integer("days_of_transit_done", delivered == nil ? 0 : transit)
        writer.integer("days_after_last_update", newest.map { Self.days(from: $0.sortKey, to: self.now) } ?? 0)
        writer.beginObject("estimated_delivery_date")
        writer.null("source")
        writer.null("from")
        writer.null("to")
        writer.endObject()
        writer.endObject()

        writer.beginArray("milestone")
        for stage in Self.keyStages {
            writer.beginObject()
            writer.string("key_stage", stage)
            let first = events.last { $0.stage == stage }
            writer.string("time_iso", first?.timeISO)
            writer.string("time_utc", first?.timeUTC)
            writer.beginObject("time_raw")
            writer.string("date", first?.rawDate)
            writer.string("time", first?.rawTime)
            writer.string("timezone", first?.rawZone)
            writer.endObject()
            writer.endObject()
        }
        writer.endArray()

        writer.beginObject("misc_info")
        writer.integer("risk_factor", 0)
        writer.string("service_type", self.serviceType)
        if self.providers.isEmpty {
            writer.null("weight_raw")
            writer.null("weight_kg")
        } else {
            let grams = 50 + Int(hash % 1_850)
            let kilograms = "\(grams / 1_000).\(String(grams % 1_000 + 1_000).dropFirst())"
            writer.string("weight_raw", "\(kilograms) KG")
            writer.string("weight_kg", kilograms)
        }
        writer.null("pieces")
        writer.null("dimensions")
        writer.null("customer_number")
        writer.null("reference_number")
        writer.string("local_number", self.localProvider?.number ?? "")
        writer.string("local_provider", self.localProvider?.name ?? "")
        writer.integer("local_key", self.localProvider?.key ?? 0)
        writer.endObject()

        writer.beginObject("tracking")
        writer.integer("providers_hash", self.providers.isEmpty ? 0 : Int(Int32(truncatingIfNeeded: hash)))
        writer.beginArray("providers")
        for (index, provider) in self.providers.enumerated() {
            writer.beginObject()
            writer.beginObject("provider")
            writer.integer("key", provider.provider.key)
            writer.string("name", provider.provider.name)
            writer.string("alias", provider.provider.alias)
            writer.string("tel", provider.provider.tel)
            writer.string("homepage", provider.provider.homepage)
            writer.string("country", provider.provider.country)
            writer.endObject()
            writer.string("service_type", provider.serviceType)
            writer.string("latest_sync_status", "Success")
            writer.string("latest_sync_time", TimeText.utcISO(self.now - Int((hash >> (8 * index)) % 5_400)))
            writer.integer("events_hash", provider.events.isEmpty ? 0 : Int(Int32(truncatingIfNeeded: hash >> (16 + index))))
            writer.beginArray("events")
            for event in provider.events {
                Self.writeEvent(event, key: nil, into: &writer)
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()

        writer.endObject()
    }

    private static func writeEvent(_ event: Track17Event, key: String?, into writer: inout JSONWriter) {
        writer.beginObject(key)
        writer.string("time_iso", event.timeISO)
        writer.string("time_utc", event.timeUTC)
        writer.beginObject("time_raw")
        writer.string("date", event.rawDate)
        writer.string("time", event.rawTime)
        writer.string("timezone", event.rawZone)
        writer.endObject()
        writer.string("description", event.description)
        writer.null("description_translation")
        writer.string("location", event.location)
        writer.string("stage", event.stage)
        writer.string("sub_status", event.subStatus)
        Self.writeAddress("address", (event.country, event.state, event.city, event.postalCode), into: &writer)
        writer.endObject()
    }

    private static func writeAddress(
        _ key: String,
        _ address: (country: String?, state: String?, city: String?, postalCode: String?),
        into writer: inout JSONWriter
    ) {
        writer.beginObject(key)
        writer.string("country", address.country)
        writer.string("state", address.state)
        writer.string("city", address.city)
        writer.null("street")
        writer.string("postal_code", address.postalCode)
        writer.beginObject("coordinates")
        writer.null("longitude")
        writer.null("latitude")
        writer.endObject()
        writer.endObject()
    }

    private static func days(from start: Int, to end: Int) -> Int {
        max(0, (end - start) / 86_400)
    }
}
