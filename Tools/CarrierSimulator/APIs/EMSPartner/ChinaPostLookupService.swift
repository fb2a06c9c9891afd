/// What China Post's systems hold for a number.
enum ChinaPostLookup: Sendable {
    case record(ChinaPostRecord)
    /// Known, but no trace yet (the parcel world's `pending`).
    case pending
    /// Unknown, or not shipped yet.
    case notFound
}

/// Finds China Post's record of a number: its EMS partner fixture file, else the parcel world's ePacket or EMS
/// parcel when generation is on.
struct ChinaPostLookupService: Sendable {
    let fixtures: EMSFixtures
    /// The fixtures' `<traces>` answers read into records (English preferred), for 17TRACK.
    private let fixtureRecords: [String: ChinaPostRecord]
    let simulatedDate: CalendarDay?

    init(fixtures: EMSFixtures, simulatedDate: CalendarDay?) {
        self.fixtures = fixtures
        self.simulatedDate = simulatedDate
        var records: [String: ChinaPostRecord] = [:]
        for number in fixtures.numbers {
            if let answer = fixtures.answer(for: number, language: .english),
                let record = ChinaPostRecord(number: number, answer: answer)
            {
                records[number] = record
            }
        }
        self.fixtureRecords = records
    }

    /// Whether `number` has a fixture file (then its answer is served as it is).
    func hasFixture(_ number: String) -> Bool {
        self.fixtures.answer(for: number, language: .english) != nil
    }

    func lookup(_ number: String) -> ChinaPostLookup {
        if self.hasFixture(number) {
            return self.fixtureRecords[number].map(ChinaPostLookup.record) ?? .notFound
        }
        guard let simulatedDate, let plan = ParcelPlan(number: Array(number.utf8), simulatedDate: simulatedDate),
            plan.carrier == .epacket || plan.carrier == .ems
        else { return .notFound }
        switch plan.stage {
        case .notFound: return .notFound
        case .pending: return .pending
        default: return .record(ChinaPostRecord(plan: plan, events: ParcelTimeline.events(for: plan)))
        }
    }
}
