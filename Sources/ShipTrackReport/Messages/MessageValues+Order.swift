import Foundation
import ShipTrackEstimate

extension MessageValues {
    /// The values for a message about `flag` (or the order as a whole) of `order`.
    init(order: ReportOrder, flag: ReportFlag?, run: ReportRun, format: PeopleFormat) {
        self.init()
        let parcel = flag?.parcel.flatMap { name in order.parcels.first { $0.name == name } }
        self[.customerName] = order.customerName
        self[.orderID] = order.orderID
        self[.storeName] = run.storeName
        self[.destination] = order.destination.name
        self[.orderedOn] = format.longDay(run.policy.calendar.day(of: order.orderedAt))
        self[.promisedBy] = order.promised.map { format.longDay($0.latest) }
        if let guarantee = order.guarantee {
            self[.guaranteeEnds] = format.longDay(guarantee.endsOn)
            // Once the window has closed there is nothing left to offer: the value goes missing, so a sentence about
            // it in an optional section disappears instead of naming a day in the past.
            if guarantee.refundWindow.latest >= format.today {
                self[.refundWindowCloses] = format.longDay(guarantee.refundWindow.latest)
            }
        }
        // A flag about one parcel speaks of that parcel; a flag about the order, of every shipped parcel.
        let parcels = parcel.map { [$0] } ?? order.parcels.filter { $0.trackingNumber != nil }
        self[.trackingNumber] = parcels.compactMap(\.trackingNumber).joined(separator: ", ")
        self[.trackingLink] = parcels.compactMap { $0.safeTrackingURL?.absoluteString }.joined(separator: " ")
        let carriers = parcels.compactMap(\.carrier)
        self[.carrier] = carriers.isEmpty ? nil : Array(Set(carriers)).sorted().map(run.carrierName).joined(separator: ", ")
        if let first = parcel ?? parcels.first { self[.status] = first.status.plainEnglish }
    }
}
