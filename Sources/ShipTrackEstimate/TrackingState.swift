public import ShipTrackModel

/// What the carrier said about a tracking number, if it was asked.
public enum TrackingState: Sendable {
    /// The carrier was not asked (an offline estimate, or no tracking number yet).
    case notFetched
    /// The carrier answered that it does not know the number.
    case notFound
    /// The carrier's answer: its events (possibly none, "no information available at the moment").
    case result(TrackingResult)
}
