public import ShipTrackNumbers

extension Identification {
    /// One line saying why the number cannot be tracked as it is, or which carrier it belongs to.
    public var explanation: String {
        switch verdict {
        case .identified(let carrier, let service): return "\(carrier) (\(service))"
        case .ambiguous(let candidates):
            let names = candidates.map { "\($0.carrier) (\($0.service))" }.joined(separator: ", ")
            return "ambiguous: could be \(names); name the carrier with --carrier"
        case .recognisedUntracked(let format, let country): return format.untrackedSentence(country: country)
        case .invalid(let reason): return "invalid: \(reason)"
        case .unknownShape: return "not a tracking number any known carrier issues"
        }
    }
}
