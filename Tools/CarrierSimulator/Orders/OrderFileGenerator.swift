/// Writes a store's order export for load tests and demos: one row per parcel with the canonical columns
/// `order_id,tracking_number,carrier,destination,ordered_at,shipped_at`, as CSV or JSON Lines.
///
/// Every tracking number is one the simulator generates pages for (valid S10 or USPS check digit), and each order's
/// `ordered_at` is 2 to 5 days before its first parcel's generated acceptance (the other parcels of a multi-parcel order
/// are accepted 2 to 20 days after the order), so orders and pages agree on the same
/// simulated date. The output depends only on the options (``Options/seed`` included) and is written in chunks, in
/// constant memory, whatever the count.
public struct OrderFileGenerator: Sendable {
    /// The output format.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// RFC 4180 CSV with a header line; fields with a comma, quote or line break are quoted.
        case csv
        /// One JSON object per line with the same keys; empty values are `null`, several numbers in one row an array.
        case jsonl
    }

    /// What to generate.
    public struct Options: Sendable, Hashable {
        /// Parcels to write: shipped parcels (each number of a multi-parcel order counts) and unshipped orders.
        public var shipmentCount: Int
        /// The simulated date the pages are generated for.
        public var simulatedDate: CalendarDay
        /// Seeds every choice; the same options give the same bytes.
        public var seed: UInt64
        /// Rows with deliberate problems, in addition to ``shipmentCount``: unknown country, bad check digit,
        /// unparseable date, missing order id, in turn, and every fifth a valid row whose order id is a quoted field
        /// with a comma, a quote and a line break.
        public var badRowCount: Int
        public var format: Format
        /// The share of orders not shipped yet (no tracking number).
        public var unshippedShare: Double
        /// The share of shipped orders with two or three parcels.
        public var multiParcelShare: Double
        /// The share of USPS orders whose (first) parcel's label carries a Mailer ID outside the simulator's USPS API
        /// test client (the API answers those 403). Zero by default, which leaves the file as it was without it.
        public var uspsOutsideMailerIDShare: Double

        public init(
            shipmentCount: Int,
            simulatedDate: CalendarDay,
            seed: UInt64 = 1,
            badRowCount: Int = 0,
            format: Format = .csv,
            unshippedShare: Double = 0.06,
            multiParcelShare: Double = 0.08,
            uspsOutsideMailerIDShare: Double = 0
        ) {
            self.shipmentCount = shipmentCount
            self.simulatedDate = simulatedDate
            self.seed = seed
            self.badRowCount = badRowCount
            self.format = format
            self.unshippedShare = unshippedShare
            self.multiParcelShare = multiParcelShare
            self.uspsOutsideMailerIDShare = uspsOutsideMailerIDShare
        }
    }

    /// The canonical columns, in order.
    public static let columns = ["order_id", "tracking_number", "carrier", "destination", "ordered_at", "shipped_at"]

    public let options: Options

    /// - Throws: ``CarrierSimulatorError`` of kind ``CarrierSimulatorError/Kind/invalidOrderFileOptions`` for a
    ///   negative count or a share outside 0...1.
    public init(options: Options) throws {
        guard options.shipmentCount >= 0, options.badRowCount >= 0 else {
            throw CarrierSimulatorError.invalidOrderFileOptions("counts must not be negative")
        }
        guard (0...1).contains(options.unshippedShare), (0...1).contains(options.multiParcelShare),
            (0...1).contains(options.uspsOutsideMailerIDShare)
        else {
            throw CarrierSimulatorError.invalidOrderFileOptions("shares must be between 0 and 1")
        }
        self.options = options
    }

    /// Generates the file, handing it to `output` in chunks of about 64 KiB.
    public func write(to output: ([UInt8]) throws -> Void) rethrows {
        var state = OrderWriterState(options: self.options)
        state.writeHeader()
        let total = self.options.shipmentCount
        let bad = self.options.badRowCount
        while state.shipmentsWritten < total || state.badRowsWritten < bad {
            // Bad rows are spread evenly through the file.
            let nextBadRowAt = (state.badRowsWritten + 1) * max(total, 1)
            let badDue = state.badRowsWritten < bad
                && (state.shipmentsWritten >= total || state.shipmentsWritten * (bad + 1) >= nextBadRowAt)
            if badDue {
                state.writeBadRow()
            } else {
                state.writeOrder(maximumParcels: total - state.shipmentsWritten)
            }
            if state.buffer.count >= 60 * 1_024 {
                try output(state.buffer)
                state.buffer.removeAll(keepingCapacity: true)
            }
        }
        if !state.buffer.isEmpty {
            try output(state.buffer)
        }
    }

    /// The whole file as text: for tests and small files.
    public func text() -> String {
        var bytes: [UInt8] = []
        self.write { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The mutable state of one generation run.
struct OrderWriterState {
    let options: OrderFileGenerator.Options
    var random: SplitMix64
    var buffer: [UInt8] = []
    var shipmentsWritten = 0
    var badRowsWritten = 0
    private var orderCounter = 0
    /// Reused for the candidate numbers of a multi-parcel order.
    private var candidate: [UInt8] = []
    /// Parcels a multi-parcel search made but could not use, by carrier and destination, for later searches: a few
    /// per pool, so memory stays constant. Their numbers never appear in the file unless a later order takes them.
    private var spares = [[ParcelPlan]](repeating: [], count: SparePool.count)

    private enum SparePool {
        static let size = 12
        static let count = GeneratedCarrier.allCases.count * Destination.all.count

        static func key(carrier: GeneratedCarrier, destination: Int) -> Int {
            (GeneratedCarrier.allCases.firstIndex(of: carrier) ?? 0) * Destination.all.count + destination
        }
    }

    private mutating func keepSpare(_ plan: ParcelPlan) {
        let pool = SparePool.key(carrier: plan.carrier, destination: plan.destinationIndex)
        if self.spares[pool].count < SparePool.size {
            self.spares[pool].append(plan)
        }
    }
    private let reference: Int

    init(options: OrderFileGenerator.Options) {
        self.options = options
        self.random = SplitMix64(seed: SplitMix64.mix(options.seed ^ 0x6f72_6465_7273))
        self.reference = options.simulatedDate.chinaMidnight
        self.buffer.reserveCapacity(64 * 1_024 + 4_096)
    }

    /// One row before it is written.
    struct Row {
        var orderID: String
        var trackingNumber: String
        var carrier: String
        var destination: String
        var orderedAt: String
        var shippedAt: String
    }

    mutating func writeHeader() {
        guard self.options.format == .csv else { return }
        self.buffer += Array(OrderFileGenerator.columns.joined(separator: ",").utf8)
        self.buffer.append(UInt8(ascii: "\n"))
    }

    // MARK: - Orders

    private static let carriers = WeightedTable([(GeneratedCarrier.epacket, 55), (.ems, 20), (.usps, 25)])

    mutating func writeOrder(maximumParcels: Int) {
        self.orderCounter += 1
        let orderID = "SO\(1_000_000 + self.orderCounter)"
        if self.random.chance(self.options.unshippedShare) {
            self.writeUnshippedOrder(orderID)
            return
        }
        let carrier = Self.carriers.pick(&self.random)
        let first = self.makeParcel(carrier)
        let orderedAt = first.acceptedAt - Int(self.random.real(in: 2...5) * 86_400)
        var parcels = [first]
        if maximumParcels >= 2, self.random.chance(self.options.multiParcelShare) {
            let wanted = min(maximumParcels, self.random.chance(0.25) ? 3 : 2)
            let window = (orderedAt + 2 * 86_400)...(orderedAt + 20 * 86_400)
            // Numbers an earlier search made for this destination first, then new ones.
            let pool = SparePool.key(carrier: carrier, destination: first.destinationIndex)
            var index = 0
            while parcels.count < wanted && index < self.spares[pool].count {
                let spare = self.spares[pool][index]
                if window.contains(spare.acceptedAt) {
                    parcels.append(spare)
                    self.spares[pool].remove(at: index)
                } else {
                    index += 1
                }
            }
            var tries = 0
            while parcels.count < wanted && tries < 3_000 {
                tries += 1
                // The destination first (two draws), the whole derivation only for a number that goes there too.
                TrackingNumberMaker.make(carrier, random: &self.random, into: &self.candidate)
                let destination = ParcelPlan.destinationIndex(of: self.candidate, carrier: carrier)
                let spareRoom = self.spares[SparePool.key(carrier: carrier, destination: destination)].count < SparePool.size
                guard destination == first.destinationIndex || spareRoom,
                    let candidate = ParcelPlan(number: self.candidate, simulatedDate: self.options.simulatedDate)
                else { continue }
                if destination == first.destinationIndex && window.contains(candidate.acceptedAt) {
                    parcels.append(candidate)
                } else {
                    self.keepSpare(candidate)
                }
            }
        }

        let orderedText = self.timestamp(orderedAt, allowPlainDate: true)
        let destination = self.destinationText(first.destination)
        let carrierText = self.random.chance(0.12) ? "" : carrier.rawValue
        if parcels.count > 1 && self.random.chance(0.3) {
            // One row, the numbers separated by semicolons.
            self.writeRow(
                Row(
                    orderID: orderID, trackingNumber: parcels.map(\.number).joined(separator: ";"), carrier: carrierText,
                    destination: destination, orderedAt: orderedText, shippedAt: self.shippedAt(first, orderedAt: orderedAt)
                )
            )
        } else {
            for parcel in parcels {
                self.writeRow(
                    Row(
                        orderID: orderID, trackingNumber: parcel.number, carrier: carrierText, destination: destination,
                        orderedAt: orderedText, shippedAt: self.shippedAt(parcel, orderedAt: orderedAt)
                    )
                )
            }
        }
        self.shipmentsWritten += parcels.count
    }

    private mutating func writeUnshippedOrder(_ orderID: String) {
        let destination = Destination.all[Destination.epacketTable.pick(&self.random)]
        let age: Double
        let draw = self.random.unit()
        if draw < 0.35 {
            age = self.random.real(in: 0.5...11.5) / 24  // still cancellable (12 hours)
        } else if draw < 0.7 {
            age = self.random.real(in: 0.6...4.5)  // within the processing time
        } else {
            age = self.random.real(in: 6...25)  // overdue: awaiting shipment
        }
        let orderedAt = self.reference - Int(age * 86_400)
        let carrier = self.random.chance(0.2) ? Self.carriers.pick(&self.random).rawValue : ""
        self.writeRow(
            Row(
                orderID: orderID, trackingNumber: "", carrier: carrier, destination: self.destinationText(destination),
                orderedAt: self.timestamp(orderedAt, allowPlainDate: age > 1), shippedAt: ""
            )
        )
        self.shipmentsWritten += 1
    }

    /// A fresh number of `carrier` and the parcel the simulator derives from it.
    private mutating func makeParcel(_ carrier: GeneratedCarrier) -> ParcelPlan {
        while true {
            let number = self.makeNumber(carrier)
            if let plan = ParcelPlan(number: number, simulatedDate: self.options.simulatedDate) {
                return plan
            }
        }
    }

    /// A valid number of `carrier`, clear of the fixtures' and special numbers' ranges.
    private mutating func makeNumber(_ carrier: GeneratedCarrier) -> [UInt8] {
        // Drawn only when asked for, so files made without the option stay as they were.
        let outside = carrier == .usps && self.options.uspsOutsideMailerIDShare > 0
            && self.random.chance(self.options.uspsOutsideMailerIDShare)
        return TrackingNumberMaker.make(carrier, random: &self.random, outsideMailerID: outside)
    }

    /// When the store recorded the parcel shipped: hours before the carrier's acceptance, or empty.
    private mutating func shippedAt(_ parcel: ParcelPlan, orderedAt: Int) -> String {
        let recorded: Double
        switch parcel.stage {
        case .notFound, .pending, .infoReceived: recorded = 0.5
        default: recorded = 0.8
        }
        guard self.random.chance(recorded) else { return "" }
        let shipped = max(orderedAt + 7_200, parcel.acceptedAt - Int(self.random.real(in: 1...20) * 3_600))
        return self.timestamp(min(shipped, parcel.acceptedAt), allowPlainDate: false)
    }

    private mutating func destinationText(_ destination: Destination) -> String {
        let draw = self.random.unit()
        if draw < 0.07 { return destination.englishName }
        if draw < 0.10 { return destination.code.lowercased() }
        return destination.code
    }

    // MARK: - Bad rows

    private static let unknownCountries = ["Atlantis", "XZ", "Narnia", "Wakanda"]
    private static let unparseableDates = ["2026-13-01", "31/10/2026", "2026-11-02T10:00", "next Tuesday", "2026-02-30"]

    mutating func writeBadRow() {
        self.orderCounter += 1
        let orderID = "SO\(1_000_000 + self.orderCounter)"
        let carrier = Self.carriers.pick(&self.random)
        let parcel = self.makeParcel(carrier)
        let orderedAt = parcel.acceptedAt - Int(self.random.real(in: 2...5) * 86_400)
        var row = Row(
            orderID: orderID, trackingNumber: parcel.number, carrier: carrier.rawValue,
            destination: parcel.destination.code, orderedAt: self.timestamp(orderedAt, allowPlainDate: false),
            shippedAt: self.shippedAt(parcel, orderedAt: orderedAt)
        )
        switch self.badRowsWritten % 5 {
        case 0:
            row.destination = self.random.element(of: Self.unknownCountries)
        case 1:
            var digits = Array(parcel.number.utf8)
            let checkIndex = carrier == .usps ? digits.count - 1 : 10
            digits[checkIndex] = UInt8(ascii: "0") + (digits[checkIndex] - UInt8(ascii: "0") + 1) % 10
            row.trackingNumber = String(decoding: digits, as: UTF8.self)
        case 2:
            row.orderedAt = self.random.element(of: Self.unparseableDates)
        case 3:
            row.orderID = ""
        default:
            // Valid: a quoted field holding a comma, a quote and a line break.
            row.orderID = "\(orderID), \"gift\"\nwrapped separately"
        }
        self.writeRow(row)
        self.badRowsWritten += 1
    }

    // MARK: - Formatting

    private static let customerOffsets = [-5 * 3_600, -8 * 3_600, 3_600, 10 * 3_600, 5 * 3_600 + 1_800, -3 * 3_600]

    /// ISO 8601 with an offset (the store's +08:00 mostly, some UTC `Z`, some customers' offsets, a few in the
    /// shop-export form `2026-03-02 10:00:00 +0800`), or with `allowPlainDate` sometimes a plain date (the day in the
    /// store's zone).
    private mutating func timestamp(_ instant: Int, allowPlainDate: Bool) -> String {
        let draw = self.random.unit()
        var text: [UInt8] = []
        text.reserveCapacity(26)
        if allowPlainDate && draw < 0.08 {
            Self.appendDate(CivilCalendar.wallClock(instant, offset: 8 * 3_600), to: &text)
            return String(decoding: text, as: UTF8.self)
        }
        let offset: Int?
        // Shop exports write "2026-03-02 10:00:00 +0800": a space for the T and before the offset, no colon.
        let isShopStyle = draw > 0.96
        if draw < 0.65 || isShopStyle {
            offset = 8 * 3_600
        } else if draw < 0.86 {
            offset = nil
        } else {
            offset = self.random.element(of: Self.customerOffsets)
        }
        let clock = CivilCalendar.wallClock(instant, offset: offset ?? 0)
        Self.appendDate(clock, to: &text)
        text.append(isShopStyle ? UInt8(ascii: " ") : UInt8(ascii: "T"))
        Self.appendTwoDigits(clock.hour, to: &text)
        text.append(UInt8(ascii: ":"))
        Self.appendTwoDigits(clock.minute, to: &text)
        text.append(UInt8(ascii: ":"))
        Self.appendTwoDigits(clock.second, to: &text)
        if let offset {
            let magnitude = abs(offset)
            if isShopStyle { text.append(UInt8(ascii: " ")) }
            text.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            Self.appendTwoDigits(magnitude / 3_600, to: &text)
            if !isShopStyle { text.append(UInt8(ascii: ":")) }
            Self.appendTwoDigits(magnitude / 60 % 60, to: &text)
        } else {
            text.append(UInt8(ascii: "Z"))
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func appendDate(_ clock: WallClock, to text: inout [UInt8]) {
        Self.appendTwoDigits(clock.year / 100, to: &text)
        Self.appendTwoDigits(clock.year % 100, to: &text)
        text.append(UInt8(ascii: "-"))
        Self.appendTwoDigits(clock.month, to: &text)
        text.append(UInt8(ascii: "-"))
        Self.appendTwoDigits(clock.day, to: &text)
    }

    private static func appendTwoDigits(_ value: Int, to text: inout [UInt8]) {
        text.append(UInt8(ascii: "0") + UInt8(value / 10 % 10))
        text.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    private mutating func writeRow(_ row: Row) {
        let fields = [row.orderID, row.trackingNumber, row.carrier, row.destination, row.orderedAt, row.shippedAt]
        switch self.options.format {
        case .csv:
            for (index, field) in fields.enumerated() {
                if index > 0 { self.buffer.append(UInt8(ascii: ",")) }
                self.appendCSVField(field)
            }
            self.buffer.append(UInt8(ascii: "\n"))
        case .jsonl:
            self.buffer.append(UInt8(ascii: "{"))
            for (index, (name, field)) in zip(OrderFileGenerator.columns, fields).enumerated() {
                if index > 0 { self.buffer.append(UInt8(ascii: ",")) }
                self.appendJSONString(name)
                self.buffer.append(UInt8(ascii: ":"))
                if field.isEmpty && name != "order_id" {
                    self.buffer += Array("null".utf8)
                } else if name == "tracking_number" && field.utf8.contains(UInt8(ascii: ";")) {
                    // Several numbers in one row: JSON Lines gives them as an array.
                    self.buffer.append(UInt8(ascii: "["))
                    for (position, number) in field.split(separator: ";").enumerated() {
                        if position > 0 { self.buffer.append(UInt8(ascii: ",")) }
                        self.appendJSONString(String(number))
                    }
                    self.buffer.append(UInt8(ascii: "]"))
                } else {
                    self.appendJSONString(field)
                }
            }
            self.buffer += Array("}\n".utf8)
        }
    }

    private mutating func appendCSVField(_ field: String) {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            self.buffer += field.utf8
            return
        }
        self.buffer.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
            if byte == UInt8(ascii: "\"") { self.buffer.append(byte) }
            self.buffer.append(byte)
        }
        self.buffer.append(UInt8(ascii: "\""))
    }

    private mutating func appendJSONString(_ text: String) {
        self.buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): self.buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): self.buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: self.buffer += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: self.buffer += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: self.buffer += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                self.buffer += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xf)]]
            default: self.buffer.append(byte)
            }
        }
        self.buffer.append(UInt8(ascii: "\""))
    }
}
