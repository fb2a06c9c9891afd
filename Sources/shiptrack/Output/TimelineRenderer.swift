import ShipTrackCarriers
import ShipTrackModel

/// The human timeline: a status line, then one line per event with local time, place and the carrier's text.
struct TimelineRenderer {
    let registry: CarrierRegistry

    func render(_ result: TrackingResult) -> String {
        let carrierName = registry.engines[result.carrier]?.definition.name ?? result.carrier.rawValue
        var status = result.status.rawValue
        if let reason = result.reason { status += " (\(reason.rawValue))" }
        var lines = ["\(result.trackingNumber)  \(carrierName)  \(status)"]
        if let delivered = result.deliveredAt {
            lines.append("  delivered \(Self.format(delivered))")
        }
        for failure in result.legFailures {
            lines.append("  ! \(failure.carrier) leg failed: \(failure.message)")
        }
        if result.events.isEmpty {
            lines.append(result.status == .infoReceived ? "  label created; no scans yet" : "  no events yet")
        }
        for event in result.events {
            let place = event.location.displayText
            var line = "  \(Self.format(event.time))  \(place.isEmpty ? "-" : place)  \(event.description)"
            if event.reportedBy != result.carrier { line += "  [\(event.reportedBy)]" }
            if event.statusUnrecognised { line += "  [wording not recognised]" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2023-07-18 13:23 -04:00`: the place's local time, with its offset when known, never passed off as UTC.
    static func format(_ time: EventTime) -> String {
        let local = time.local
        var text = "\(pad(local.year, 4))-\(pad(local.month, 2))-\(pad(local.day, 2)) "
        text += time.dateOnly ? "--:--" : "\(pad(local.hour, 2)):\(pad(local.minute, 2))"
        if let offset = time.utcOffsetSeconds {
            text += " " + (offset == 0 ? "+00:00" : EventTime.formatOffset(offset))
        } else {
            text += " (local)"
        }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
