import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackModel

/// Plans a night within quotas: reads what each source has left (where it can say), counts what the due shipments
/// will spend, and when that is more than there is, checks the most urgent first and leaves the rest for another
/// night, saying when they will be reached.
struct NightPlanner {
    let sources: SourceSet
    /// The store's units per night, per source (spread a month's quota over the nights).
    let unitsPerNight: [SourceID: Int]
    /// The run's deadline in hours, which limits calls to sources with a calls-per-hour allowance.
    let hours: Double?
    let asOf: Date
    let logger: Logger

    /// Whether a source has a budget the night must be planned against: quota units per registration, or calls per
    /// hour within a deadline. Shipments of the others are only counted.
    func needsPlanning(_ client: SourceClient) -> Bool {
        client.unitsPerRegistration != nil || (client.callsPerHour != nil && hours != nil)
    }

    /// The carriers whose first source needs planning: only their due rows are read.
    func carriersToPlan(_ carriers: some Sequence<CarrierID>) -> Set<CarrierID> {
        Set(carriers.filter { carrier in sources.chain(for: carrier).first.map(needsPlanning) ?? false })
    }

    /// The plan: `rows` are the due shipments of the carriers to plan, `counts` the due shipments of every carrier.
    func plan(_ rows: [PlanningRow], counts: [CarrierID: Int]) async -> NightPlan {
        // The first source each shipment will be asked (fallbacks may spend elsewhere; a plan is an estimate).
        var bySource: [SourceID: [PlanningRow]] = [:]
        var withoutSource = 0
        var lines: [NightPlan.SourceLine] = []
        let planned = Set(rows.map(\.shipment.carrier))
        var counted: [SourceID: Int] = [:]
        for (carrier, count) in counts where !planned.contains(carrier) {
            guard let first = sources.chain(for: carrier).first else {
                withoutSource += count
                continue
            }
            counted[first.id, default: 0] += count
        }
        for (id, count) in counted {
            let batch = max(1, sources.clients[id]?.engine.batchSize ?? 1)
            lines.append(
                NightPlan.SourceLine(
                    source: id, shipments: count, calls: (count + batch - 1) / batch, units: 0, unitsLeft: nil, leftOut: 0,
                    limitedBy: nil))
        }
        for row in rows {
            guard let first = sources.chain(for: row.shipment.carrier).first else {
                withoutSource += 1
                continue
            }
            bySource[first.id, default: []].append(row)
        }
        let today = Int((asOf.timeIntervalSince1970 / 86_400).rounded(.down))
        var leftOut: [Int64: String] = [:]
        for (id, planned) in bySource {
            guard let client = sources.clients[id] else { continue }
            let batch = max(1, client.engine.batchSize)
            var line = NightPlan.SourceLine(
                source: id, shipments: planned.count, calls: (planned.count + batch - 1) / batch, units: 0, unitsLeft: nil,
                leftOut: 0, limitedBy: nil)
            // Units: registrations of numbers the source does not know yet.
            var unitBudget: Int?
            var unregistered = Set<String>()
            if let perNumber = client.unitsPerRegistration {
                let registered = await client.registered(planned.map(\.shipment.trackingNumber))
                unregistered = Set(planned.map(\.shipment.trackingNumber)).subtracting(registered)
                line.units = unregistered.count * perNumber
                if let quota = try? await client.remainingQuota() {
                    line.unitsLeft = quota.remaining
                    unitBudget = quota.remaining / max(1, perNumber)
                }
                if let night = unitsPerNight[id] { unitBudget = min(unitBudget ?? night, night / max(1, perNumber)) }
            }
            // Calls: a calls-per-hour allowance over the hours the run has.
            var numberBudget: Int?
            if let perHour = client.callsPerHour, let hours {
                numberBudget = Int(Double(perHour) * hours) * batch
            }
            let overUnits = unitBudget.map { unregistered.count > $0 } ?? false
            let overCalls = numberBudget.map { planned.count > $0 } ?? false
            guard overUnits || overCalls else {
                lines.append(line)
                continue
            }
            // Most urgent first; each takes what it costs while the budgets last.
            var units = unitBudget ?? .max
            var numbers = numberBudget ?? .max
            var kept = 0
            var left: [PlanningRow] = []
            for row in planned.sorted(by: { $0.priority(today: today) < $1.priority(today: today) }) {
                let needsUnit = unregistered.contains(row.shipment.trackingNumber)
                if numbers > 0, !needsUnit || units > 0 {
                    numbers -= 1
                    if needsUnit { units -= 1 }
                    kept += 1
                } else {
                    left.append(row)
                }
            }
            let limit = overUnits ? "quota units" : "\(client.callsPerHour ?? 0) calls an hour"
            let perNight = max(1, min(unitBudget ?? .max, numberBudget ?? .max))
            for (index, row) in left.enumerated() {
                let nights = index / perNight + 1
                let reached = Calendar(identifier: .gregorian).date(byAdding: .day, value: nights, to: asOf) ?? asOf
                leftOut[row.shipment.id] =
                    "not checked: quota (\(client.engine.definition.name): \(limit)); reached about \(Self.day(reached))"
            }
            line.leftOut = left.count
            line.limitedBy = limit
            line.shipments = kept
            line.calls = (kept + batch - 1) / batch
            line.units = min(line.units, (unitBudget ?? .max) * (client.unitsPerRegistration ?? 1))
            lines.append(line)
            logger.notice(
                "tonight's quota does not cover every shipment: the most urgent are checked first",
                metadata: ["source": "\(id)", "checked": "\(kept)", "left_out": "\(left.count)"])
        }
        return NightPlan(sources: lines, leftOut: leftOut, withoutSource: withoutSource)
    }

    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}
