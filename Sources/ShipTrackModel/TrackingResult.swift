public import Foundation

/// Everything known about one tracking number after one lookup.
public struct TrackingResult: Sendable, Codable {
    /// The number as normalised (upper case, no spaces or dashes).
    public var trackingNumber: String
    /// The parcel's carrier (for a two-leg ePacket, `epacket`).
    public var carrier: CarrierID
    /// The source that answered (`usps-api`, `17track`, `usps-page`).
    public var source: SourceID?
    /// Events of every leg, newest first (see ``Timeline``).
    public var events: [TrackingEvent]
    /// The current normalized status: the newest event's, or the source's no-event state (`pending`,
    /// `info_received`).
    public var status: TrackingStatus
    /// The reason behind the current status, when there is one.
    public var reason: StatusReason?
    /// When the parcel was delivered, if it was.
    public var deliveredAt: EventTime?
    /// When this result was fetched.
    public var fetchedAt: Date
    /// The page or interface the events came from (the first leg's, for a merged timeline), with any secret in it
    /// redacted.
    public var sourceURL: String
    /// Legs that could not be fetched while others could (for example the USPS leg of an ePacket).
    public var legFailures: [LegFailure]
    /// Sources asked before ``source`` that could not answer (blocked, unauthorized, quota exhausted), in order.
    public var fallbacks: [SourceFallback]
    /// How much of the answer was understood: rows seen, rows read, and the rows that were not.
    public var reading: ReadingQuality
    /// Things the source said that disagree with us but do not stop the lookup (17TRACK assigning the number to
    /// another carrier).
    public var notes: [String]

    public init(
        trackingNumber: String, carrier: CarrierID, source: SourceID? = nil, events: [TrackingEvent], fetchedAt: Date,
        sourceURL: String, legFailures: [LegFailure] = [], statusWithoutEvents: TrackingStatus = .pending,
        fallbacks: [SourceFallback] = [], reading: ReadingQuality? = nil, notes: [String] = [],
        legOrder: [CarrierID] = []
    ) {
        let ordered = Timeline.ordered(events, legOrder: legOrder.isEmpty ? [carrier] : legOrder)
        self.trackingNumber = trackingNumber
        self.carrier = carrier
        self.source = source
        self.events = ordered
        self.status = ordered.first?.status ?? statusWithoutEvents
        self.reason = ordered.first?.reason
        // Delivered only while the newest event says so: a return scan after a delivery scan undoes it.
        self.deliveredAt = self.status == .delivered ? ordered.first?.time : nil
        self.fetchedAt = fetchedAt
        self.sourceURL = sourceURL
        self.legFailures = legFailures
        self.fallbacks = fallbacks
        self.reading = reading ?? ReadingQuality(rowsSeen: events.count, rowsUnderstood: events.count)
        self.notes = notes
    }

    /// Whether the parcel will not change any more (delivered, returned to sender, expired).
    public var isFinal: Bool { status.isFinal || reason?.isFinal == true }

    /// Whether every leg answered: a partial timeline never counts as the whole (a failed USPS leg of an ePacket may
    /// hide a delivery).
    public var isComplete: Bool { legFailures.isEmpty }

    /// `found`, or `layout partly not recognised` when some rows could not be read.
    public var outcome: TrackingOutcome { reading.unread.isEmpty ? .found : .layoutPartlyNotRecognised }

    enum CodingKeys: String, CodingKey {
        case trackingNumber = "tracking_number"
        case carrier, source, events, status, reason
        case deliveredAt = "delivered_at"
        case fetchedAt = "fetched_at"
        case sourceURL = "source_url"
        case legFailures = "leg_failures"
        case fallbacks, reading, notes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trackingNumber = try container.decode(String.self, forKey: .trackingNumber)
        carrier = try container.decode(CarrierID.self, forKey: .carrier)
        source = try container.decodeIfPresent(SourceID.self, forKey: .source)
        events = try container.decode([TrackingEvent].self, forKey: .events)
        status = try container.decode(TrackingStatus.self, forKey: .status)
        reason = try container.decodeIfPresent(StatusReason.self, forKey: .reason)
        deliveredAt = try container.decodeIfPresent(EventTime.self, forKey: .deliveredAt)
        fetchedAt = try container.decode(Date.self, forKey: .fetchedAt)
        sourceURL = try container.decodeIfPresent(String.self, forKey: .sourceURL) ?? ""
        legFailures = try container.decodeIfPresent([LegFailure].self, forKey: .legFailures) ?? []
        fallbacks = try container.decodeIfPresent([SourceFallback].self, forKey: .fallbacks) ?? []
        reading = try container.decodeIfPresent(ReadingQuality.self, forKey: .reading)
            ?? ReadingQuality(rowsSeen: events.count, rowsUnderstood: events.count)
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
    }
}

/// A leg of a multi-carrier timeline that failed while the others succeeded.
public struct LegFailure: Hashable, Sendable, Codable {
    /// The carrier of the failed leg.
    public var carrier: CarrierID
    /// How it failed.
    public var outcome: TrackingOutcome
    /// What went wrong, in one line.
    public var message: String

    public init(carrier: CarrierID, outcome: TrackingOutcome = .fetchFailed, message: String) {
        self.carrier = carrier
        self.outcome = outcome
        self.message = message
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        carrier = try container.decode(CarrierID.self, forKey: .carrier)
        outcome = try container.decodeIfPresent(TrackingOutcome.self, forKey: .outcome) ?? .fetchFailed
        message = try container.decode(String.self, forKey: .message)
    }
}

/// A source that was asked before the one that answered, and why it could not.
public struct SourceFallback: Hashable, Sendable, Codable {
    public var source: SourceID
    public var outcome: TrackingOutcome
    public var message: String

    public init(source: SourceID, outcome: TrackingOutcome, message: String) {
        self.source = source
        self.outcome = outcome
        self.message = message
    }
}

/// How much of a source's answer was understood.
///
/// A row that cannot be read is never dropped silently: the result counts it and names the field and the text, and
/// its outcome becomes "layout partly not recognised" — the way a carrier's partial redesign shows up.
public struct ReadingQuality: Hashable, Sendable, Codable {
    /// Event rows the answer had.
    public var rowsSeen: Int
    /// Rows read into events.
    public var rowsUnderstood: Int
    /// The rows that could not be read (at most a few are kept; ``rowsSeen`` - ``rowsUnderstood`` counts them all).
    public var unread: [UnreadRow]

    public init(rowsSeen: Int, rowsUnderstood: Int, unread: [UnreadRow] = []) {
        self.rowsSeen = rowsSeen
        self.rowsUnderstood = rowsUnderstood
        self.unread = unread
    }

    enum CodingKeys: String, CodingKey {
        case rowsSeen = "rows_seen"
        case rowsUnderstood = "rows_understood"
        case unread
    }
}

/// One event row of an answer that could not be read.
public struct UnreadRow: Hashable, Sendable, Codable {
    /// The field that failed (`time`, `description`).
    public var field: String
    /// The text found there (shortened).
    public var text: String
    /// The row's place in the answer, 1 for the first.
    public var row: Int

    public init(field: String, text: String, row: Int) {
        self.field = field
        self.text = text
        self.row = row
    }

    /// `row 3: time "32 Foo 2026" matches no format`.
    public var summary: String { "row \(row): \(field) \"\(text)\" not understood" }
}
