extension ChinaPostRecord {
    /// Reads an EMS partner answer (a fixture file) into a record, for 17TRACK's China Post provider; `nil` unless
    /// it is a `<traces>` answer. Traces come back sorted, duplicates dropped, as an aggregator shows them.
    init?(number: String, answer: [UInt8]) {
        let text = String(decoding: answer, as: UTF8.self)
        guard text.contains("<traces") else { return nil }
        self.number = number
        self.destinationCountry = nil
        self.destinationCity = nil
        self.originCity = nil
        self.originProvince = nil
        var traces: [Trace] = []
        for block in Self.elements(named: "trace", in: text) {
            guard let time = Self.elements(named: "acceptTime", in: block).first.map(Self.trimmed),
                let clock = TimeText.parseWallClock(time)
            else { continue }
            let address = Self.elements(named: "acceptAddress", in: block).first.map(Self.trimmed) ?? ""
            let remark = Self.elements(named: "remark", in: block).first.map(Self.trimmed) ?? ""
            let step = ChinaPostRemarkMeaning.step(for: remark)
            let isAbroad = step?.isAbroadForChinaPost ?? false
            // A scan abroad is printed in the local time there, its zone unknown: kept as printed (offset zero).
            let printedOffset = isAbroad ? 0 : 8 * 3_600
            let trace = Trace(
                instant: TimeText.instant(clock, offset: printedOffset), remarkEnglish: remark, remarkChinese: remark,
                addressEnglish: address, addressChinese: address, pageDescription: remark, pageLocation: address,
                isAbroad: isAbroad, step: step, countryCode: isAbroad ? nil : "CN", province: nil,
                city: address.isEmpty ? nil : address, printedOffset: printedOffset
            )
            if !traces.contains(trace) {
                traces.append(trace)
            }
        }
        self.traces = traces.sorted { $0.instant < $1.instant }
    }

    /// The texts of the elements `<name>…</name>` in `text`, in order (unescaped; no nesting of the same name).
    private static func elements(named name: String, in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        let open = "<\(name)>"
        let close = "</\(name)>"
        while let start = rest.firstRange(of: open), let end = rest[start.upperBound...].firstRange(of: close) {
            found.append(Self.unescaped(String(rest[start.upperBound..<end.lowerBound])))
            rest = rest[end.upperBound...]
        }
        return found
    }

    private static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }

    private static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            result = result.split(separator: entity, omittingEmptySubsequences: false).joined(separator: character)
        }
        return result
    }
}

/// What a China Post or EMS remark means, from its words, for remarks read from fixture files (the parcel world
/// knows each scan's meaning already).
enum ChinaPostRemarkMeaning {
    static func step(for remark: String) -> TimelineStep? {
        let lowered = remark.lowercased()
        func has(_ words: String...) -> Bool {
            words.contains { lowered.contains($0) }
        }
        if has("退回妥投", "returned to sender") { return .returned }
        if has("未妥投", "unsuccessful") { return .attemptFailed }
        if has("退回", "return to sender") { return .returnToSender }
        if has("妥投", "签收", "delivered", "final delivery") { return .delivered }
        if has("安排投递", "out for delivery") { return .outForDelivery }
        if has("待取", "collection") { return .availableForPickup }
        if has("海关留存", "扣留", "held by customs") { return .customsHold }
        if has("进口海关放行", "released", "clearance completed") && !has("出口", "export") { return .customsReleased }
        if has("交进口海关", "进口海关", "import customs", "handed over to customs") { return .importCustoms }
        if has("到达寄达地", "arrival at destination", "inward office") { return .destinationArrival }
        if has("航空", "airline", "by air") { return .airlineHandover }
        if has("出口海关", "export customs") { return .exportCustoms }
        if has("电子信息", "electronic information") { return .label }
        if has("收寄", "posting", "accepted") { return .accepted }
        return nil
    }
}
