/// What USPS's tracking API says about one number.
enum USPSLookup: Sendable {
    /// A tracking detail; `fixtureJSON` is the fixture file's own detail, served as it is in v3r2 answers.
    case found(USPSTrackingRecord, fixtureJSON: [UInt8]?)
    /// The label's Mailer ID is not the caller's (403 since April 2026).
    case notAuthorized
    /// USPS does not know the number (404).
    case notFound
    /// A label with no scan yet: v3 answers 400 "12: A status update is not yet available…", v3r2 a 404 item.
    case notYetAvailable
    /// A fixture's error item.
    case failure(status: Int, message: String)
}

/// Finds what USPS holds for a number: its fixture file, else (outside the test client's Mailer IDs) 403, else the
/// parcel world's record when generation is on, else not found.
struct USPSLookupService: Sendable {
    let fixtures: [String: USPSFixture]
    let simulatedDate: CalendarDay?

    func lookup(_ number: String, checkingMailerID: Bool = true) -> USPSLookup {
        if let fixture = self.fixtures[number] {
            switch fixture {
            case .detail(let record, let json): return .found(record, fixtureJSON: json)
            case .failure(let status, let message): return .failure(status: status, message: message)
            }
        }
        guard !checkingMailerID || MailerID.isAuthorized(number) else { return .notAuthorized }
        guard let simulatedDate, let plan = PageGenerator(simulatedDate: simulatedDate).plan(carrierID: "usps", number: number)
        else { return .notFound }
        // As the tracking page: "Tracking Not Available" for these, "Label Created, not yet in system" when USPS
        // has no scan yet.
        if plan.stage == .notFound || plan.stage == .pending {
            return .notFound
        }
        guard let record = USPSTrackingRecord(plan: plan, events: ParcelTimeline.events(for: plan)) else {
            return .notYetAvailable
        }
        return .found(record, fixtureJSON: nil)
    }

    /// The record, when USPS has one: for 17TRACK's USPS provider, which is not bound by the caller's Mailer IDs.
    func record(for number: String) -> USPSTrackingRecord? {
        if case .found(let record, _) = self.lookup(number, checkingMailerID: false) { return record }
        return nil
    }
}
