import Foundation
import ShipTrackEstimate

/// Turns one row's canonical fields (raw bytes) into an ``OrderRow``, or the first problem as a ``RowError``.
///
/// Problems are looked for in canonical column order (`order_id`, `tracking_number`, `carrier`, `destination`,
/// `ordered_at`, `shipped_at`), and the first one found is the row's error. The customer columns come last and are
/// never a problem: their text is cleaned (``CustomerText``), and only a row that is kept counts a dropped e-mail.
struct RowBuilder {
    let file: String
    /// How messages name each canonical column, by ``CanonicalColumn/index``.
    let labels: [String]
    let countries: CountryTable
    let timestamps: TimestampParser
    let maxFieldBytes: Int
    /// The order id of the last row that had a readable one (valid or rejected), to recognise line-item rows.
    private var previousOrderID = ""
    /// Destinations already resolved, by their text: most files name few countries, often by name.
    private var countryCache: [String: ResolvedCountry] = [:]
    /// Bounds the cache, so a file of random names cannot grow it without end.
    private static let countryCacheLimit = 4_096
    /// Only short texts are kept (a name padded with punctuation can still resolve, and could be 64 KiB long).
    private static let countryCacheKeyBytes = 64

    /// Accepted rows whose e-mail address failed the check and was dropped. Counted here, in the struct the reader
    /// already holds exclusively while it builds a row, so the count costs no extra access per row.
    private(set) var invalidEmails = 0

    /// The row's fields by canonical index: `nil` when the column or key is absent, else a range of the field bytes.
    var slots: [Range<Int>?] = Array(repeating: nil, count: CanonicalColumn.allCases.count)

    init(file: String, labels: [String], options: InputOptions) {
        self.file = file
        self.labels = labels
        self.countries = options.countries
        self.timestamps = options.timestamps
        self.maxFieldBytes = options.maxFieldBytes
    }

    mutating func clearSlots() {
        for index in slots.indices { slots[index] = nil }
    }

    /// Whether the row in ``slots`` is a shop export's extra line-item row: the same order id as the row before and
    /// no destination, tracking number, carrier or ship time.
    ///
    /// A Shopify-style export writes one row per product; only an order's first row carries its shipping details,
    /// the others name a product, not a parcel. A row with a tracking number, or a new order id, is never one. The
    /// common row has a destination, so it costs one look at that field; "the row before" is the last row whose order
    /// id could be read (rows rejected for their field count or quoting have none).
    func isLineItemRow(fields: UnsafePointer<UInt8>) -> Bool {
        guard trimmedSlot(.destination, fields: fields).isEmpty, !previousOrderID.isEmpty,
            trimmedSlot(.trackingNumber, fields: fields).isEmpty, trimmedSlot(.carrier, fields: fields).isEmpty,
            trimmedSlot(.shippedAt, fields: fields).isEmpty
        else { return false }
        return trimmedSlot(.orderID, fields: fields).elementsEqual(previousOrderID.utf8)
    }

    /// A slot's bytes, trimmed; empty when the column or key is absent.
    private func trimmedSlot(_ column: CanonicalColumn, fields: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let range = slots[column.index] else { return UnsafeBufferPointer(start: nil, count: 0) }
        return ByteText.trimmed(UnsafeBufferPointer(start: fields + range.lowerBound, count: range.count))
    }

    /// A field's value, trimmed.
    private enum Value {
        /// The column or key is absent (or JSON `null`).
        case absent
        case text(String)
    }

    /// Points ``slots`` at a CSV record's fields (`positions`: each canonical column's position, `fieldEnds`: where
    /// each field ends in `fields`) and says whether the record is a line-item row (``isLineItemRow(fields:)``).
    mutating func fillSlots(positions: [Int?], fieldEnds: [Int], fields: UnsafePointer<UInt8>) -> Bool {
        // By index rather than over `CanonicalColumn.allCases`: this runs for every row.
        for index in positions.indices {
            if let position = positions[index] {
                let start = position == 0 ? 0 : fieldEnds[position - 1]
                slots[index] = start..<fieldEnds[position]
            } else {
                slots[index] = nil
            }
        }
        return isLineItemRow(fields: fields)
    }

    /// The row from ``slots`` over `fields`.
    mutating func build(line: Int, fields: UnsafePointer<UInt8>) -> InputRecord {
        do {
            return .row(try makeRow(line: line, fields: fields))
        } catch {
            return .rejected(error)
        }
    }

    private mutating func makeRow(line: Int, fields: UnsafePointer<UInt8>) throws(RowError) -> OrderRow {
        let orderID = try required(.orderID, line: line, fields: fields)
        previousOrderID = orderID
        let trackingNumbers = try trackingNumbers(line: line, fields: fields)
        var carrier: String? = nil
        if case .text(let text) = try value(.carrier, line: line, fields: fields), !text.isEmpty { carrier = text }

        let rawDestination = try required(.destination, line: line, fields: fields)
        let destination = try resolve(rawDestination, line: line)

        let orderedText = try required(.orderedAt, line: line, fields: fields)
        let orderedAt = try parseTime(orderedText, column: .orderedAt, line: line)
        var shippedAt: Date? = nil
        if case .text(let shippedText) = try value(.shippedAt, line: line, fields: fields), !shippedText.isEmpty {
            let shipped = try parseTime(shippedText, column: .shippedAt, line: line)
            guard shipped >= orderedAt else {
                throw shippedBeforeOrdered(
                    shippedText: shippedText, shipped: shipped, orderedText: orderedText, ordered: orderedAt,
                    line: line)
            }
            shippedAt = shipped
        }
        // Last, so that only a row that is kept counts a dropped e-mail.
        var customerEmail: String? = nil
        switch CustomerText.email(customerBytes(.customerEmail, fields: fields)) {
        case .absent: break
        case .valid(let address): customerEmail = address
        case .invalid: invalidEmails += 1
        }
        return OrderRow(
            line: line, orderID: orderID, trackingNumbers: trackingNumbers, carrier: carrier, destination: destination,
            rawDestination: rawDestination, orderedAt: orderedAt, shippedAt: shippedAt,
            customerName: CustomerText.name(customerBytes(.customerName, fields: fields)), customerEmail: customerEmail)
    }

    /// A customer column's bytes, trimmed; empty when the column or key is absent. Not held to
    /// ``InputOptions/maxFieldBytes``: a customer value never rejects the row, and ``CustomerText`` looks at no more
    /// of a long one than it keeps. (A CSV row's fields are all held to the limit before they get here.)
    private func customerBytes(_ column: CanonicalColumn, fields: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        trimmedSlot(column, fields: fields)
    }

    /// The trimmed bytes of a slot, after checking the field's length.
    private func bytes(_ column: CanonicalColumn, line: Int, fields: UnsafePointer<UInt8>) throws(RowError)
        -> UnsafeBufferPointer<UInt8>?
    {
        guard let range = slots[column.index] else { return nil }
        let raw = UnsafeBufferPointer(start: fields + range.lowerBound, count: range.count)
        guard raw.count <= maxFieldBytes else {
            throw RowError(
                code: .fieldTooLong, file: file, line: line, column: column, field: labels[column.index],
                message: "is \(raw.count) bytes long; the limit is \(maxFieldBytes)")
        }
        return ByteText.trimmed(raw)
    }

    private func value(_ column: CanonicalColumn, line: Int, fields: UnsafePointer<UInt8>) throws(RowError) -> Value {
        guard let bytes = try bytes(column, line: line, fields: fields) else { return .absent }
        guard let text = ByteText.string(bytes) else { throw invalidText(bytes, column: column, line: line) }
        return .text(text)
    }

    private func required(_ column: CanonicalColumn, line: Int, fields: UnsafePointer<UInt8>) throws(RowError)
        -> String
    {
        switch try value(column, line: line, fields: fields) {
        case .absent:
            throw RowError(
                code: .missingValue, file: file, line: line, column: column, field: labels[column.index],
                message: "is missing (required)")
        case .text(let text):
            guard !text.isEmpty else {
                throw RowError(
                    code: .missingValue, file: file, line: line, column: column, field: labels[column.index],
                    message: "is empty (required)")
            }
            return text
        }
    }

    /// The numbers in `tracking_number`, split at `;` and `,`, each trimmed, empty ones dropped.
    private func trackingNumbers(line: Int, fields: UnsafePointer<UInt8>) throws(RowError) -> [String] {
        guard let bytes = try bytes(.trackingNumber, line: line, fields: fields), let base = bytes.baseAddress,
            bytes.count > 0
        else { return [] }
        var numbers: [String] = []
        var start = 0
        for index in 0...bytes.count {
            guard index == bytes.count || bytes[index] == UInt8(ascii: ";") || bytes[index] == UInt8(ascii: ",")
            else { continue }
            let part = ByteText.trimmed(UnsafeBufferPointer(start: base + start, count: index - start))
            start = index + 1
            guard part.count > 0 else { continue }
            guard let number = ByteText.string(part) else {
                throw invalidText(bytes, column: .trackingNumber, line: line)
            }
            numbers.append(number)
        }
        return numbers
    }

    private mutating func resolve(_ text: String, line: Int) throws(RowError) -> ResolvedCountry {
        if let country = countryCache[text] { return country }
        do {
            let country = try countries.resolve(text, field: labels[CanonicalColumn.destination.index])
            if countryCache.count < RowBuilder.countryCacheLimit, text.utf8.count <= RowBuilder.countryCacheKeyBytes {
                countryCache[text] = country
            }
            return country
        } catch {
            throw rowError(error, column: .destination, value: text, line: line)
        }
    }

    /// `text` as an instant: common shapes straight from the bytes, everything else (and every error) by the parser,
    /// which is the one definition of what a time may look like.
    private func parseTime(_ text: String, column: CanonicalColumn, line: Int) throws(RowError) -> Date {
        let calendar = timestamps.calendar
        if let fast = text.utf8.withContiguousStorageIfAvailable({ TimestampFastPath.parse($0, calendar: calendar) }),
            let date = fast
        {
            return date
        }
        do {
            return try timestamps.parse(text, field: labels[column.index])
        } catch {
            throw rowError(error, column: column, value: text, line: line)
        }
    }

    /// A row error from the estimator's ``InputError`` (which names the field and value the same way).
    private func rowError(_ error: any Error, column: CanonicalColumn, value: String, line: Int) -> RowError {
        let field = labels[column.index]
        guard let input = error as? InputError else {
            return RowError(
                code: .notADate, file: file, line: line, column: column, field: field, value: value,
                message: "cannot be read (\(error))")
        }
        let code: RowError.Code
        switch input.code {
        case .unknownCountry: code = .unknownCountry
        case .missing: code = .missingValue
        case .missingOffset: code = .missingOffset
        default: code = column == .destination ? .unknownCountry : .notADate
        }
        return RowError(
            code: code, file: file, line: line, column: column, field: field, value: input.value,
            message: input.problem)
    }

    private func shippedBeforeOrdered(
        shippedText: String, shipped: Date, orderedText: String, ordered: Date, line: Int
    ) -> RowError {
        var message = "is before \(labels[CanonicalColumn.orderedAt.index]) \"\(orderedText)\""
        let calendar = timestamps.calendar
        if calendar.day(of: shipped) == calendar.day(of: ordered), CalendarDay(iso: shippedText) != nil {
            message += " (a plain date is 00:00 that day in the store's zone: give the time it shipped, with an offset)"
        }
        return RowError(
            code: .shippedBeforeOrdered, file: file, line: line, column: .shippedAt,
            field: labels[CanonicalColumn.shippedAt.index], value: shippedText, message: message)
    }

    private func invalidText(_ bytes: UnsafeBufferPointer<UInt8>, column: CanonicalColumn, line: Int) -> RowError {
        RowError(
            code: .invalidText, file: file, line: line, column: column, field: labels[column.index],
            value: ByteText.lossyString(bytes),
            message: ByteText.containsNUL(bytes)
                ? "contains a NUL byte (is this a text file?)" : "is not valid UTF-8 text (save the file as UTF-8)")
    }
}
