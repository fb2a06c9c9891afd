public import Foundation
import ShipTrackModel

extension Estimator {
    /// The estimate for an order of one or more parcels as of `now`.
    ///
    /// Each parcel is estimated against the order's promise and named by its tracking number (or `parcel N`, from
    /// 1, when it has none). An order with no parcels yet is estimated as one parcel that has not shipped.
    /// - Throws: ``InputError`` as ``estimate(_:now:)``; a parcel's ship time is named `parcels[i].shipped_at`.
    public func estimateOrder(_ order: OrderFacts, now: Date) throws -> OrderEstimate {
        let country = try countries.resolve(order.destination)
        let parcels = order.parcels.isEmpty ? [ParcelFacts()] : order.parcels

        var estimates: [ShipmentEstimate] = []
        estimates.reserveCapacity(parcels.count)
        var names = Set<String>()
        for (index, parcel) in parcels.enumerated() {
            var name = parcel.trackingNumber ?? resultNumber(parcel.tracking) ?? "parcel \(index + 1)"
            // Two parcels listed with one number must still be told apart in the flags.
            if !names.insert(name).inserted { name += " (parcel \(index + 1))" }
            do {
                estimates.append(
                    try estimate(ShipmentFacts(order: order, parcel: parcel), country: country, now: now, parcel: name))
            } catch let error as InputError where error.field == InputError.Field.shippedAt {
                throw error.renamingField { $0 == InputError.Field.shippedAt ? "parcels[\(index)].\($0)" : $0 }
            }
        }

        var flags: [DeliveryFlag] = []
        // Flags about the whole order come first and once: the order is cancellable only while no parcel shipped.
        if var notServed = estimates.first?.flags.first(where: { $0.kind == .notServed }) {
            notServed.parcel = nil
            flags.append(notServed)
        }
        if estimates.allSatisfy({ $0.has(.cancellable) }),
            var cancellable = estimates.first?.flags.first(where: { $0.kind == .cancellable })
        {
            cancellable.parcel = nil
            flags.append(cancellable)
        }
        for estimate in estimates {
            flags.append(contentsOf: estimate.flags.filter { $0.kind != .notServed && $0.kind != .cancellable })
        }

        let calendar = policy.calendar
        return OrderEstimate(
            destination: country, orderedAt: order.orderedAt, orderedOn: calendar.day(of: order.orderedAt), asOf: now,
            promised: estimates.first?.promised, parcels: estimates, flags: flags)
    }

    private func resultNumber(_ tracking: TrackingState) -> String? {
        if case .result(let result) = tracking, !result.trackingNumber.isEmpty { return result.trackingNumber }
        return nil
    }
}
