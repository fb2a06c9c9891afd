import ShipTrackModel

/// A stable identity for an event within its leg: its time as printed (the instant when the zone is known, else
/// the wall clock; the listing position for an undated row), its meaning and the carrier's words. Re-fetching the
/// same timeline gives the same keys; since events are stored per leg, a scan two legs share is stored once per
/// leg, whichever leg answered first or whichever copy a merge keeps.
enum EventKey {
    static func make(_ event: TrackingEvent) -> String {
        let when: String
        if let time = event.time {
            when = time.instantSeconds.map(String.init) ?? "local:\(time.local)\(time.dateOnly ? "/date" : "")"
        } else {
            when = "undated:\(event.position)"
        }
        return "\(when)|\(event.status.rawValue)|\(event.reason?.rawValue ?? "")|\(event.description)"
    }
}
