/// Everything a generated page shows about one parcel, derived from its number and the simulated date alone.
///
/// The derivation draws from SplitMix64 seeded with the FNV-1a hash of the number, in a fixed order; the timeline's
/// intermediate times and wordings come from a second stream (``timelineSeed``), so the summary (stage, destination,
/// anchor times, event count) is cheap enough for the order generator to derive for a million numbers.
struct ParcelPlan: Sendable {
    typealias Stage = GeneratedParcel.Stage

    let number: String
    let carrier: GeneratedCarrier
    let stage: Stage
    let destination: Destination
    /// The destination's index in `Destination.all`.
    let destinationIndex: Int
    /// The US place of delivery, for USPS parcels and ePackets to the US.
    let usPlace: USPlace?
    /// An ePacket to the US: USPS tracks the second leg.
    let isTwoLeg: Bool
    let simulatedDate: CalendarDay
    /// The whole timeline's scans, oldest first (both legs, shared scans once).
    let steps: [TimelineStep]
    /// Minute-aligned anchors (seconds since 1970); printed instants add China Post's seconds where it prints them.
    let labelMinute: Int?
    let acceptedMinute: Int
    let lastMinute: Int?
    /// Where the parcel was posted in China (ePacket and EMS): an index into `ChinaPlace.origins`.
    let originIndex: Int
    /// The China Post page is in English rather than Chinese.
    let isEnglish: Bool
    /// The China Post page is GBK-encoded rather than UTF-8.
    let isGBK: Bool
    /// Seeds the timeline's intermediate times and wordings.
    let timelineSeed: UInt64
    /// Picks page layout variations (boilerplate sections and their lengths).
    let pageSeed: UInt64

    init?(number: [UInt8], simulatedDate: CalendarDay) {
        guard let carrier = GeneratedCarrier(numberOwner: number) else { return nil }
        let hash = StableHash.fnv1a(number)
        var random = SplitMix64(seed: hash)
        self.number = String(decoding: number, as: UTF8.self)
        self.carrier = carrier
        self.simulatedDate = simulatedDate

        let (stage, destinationIndex) = Self.drawStageAndDestination(carrier: carrier, random: &random)
        self.stage = stage
        self.destinationIndex = destinationIndex
        self.destination = Destination.all[destinationIndex]
        self.isTwoLeg = carrier == .epacket && self.destination.code == "US"
        switch carrier {
        case .usps:
            self.usPlace = random.element(of: USPlace.territories[self.destination.code] ?? USPlace.states)
        case .epacket where self.isTwoLeg:
            self.usPlace = random.element(of: USPlace.states)
        case .epacket, .ems:
            self.usPlace = nil
        }
        self.originIndex = random.integer(in: 0...(ChinaPlace.origins.count - 1))
        self.isEnglish = carrier == .epacket && random.chance(0.25)
        self.isGBK = carrier == .epacket && random.chance(0.55) && EncodedText.isGBKAvailable
        let hasLabel = carrier == .usps || stage == .infoReceived || random.chance(0.55)
        self.steps = Self.steps(carrier: carrier, stage: stage, hasLabel: hasLabel, random: &random)

        // Times, counted back from 00:00 of the simulated date in China.
        let reference = simulatedDate.chinaMidnight
        let profile = TimeProfile(stage: stage, carrier: carrier)
        let lastAge = profile.lastEventAge(&random)
        var spanDays = random.real(in: profile.span)
        if random.chance(profile.lateChance) {
            spanDays += random.real(in: profile.lateExtra)
        }
        let leadSeconds = Int(random.real(in: 0.2...1.6) * 86_400)
        self.timelineSeed = random.next()
        self.pageSeed = random.next()

        switch stage {
        case .notFound, .pending:
            self.labelMinute = nil
            self.acceptedMinute = Self.floorMinute(reference - Int(lastAge * 86_400))
            self.lastMinute = nil
        case .infoReceived:
            let label = Self.floorMinute(reference - Int(lastAge * 86_400))
            self.labelMinute = label
            self.acceptedMinute = label
            self.lastMinute = label
        default:
            var last = Self.floorMinute(reference - Int(lastAge * 86_400))
            if profile.endsWithDelivery {
                last = Self.daytime(last, offset: Self.deliveryOffset(self.usPlace, self.destination, at: last))
            }
            // At least an hour per scan after the acceptance, so every scan gets its own minute.
            let anchor = self.steps.firstIndex(of: .accepted) ?? 0
            let scansAfter = self.steps.count - anchor - 1
            let span = max(Int(spanDays * 86_400), scansAfter * 3_600)
            let accepted = Self.floorMinute(last - span)
            self.lastMinute = last
            self.acceptedMinute = accepted
            self.labelMinute = hasLabel ? Self.floorMinute(accepted - leadSeconds) : nil
        }
    }

    // MARK: - Derived values

    /// Where the parcel was posted in China.
    var origin: ChinaPlace {
        ChinaPlace.origins[self.originIndex]
    }

    /// The printed instant of the label or electronic information scan.
    var labelAt: Int? {
        self.labelMinute.map { self.printedInstant(minute: $0, of: .label) }
    }

    /// The printed instant of the acceptance scan, or the nominal hand-over for stages without one.
    var acceptedAt: Int {
        switch self.stage {
        case .notFound, .pending, .infoReceived: self.labelAt ?? self.acceptedMinute
        default: self.printedInstant(minute: self.acceptedMinute, of: .accepted)
        }
    }

    /// The printed instant of the newest scan.
    var lastEventAt: Int? {
        guard let lastMinute, let step = self.steps.last else { return nil }
        return self.printedInstant(minute: lastMinute, of: step)
    }

    /// The status and reason a reader of the page(s) must find.
    var expectedStatus: (status: String, reason: String?) {
        switch self.stage {
        case .notFound: return ("not_found", nil)
        case .pending: return ("pending", nil)
        default:
            guard let step = self.steps.last else { return ("pending", nil) }
            return step.expectedStatus(printedBy: self.printer(of: self.leg(of: step)))
        }
    }

    /// Which page(s) print `step`.
    func leg(of step: TimelineStep) -> TimelineLeg {
        guard self.isTwoLeg else { return .origin }
        switch step {
        case .label, .accepted, .originArrive, .originDepart, .originFacilityArrive, .exchangeArrive, .exportCustoms,
            .exchangeDepart, .flightDeparted, .returned:
            return .origin
        case .airlineHandover, .destinationArrival:
            return .shared
        case .importCustoms, .customsReleased, .customsHold, .transitArrive, .transitDepart, .transitOnward,
            .destinationFacilityArrive, .deliveryOfficeArrive, .outForDelivery, .delivered, .attemptFailed,
            .availableForPickup, .returnToSender, .returning:
            return .followOn
        }
    }

    /// The carrier whose words decide a scan's meaning: the follow-on carrier for the second leg.
    func printer(of leg: TimelineLeg) -> GeneratedCarrier {
        leg == .origin ? self.carrier : .usps
    }

    /// `minute` plus the seconds China Post and EMS print; USPS prints minutes, and a shared scan must be the same
    /// instant on both pages.
    func printedInstant(minute: Int, of step: TimelineStep) -> Int {
        let leg = self.leg(of: step)
        guard leg == .origin, self.carrier != .usps else { return minute }
        return minute + Int(SplitMix64.mix(UInt64(bitPattern: Int64(minute)) ^ self.timelineSeed) % 60)
    }

    /// The first two draws of every derivation: stage, then destination (an index into `Destination.all`).
    private static func drawStageAndDestination(
        carrier: GeneratedCarrier,
        random: inout SplitMix64
    ) -> (Stage, Int) {
        let stage = (carrier == .usps ? Self.uspsStages : Self.internationalStages).pick(&random)
        switch carrier {
        case .usps: return (stage, Destination.uspsTable.pick(&random))
        case .epacket: return (stage, Destination.epacketTable.pick(&random))
        case .ems: return (stage, Destination.emsTable.pick(&random))
        }
    }

    /// The destination (an index into `Destination.all`) a full derivation gives `number`, a valid number of
    /// `carrier`, without the rest of it: for the order generator's search for parcels sharing a destination.
    static func destinationIndex(of number: [UInt8], carrier: GeneratedCarrier) -> Int {
        var random = SplitMix64(seed: StableHash.fnv1a(number))
        return Self.drawStageAndDestination(carrier: carrier, random: &random).1
    }

    // MARK: - Derivation tables

    static let internationalStages = WeightedTable(Stage.allCases.map { ($0, $0.share) })

    /// USPS has no pending state, no customs and no airline stage; their shares go to stages USPS does have.
    static let uspsStages = WeightedTable(
        Stage.allCases.map { stage -> (Stage, Int) in
            switch stage {
            case .pending, .withAirline, .inCustoms, .customsHold: (stage, 0)
            case .infoReceived: (stage, stage.share + Stage.pending.share)
            case .sorting: (stage, stage.share + Stage.withAirline.share + Stage.inCustoms.share)
            case .delivered: (stage, stage.share + Stage.customsHold.share)
            default: (stage, stage.share)
            }
        }
    )

    static func floorMinute(_ seconds: Int) -> Int {
        CivilCalendar.floorDivide(seconds, 60) * 60
    }

    /// Moves `instant` earlier, if needed, into 08:00-19:59 local time at `offset`: deliveries happen by day.
    static func daytime(_ instant: Int, offset: Int) -> Int {
        let local = instant + offset
        let hour = (local - CivilCalendar.floorDivide(local, 86_400) * 86_400) / 3_600
        if hour >= 20 { return instant - (hour - 19) * 3_600 }
        if hour < 8 { return instant - (hour + 5) * 3_600 }
        return instant
    }

    /// The local offset of a scan China Post records abroad: the US service center's zone for the US (where USPS
    /// makes the same arrival scan), else the destination's own.
    func abroadOffset(at instant: Int) -> Int {
        if let place = usPlace { return USPlace.zone(ofServiceCenter: place.serviceCenter).offset(at: instant) }
        return destination.utcOffsetHours * 3_600
    }

    private static func deliveryOffset(_ place: USPlace?, _ destination: Destination, at instant: Int) -> Int {
        place.map { $0.zone.offset(at: instant) } ?? destination.utcOffsetHours * 3_600
    }

    // MARK: - Steps

    /// The scans of a parcel in `stage`, oldest first.
    static func steps(
        carrier: GeneratedCarrier,
        stage: Stage,
        hasLabel: Bool,
        random: inout SplitMix64
    ) -> [TimelineStep] {
        switch stage {
        case .notFound, .pending: return []
        case .infoReceived: return [.label]
        default: break
        }
        var steps: [TimelineStep] = []
        steps.reserveCapacity(32)
        if hasLabel { steps.append(.label) }
        if carrier == .usps {
            Self.appendDomesticSteps(stage: stage, to: &steps, random: &random)
        } else {
            Self.appendInternationalSteps(stage: stage, to: &steps, random: &random)
        }
        return steps
    }

    private static func appendInternationalSteps(stage: Stage, to steps: inout [TimelineStep], random: inout SplitMix64) {
        steps.append(.accepted)
        let toAirline: [TimelineStep] = [.exchangeArrive, .exportCustoms, .exchangeDepart, .airlineHandover]
        switch stage {
        case .accepted:
            return
        case .sorting:
            Self.appendOriginFillers(random.integer(in: 1...4), to: &steps)
            return
        case .withAirline:
            Self.appendOriginFillers(random.integer(in: 0...2), to: &steps)
            steps += toAirline
            if random.chance(0.5) { steps.append(.flightDeparted) }
            return
        default:
            break
        }

        // Stages from the arrival on: 10 to 30 scans, the extra ones as sorting scans in China and in the
        // destination country.
        var beforeFillers: [TimelineStep] = []
        var afterFillers: [TimelineStep] = []
        var hasDestinationFillers = true
        var minimumDestinationFillers = 0
        var arrives = true
        var upper = 30
        let delivery: [TimelineStep] = [.deliveryOfficeArrive, .outForDelivery]
        switch stage {
        case .arrivedAtDestination:
            hasDestinationFillers = false
            upper = 16
        case .inCustoms:
            beforeFillers = [.importCustoms]
            hasDestinationFillers = false
            upper = 18
        case .customsHold:
            beforeFillers = [.importCustoms, .customsHold]
            hasDestinationFillers = false
            upper = 20
        case .stalled:
            upper = 20
            switch random.integer(in: 0...4) {
            case 0:
                arrives = false
                hasDestinationFillers = false
            case 1:
                hasDestinationFillers = false
            case 2:
                beforeFillers = [.importCustoms]
                hasDestinationFillers = false
            case 3:
                beforeFillers = [.importCustoms, .customsReleased]
                hasDestinationFillers = false
            default:
                beforeFillers = [.importCustoms, .customsReleased]
                minimumDestinationFillers = 1
            }
        case .outForDelivery:
            beforeFillers = [.importCustoms, .customsReleased]
            afterFillers = delivery
        case .delivered:
            beforeFillers = [.importCustoms, .customsReleased]
            afterFillers = delivery + [.delivered]
        case .attemptFailed:
            beforeFillers = [.importCustoms, .customsReleased]
            afterFillers = delivery + [.attemptFailed]
        case .availableForPickup:
            beforeFillers = [.importCustoms, .customsReleased]
            afterFillers = delivery + [.attemptFailed, .availableForPickup]
        case .returning:
            beforeFillers = [.importCustoms, .customsReleased]
            afterFillers = delivery + [.attemptFailed, .availableForPickup, .returnToSender]
            afterFillers += Array(repeating: .returning, count: random.integer(in: 0...2))
        case .returned:
            beforeFillers = [.importCustoms, .customsReleased]
            afterFillers = delivery + [.attemptFailed, .availableForPickup, .returnToSender]
            afterFillers += Array(repeating: .returning, count: random.integer(in: 1...2))
            afterFillers.append(.returned)
        default:
            break
        }
        let arrival: [TimelineStep] = toAirline + [.flightDeparted] + (arrives ? [.destinationArrival] : [])
        let base = steps.count + arrival.count + beforeFillers.count + afterFillers.count + minimumDestinationFillers
        let total = random.integer(in: max(10, base)...max(10, base, upper))
        let fill = total - base
        let originFillers = hasDestinationFillers ? random.integer(in: 0...min(8, fill)) : fill
        let destinationFillers = fill - originFillers + minimumDestinationFillers

        Self.appendOriginFillers(originFillers, to: &steps)
        steps += arrival
        steps += beforeFillers
        let pattern: [TimelineStep] = [.transitArrive, .transitDepart, .transitOnward]
        for index in 0..<destinationFillers {
            steps.append(pattern[index % pattern.count])
        }
        steps += afterFillers
    }

    private static func appendDomesticSteps(stage: Stage, to steps: inout [TimelineStep], random: inout SplitMix64) {
        steps.append(.accepted)
        if stage == .accepted { return }
        steps.append(.originFacilityArrive)
        if stage == .sorting {
            Self.appendDomesticFillers(random.integer(in: 0...3), to: &steps)
            return
        }
        var afterFillers: [TimelineStep] = []
        var minimumFillers = 0
        var upper = 22
        let delivery: [TimelineStep] = [.destinationFacilityArrive, .deliveryOfficeArrive, .outForDelivery]
        switch stage {
        case .arrivedAtDestination:
            afterFillers = [.destinationFacilityArrive]
            upper = 18
        case .stalled:
            afterFillers = random.chance(0.5) ? [.destinationFacilityArrive] : []
            minimumFillers = 1
            upper = 18
        case .outForDelivery:
            afterFillers = delivery
        case .delivered:
            afterFillers = delivery + [.delivered]
        case .attemptFailed:
            afterFillers = delivery + [.attemptFailed]
        case .availableForPickup:
            afterFillers = delivery + [.attemptFailed, .availableForPickup]
        case .returning:
            afterFillers = delivery + [.attemptFailed, .availableForPickup, .returnToSender]
            afterFillers += Array(repeating: .returning, count: random.integer(in: 0...2))
        case .returned:
            afterFillers = delivery + [.attemptFailed, .availableForPickup, .returnToSender]
            afterFillers += Array(repeating: .returning, count: random.integer(in: 1...2))
            afterFillers.append(.returned)
        default:
            break
        }
        let base = steps.count + afterFillers.count + minimumFillers
        let total = random.integer(in: max(10, base)...max(10, base, upper))
        Self.appendDomesticFillers(total - base + minimumFillers, to: &steps)
        steps += afterFillers
    }

    private static func appendOriginFillers(_ count: Int, to steps: inout [TimelineStep]) {
        for index in 0..<count {
            steps.append(index % 2 == 0 ? .originArrive : .originDepart)
        }
    }

    private static func appendDomesticFillers(_ count: Int, to steps: inout [TimelineStep]) {
        let pattern: [TimelineStep] = [.transitDepart, .transitOnward, .transitArrive]
        for index in 0..<count {
            steps.append(pattern[index % pattern.count])
        }
    }
}

/// How old a parcel's newest scan is and how long it has travelled, by stage, in days.
struct TimeProfile {
    var lastAge: ClosedRange<Double>
    var span: ClosedRange<Double>
    /// The chance the parcel is slow (late, or eligible for a refund), and the extra days it then takes.
    var lateChance: Double
    var lateExtra: ClosedRange<Double>
    /// The newest scan is a delivery step, so it happens by day.
    var endsWithDelivery: Bool
    /// Delivered parcels: most were delivered recently, some up to two months ago.
    var isSkewedRecent: Bool

    init(stage: GeneratedParcel.Stage, carrier: GeneratedCarrier) {
        let domestic = carrier == .usps
        self.lateChance = 0
        self.lateExtra = 0...0
        self.endsWithDelivery = false
        self.isSkewedRecent = false
        switch stage {
        case .notFound, .pending:
            (self.lastAge, self.span) = (0.5...25, 0...0)
        case .infoReceived:
            (self.lastAge, self.span) = (0.3...12, 0...0)
        case .accepted:
            (self.lastAge, self.span) = (0.1...2, 0...0)
        case .sorting:
            (self.lastAge, self.span) = (0.1...3, domestic ? 0.3...1.5 : 0.3...2.5)
        case .withAirline:
            (self.lastAge, self.span) = (0.2...4, 2...6)
        case .arrivedAtDestination:
            (self.lastAge, self.span) = (0.2...5, domestic ? 1.5...5 : 5...14)
            (self.lateChance, self.lateExtra) = domestic ? (0.1, 8...20) : (0.22, 25...50)
        case .inCustoms:
            (self.lastAge, self.span) = (0.2...6, 6...16)
            (self.lateChance, self.lateExtra) = (0.22, 25...50)
        case .customsHold:
            (self.lastAge, self.span) = (0.5...9, 7...20)
            (self.lateChance, self.lateExtra) = (0.22, 25...50)
        case .stalled:
            (self.lastAge, self.span) = (12...30, domestic ? 2...6 : 4...20)
            (self.lateChance, self.lateExtra) = domestic ? (0.1, 5...15) : (0.22, 20...40)
        case .outForDelivery:
            (self.lastAge, self.span) = (0.08...0.8, domestic ? 2.5...8 : 8...30)
            (self.lateChance, self.lateExtra) = domestic ? (0.05, 5...15) : (0.22, 25...50)
            self.endsWithDelivery = true
        case .delivered:
            (self.lastAge, self.span) = (0.1...60, domestic ? 2.5...8 : 7...35)
            (self.lateChance, self.lateExtra) = domestic ? (0.08, 5...20) : (0.15, 15...35)
            self.endsWithDelivery = true
            self.isSkewedRecent = true
        case .attemptFailed:
            (self.lastAge, self.span) = (0.1...4, domestic ? 2.5...8 : 9...32)
            (self.lateChance, self.lateExtra) = domestic ? (0.05, 5...15) : (0.22, 25...50)
            self.endsWithDelivery = true
        case .availableForPickup:
            (self.lastAge, self.span) = (0.2...8, domestic ? 3...9 : 10...33)
            (self.lateChance, self.lateExtra) = domestic ? (0.05, 5...15) : (0.22, 25...50)
            self.endsWithDelivery = true
        case .returning:
            (self.lastAge, self.span) = (0.5...8, domestic ? 8...20 : 20...45)
            (self.lateChance, self.lateExtra) = domestic ? (0, 0...0) : (0.22, 10...25)
        case .returned:
            (self.lastAge, self.span) = (1...40, domestic ? 12...30 : 30...70)
        }
    }

    /// Days between the newest scan and the start of the simulated date.
    func lastEventAge(_ random: inout SplitMix64) -> Double {
        guard self.isSkewedRecent else { return random.real(in: self.lastAge) }
        let draw = random.unit()
        return self.lastAge.lowerBound + (self.lastAge.upperBound - self.lastAge.lowerBound) * draw * draw.squareRoot()
    }
}
