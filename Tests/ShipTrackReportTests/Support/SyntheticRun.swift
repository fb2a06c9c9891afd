import Foundation
import ShipTrackEstimate
import ShipTrackModel
import ShipTrackReport

/// A made-up but realistic night of a store: orders of the last 80 days to every region, ePacket and EMS from
/// China, USPS from the US, timelines in the carriers' own words (Chinese for China Post), estimated by the real
/// ``Estimator`` tonight and the night before, so flags, new/still-open/cleared states and changes are what the
/// batch would find. Deterministic: order `i` is the same on every run, and can be made again on its own (the
/// report's two passes regenerate orders instead of keeping 100,000 in memory).
struct SyntheticRun {
    /// The run's "now": 01:30 in Shanghai, as the nightly cron would run.
    static let asOf = Date(timeIntervalSince1970: 1_773_941_400)  // 2026-03-20T01:30:00+08:00
    static let previousAsOf = asOf.addingTimeInterval(-86_400)

    let seed: UInt64
    /// Orders, chosen so their parcels add up to the requested number of shipments.
    let orderCount: Int
    let shipments: Int
    private let estimator = Estimator()

    init(shipments: Int, seed: UInt64 = 20_260_320) {
        self.seed = seed
        var total = 0
        var count = 0
        while total < shipments {
            var random = Self.random(seed: seed, index: count)
            total += Self.parcelCount(&random)
            count += 1
        }
        self.orderCount = count
        self.shipments = total
    }

    var header: ReportRun {
        ReportRun(
            storeName: "Citiexpress Demo Store", asOf: Self.asOf, runID: 412,
            startedAt: Self.asOf.addingTimeInterval(-5_400), finishedAt: Self.asOf.addingTimeInterval(-17),
            previousRunAsOf: Self.previousAsOf, orderFile: "/srv/shop/orders.csv", rowsRead: shipments + 3,
            rowsRejected: 3,
            rejectedRows: [
                RejectedRow(file: "orders.csv", line: 1_208, field: "destination", reason: "\"Atlantis\" is not a known country"),
                RejectedRow(file: "orders.csv", line: 4_410, field: "ordered_at", reason: "\"2026-13-01\" is not a date (month 13 does not exist)"),
                RejectedRow(file: "orders.csv", line: 9_001, field: "order_id", reason: "empty <b>value</b>"),
            ],
            sourceProblems: [
                SourceProblem(
                    source: "EMS (China Post)", carrier: "ems", kind: .layoutPartlyNotRecognised,
                    detail: "Field \"location\" matched nothing on 37 of 1,204 pages; events were read without their place.",
                    affectedShipments: 37, since: Self.asOf.addingTimeInterval(-4_000))
            ],
            carrierNames: ["usps": "USPS", "epacket": "ePacket", "ems": "EMS"])
    }

    /// The report as the batch would write it: a statistics pass over every order, the listed orders sorted by
    /// urgency, then the writer.
    func writeReport<S: ReportSink>(into sink: S, history: FlagHistory? = nil) throws -> (sink: S, statistics: ReportStatistics) {
        var statistics = ReportStatistics()
        var listed: [(placement: ReportPlacement, index: Int)] = []
        for index in 0..<orderCount {
            let order = order(index)
            statistics.add(order)
            let placement = order.placement
            if placement != .none || !order.clearedFlags.isEmpty { listed.append((placement, index)) }
        }
        listed.sort { $0.placement != $1.placement ? $0.placement < $1.placement : $0.index < $1.index }
        var writer = try MorningReportWriter(sink: sink, run: header, statistics: statistics)
        for entry in listed { try writer.add(order(entry.index)) }
        try writer.finish(history: history ?? self.history(tonight: statistics))
        return (writer.sink, statistics)
    }

    /// Thirty nights ending tonight, drifting around tonight's counts.
    func history(tonight: ReportStatistics) -> FlagHistory {
        var random = StableRandom(seed: seed ^ 0xF1A6)
        let today = StorePolicy.builtIn.calendar.day(of: Self.asOf)
        var nights: [FlagHistory.Night] = []
        for back in stride(from: 29, through: 0, by: -1) {
            var counts: [DeliveryFlag.Kind: Int] = [:]
            for (kind, count) in tonight.ordersFlagged {
                let drift = back == 0 ? 1.0 : 0.75 + 0.25 * Double(29 - back) / 29 + 0.1 * (random.unit() - 0.5)
                counts[kind] = Int(Double(count) * drift)
            }
            nights.append(FlagHistory.Night(day: today.adding(days: -back), counts: counts))
        }
        return FlagHistory(nights: nights)
    }

    // MARK: One order

    func order(_ index: Int) -> ReportOrder {
        var random = Self.random(seed: seed, index: index)
        let parcelCount = Self.parcelCount(&random)
        let destination = random.weighted(Self.destinations)
        let orderedAt = Self.asOf.addingTimeInterval(-Double(random.int(3_600...(80 * 86_400))))
        let orderID = index == 3 ? "=HYPERLINK(\"http://evil.test\",\"<b>SO-3</b>\")" : "SO-\(100_000 + index)"
        let named = random.chance(0.85)
        let first = random.pick(Self.firstNames)
        let last = random.pick(Self.lastNames)
        var customerName: String? = named ? "\(first) \(last)" : nil
        var customerEmail: String? =
            named ? "\(Self.ascii(first)).\(Self.ascii(last))\(index % 97)@example.com".lowercased() : nil
        if index == 3 {
            customerName = "<script>alert('pwned')</script> \"O'Brien\" & Co"
            customerEmail = "x\"><img src=x onerror=alert(1)>@evil.test"
        }

        let plans = (0..<parcelCount).map { _ in ParcelPlan(destination: destination, orderedAt: orderedAt, random: &random) }
        let now = estimate(orderedAt: orderedAt, country: destination.code, plans: plans, at: Self.asOf, forCheck: true)
        let before =
            orderedAt < Self.previousAsOf
            ? estimate(orderedAt: orderedAt, country: destination.code, plans: plans, at: Self.previousAsOf, forCheck: false)
            : nil
        guard let now else { fatalError("synthetic order \(index) could not be estimated") }

        var flags: [ReportFlag] = []
        let previousKeys = Set((before?.flags ?? []).map { "\($0.kind.rawValue)|\($0.parcel ?? "")" })
        let currentKeys = Set(now.flags.map { "\($0.kind.rawValue)|\($0.parcel ?? "")" })
        for flag in now.flags {
            let key = "\(flag.kind.rawValue)|\(flag.parcel ?? "")"
            if !previousKeys.contains(key) {
                flags.append(ReportFlag(flag, state: .new))
            } else if [.late, .stalled, .exception, .noTracking, .refundEligible].contains(flag.kind), random.chance(0.18) {
                let acknowledgement = Acknowledgement(
                    note: random.pick(Self.notes), at: Self.previousAsOf.addingTimeInterval(7 * 3_600 + Double(random.int(0...20_000))),
                    by: random.pick(["Ana", "Wei", "Sam"]))
                flags.append(ReportFlag(flag, state: .handled(acknowledgement)))
            } else {
                flags.append(ReportFlag(flag, state: .stillOpen))
            }
        }
        for flag in before?.flags ?? [] where !currentKeys.contains("\(flag.kind.rawValue)|\(flag.parcel ?? "")") {
            flags.append(.cleared(flag.kind, parcel: flag.parcel))
        }

        var changes: [ReportChange] = []
        var parcels: [ReportParcel] = []
        for (position, plan) in plans.enumerated() {
            let estimate = now.parcels[position]
            let name = parcelCount > 1 ? estimate.parcel : nil
            let seenNow = plan.knownEvents(at: plan.checkTime(Self.asOf))
            let seenBefore = plan.knownEvents(at: plan.checkTime(Self.previousAsOf))
            if seenNow.count > seenBefore.count, plan.trackingNumber(at: Self.asOf) != nil {
                changes.append(.newEvents(parcel: name, count: seenNow.count - seenBefore.count))
            }
            if let before, position < before.parcels.count {
                let old = ParcelStatus(before.parcels[position].tracking)
                let new = ParcelStatus(estimate.tracking)
                if old != new, estimate.tracking.state == .events { changes.append(.statusChanged(parcel: name, from: old, to: new)) }
            }
            parcels.append(
                ReportParcel(
                    estimate: estimate, carrier: plan.trackingNumber(at: Self.asOf) == nil ? nil : plan.carrier,
                    trackingURL: plan.trackingNumber(at: Self.asOf).map(Self.trackingURL(carrier: plan.carrier)),
                    lastEvent: seenNow.first, check: plan.checkState(estimate: estimate)))
        }
        return ReportOrder(
            orderID: orderID, customerName: customerName, customerEmail: customerEmail, estimate: now,
            parcels: parcels, flags: flags, changes: changes)
    }

    private func estimate(orderedAt: Date, country: String, plans: [ParcelPlan], at now: Date, forCheck: Bool) -> OrderEstimate? {
        let parcels = plans.map { plan -> ParcelFacts in
            let known = forCheck ? plan.checkTime(now) : now
            guard let number = plan.trackingNumber(at: now) else { return ParcelFacts() }
            let shippedAt = plan.recordsShipTime ? plan.handover.flatMap { $0 <= now ? $0 : nil } : nil
            switch plan.fate {
            case .noTracking(.notFound): return ParcelFacts(shippedAt: shippedAt, trackingNumber: number, tracking: .notFound)
            case .noTracking:
                return ParcelFacts(
                    shippedAt: shippedAt, trackingNumber: number,
                    tracking: .result(TrackingResult(trackingNumber: number, carrier: plan.carrier, events: [], fetchedAt: known, sourceURL: "")))
            default:
                return ParcelFacts(
                    shippedAt: shippedAt, trackingNumber: number,
                    tracking: .result(
                        TrackingResult(
                            trackingNumber: number, carrier: plan.carrier, events: plan.knownEvents(at: known), fetchedAt: known,
                            sourceURL: "")))
            }
        }
        do {
            return try estimator.estimateOrder(OrderFacts(orderedAt: orderedAt, destination: country, parcels: parcels), now: now)
        } catch {
            fatalError("synthetic order at \(orderedAt) could not be estimated: \(error)")
        }
    }

    // MARK: Tables

    private static func random(seed: UInt64, index: Int) -> StableRandom {
        StableRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
    }

    private static func parcelCount(_ random: inout StableRandom) -> Int {
        random.weighted([(1, 0.9), (2, 0.09), (3, 0.01)])
    }

    struct Destination {
        let code: String
        let region: Region?
        let city: String
        let utcOffsetHours: Int?
    }

    static let destinations: [(Destination, Double)] = [
        (Destination(code: "US", region: .unitedStates, city: "LOS ANGELES CA", utcOffsetHours: -7), 35),
        (Destination(code: "GB", region: .canadaEurope, city: "LONDON", utcOffsetHours: 0), 8),
        (Destination(code: "DE", region: .canadaEurope, city: "FRANKFURT", utcOffsetHours: 1), 7),
        (Destination(code: "FR", region: .canadaEurope, city: "PARIS", utcOffsetHours: 1), 6),
        (Destination(code: "CA", region: .canadaEurope, city: "TORONTO ON", utcOffsetHours: -4), 6),
        (Destination(code: "ES", region: .canadaEurope, city: "MADRID", utcOffsetHours: 1), 3),
        (Destination(code: "NL", region: .canadaEurope, city: "AMSTERDAM", utcOffsetHours: 1), 3),
        (Destination(code: "AU", region: .australiaNewZealand, city: "SYDNEY", utcOffsetHours: 11), 6),
        (Destination(code: "NZ", region: .australiaNewZealand, city: "AUCKLAND", utcOffsetHours: 13), 2),
        (Destination(code: "BR", region: .centralSouthAmerica, city: "CURITIBA", utcOffsetHours: -3), 4),
        (Destination(code: "MX", region: .centralSouthAmerica, city: "CIUDAD DE MEXICO", utcOffsetHours: -6), 4),
        (Destination(code: "CL", region: .centralSouthAmerica, city: "SANTIAGO", utcOffsetHours: -3), 1),
        (Destination(code: "JP", region: .asia, city: "TOKYO", utcOffsetHours: 9), 4),
        (Destination(code: "SG", region: .asia, city: "SINGAPORE", utcOffsetHours: 8), 3),
        (Destination(code: "IL", region: .asia, city: "TEL AVIV", utcOffsetHours: nil), 3),
        (Destination(code: "ZA", region: .africa, city: "JOHANNESBURG", utcOffsetHours: 2), 2),
        (Destination(code: "NG", region: .africa, city: "LAGOS", utcOffsetHours: nil), 1.5),
        (Destination(code: "KE", region: .africa, city: "NAIROBI", utcOffsetHours: 3), 1.4),
        (Destination(code: "CU", region: nil, city: "LA HABANA", utcOffsetHours: -4), 0.1),
    ]

    static let firstNames = [
        "Ana", "Liam", "Sofia", "Noah", "Emma", "Mateo", "Olivia", "Lucas", "Chloé", "José", "Zoë", "Wei", "Yuki",
        "Aisha", "Oluwaseun", "Søren", "Małgorzata", "Priya", "Mohammed", "Ngozi", "Hannah", "Jack", "Mia", "Leon",
    ]
    static let lastNames = [
        "Silva", "Smith", "García", "Müller", "Martin", "Rossi", "Nguyen", "Kowalski", "Dubois", "Tanaka", "Okafor",
        "Johansson", "Cohen", "O'Neill", "Van der Berg", "Fernández", "Li", "Brown", "Patel", "Haddad",
    ]
    static let notes = [
        "Emailed the customer the tracking link.", "Customer asked for a reshipment; waiting for the warehouse.",
        "Called the carrier: parcel in customs, customer informed.", "Offered a 10% coupon for the delay.",
        "Customer will wait one more week.",
    ]

    static func ascii(_ text: String) -> String {
        String(text.folding(options: [.diacriticInsensitive], locale: nil).unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic })
    }

    static func trackingURL(carrier: CarrierID) -> (String) -> URL {
        { number in
            switch carrier.rawValue {
            case "usps": URL(string: "https://tools.usps.com/go/TrackConfirmAction?tLabels=\(number)")!
            case "ems": URL(string: "https://www.ems.com.cn/qps/yjcx?mailNum=\(number)")!
            default: URL(string: "https://intmail.11185.cn/zh_CN/web/index?mailNo=\(number)")!
            }
        }
    }
}
