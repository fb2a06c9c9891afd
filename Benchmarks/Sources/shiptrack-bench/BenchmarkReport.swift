import Foundation

/// Turns the record lines of one `make bench` run into the results table: medians per case, the ratio that
/// matters for each figure, and the verdict against issue 6's and issue 13's targets.
struct BenchmarkReport {
    let records: [MeasurementRecord]

    /// Parse records of the sources, in the order they were measured.
    private var parsedSources: [String] {
        var seen: [String] = []
        for record in records where record.kind == "parse" {
            if let source = record.fields["source"], !seen.contains(source) { seen.append(source) }
        }
        return seen
    }

    func all(_ kind: String, _ selector: [String: String] = [:]) -> [MeasurementRecord] {
        records.filter { $0.kind == kind && $0.matches(selector) }
    }

    /// The median of `metric` over the records of a case.
    func median(_ kind: String, _ selector: [String: String] = [:], _ metric: (MeasurementRecord) -> Double?) -> Double? {
        shiptrack_bench.median(all(kind, selector).compactMap(metric))
    }

    /// The median 1-minute load average the records of a case were started under, as the table's load column.
    private func load(_ kind: String, _ selector: [String: String]) -> String {
        median(kind, selector) { $0.number("load1") }.map { String(format: "%.1f", $0) } ?? ""
    }

    private func setting(_ key: String) -> String? { all("settings").last?.fields[key] }

    var table: ResultsTable {
        var table = ResultsTable()
        addParsing(to: &table)
        addFetching(to: &table)
        addNights(to: &table)
        addEstimator(to: &table)
        addLookup(to: &table)
        addPeer(to: &table)
        return table
    }

    // MARK: 1. Parsing

    private func addParsing(to table: inout ResultsTable) {
        let target = Target.atLeast(0.9, "≥ 0.90× C")
        for source in parsedSources {
            let label = ParseCase.named(source)?.label ?? source
            let json = ParseCase.named(source).map { $0.numbersPerAnswer > 1 } ?? false
            func rates(_ implementation: String) -> (answers: Double, numbers: Double, megabytes: Double, events: Double)? {
                let selector = ["source": source, "impl": implementation]
                // Per CPU second of the one thread parsing: per core, and less swayed by another busy process.
                guard let answers = median("parse", selector, { rate($0, "answers", per: "cpu_seconds") }),
                    let bytes = median("parse", selector, { rate($0, "bytes", per: "cpu_seconds") })
                else { return nil }
                let numbers = median("parse", selector) { rate($0, "numbers", per: "cpu_seconds") } ?? answers
                return (answers, numbers, bytes / 1e6, all("parse", selector).last?.number("events") ?? 0)
            }
            guard let swift = rates("swift") else { continue }
            let selector = ["source": source, "impl": "swift"]
            func rateText(_ rates: (answers: Double, numbers: Double, megabytes: Double, events: Double)) -> String {
                json
                    ? "\(Format.number(rates.answers)) answers/s (\(Format.number(rates.numbers)) numbers/s) · \(Format.figure(rates.megabytes)) MB/s"
                    : "\(Format.number(rates.answers)) answers/s · \(Format.figure(rates.megabytes)) MB/s"
            }
            var row = ResultsTable.Row(figure: "Parsing (1 core)", measuredCase: label, result: rateText(swift))
            if let last = all("parse", selector).last, let answers = last.number("answers"), answers > 0,
                let bytes = last.number("bytes"), let perPass = setting(json ? "json_answers_per_source" : "answers_per_source").flatMap(Double.init)
            {
                row.measuredCase += " (\(Format.number(perPass)) answers, avg \(Format.figure(bytes / answers / 1_000)) KB, "
                    + "\(Format.figure(swift.events / perPass)) events)"
            }
            row.load = load("parse", ["source": source])
            if let c = rates("c") {
                row.reference = "C \(json ? "cJSON" : "libxml2"): " + rateText(c)
                if c.events != swift.events {
                    row.reference += " (C rows \(Format.number(c.events)), Swift events \(Format.number(swift.events)))"
                }
                let ratio = swift.answers / c.answers
                row.ratio = Format.ratio(ratio)
                row.target = target.text
                row.verdict = target.verdict(ratio)
            }
            table.add(1, row)
        }
    }

    // MARK: 2. Fetching

    private func addFetching(to table: inout ResultsTable) {
        let cases = Set(all("fetch").compactMap { record -> [Int]? in
            guard let latency = record.number("latency_ms"), let concurrency = record.number("concurrency") else { return nil }
            return [Int(latency), Int(concurrency)]
        }).sorted { $0.lexicographicallyPrecedes($1) }
        for pair in cases {
            let (latency, concurrency) = (pair[0], pair[1])
            let selector = ["latency_ms": String(latency), "concurrency": String(concurrency)]
            guard let ours = median("fetch", selector.merging(["tool": "shiptrack"]) { $1 }, { rate($0, "requests") })
            else { continue }
            let errors = all("fetch", selector.merging(["tool": "shiptrack"]) { $1 }).compactMap { $0.number("errors") }.reduce(0, +)
            let capacity = median("fetch", selector.merging(["tool": "wrk"]) { $1 }, { rate($0, "requests") })
            var row = ResultsTable.Row(
                figure: "Fetching (HTTPClient)",
                measuredCase: "\(latency == 0 ? "no latency" : "\(latency) ms latency"), \(concurrency) in flight",
                result: "\(Format.number(ours)) requests/s" + (errors > 0 ? " (\(Format.number(errors)) errors)" : ""))
            let capacityText = capacity.map { "simulator capacity (wrk): \(Format.number($0)) requests/s" } ?? ""
            if latency > 0 {
                let ideal = Double(concurrency) / (Double(latency) / 1_000)
                row.reference = "ideal \(concurrency) ÷ \(latency) ms = \(Format.number(ideal))/s; " + capacityText
                row.ratio = "\(Format.ratio(ours / ideal)) ideal"
            } else if let capacity {
                row.reference = capacityText
                row.ratio = "\(Format.ratio(ours / capacity)) wrk"
            }
            table.add(2, row)
        }
    }

    // MARK: 3. The nightly run

    /// The ways a night can ask: pages only (no credentials, like round 1), or the interfaces a store with accounts
    /// uses.
    private static let vias: [(key: String, text: String)] = [
        ("pages", "through the pages (no credentials)"),
        ("apis", "through the APIs (usps-api, 17track, ems-eub; test credentials, simulator limits off, `--rate 0` for the benchmark)"),
    ]

    private func addNights(to table: inout ResultsTable) {
        let runs = all("run")
        let sizes = Set(runs.compactMap { $0.number("shipments_case") }).sorted()
        let latencies = Set(runs.compactMap { $0.number("latency_ms") }).sorted()
        for size in sizes {
            for latency in latencies {
                for via in Self.vias {
                    for pass in ["1", "2"] {
                        if let row = nightRow(size: size, latency: latency, pass: pass, via: via) { table.add(3, row) }
                    }
                }
            }
        }
        addNightScale(to: &table, runs: runs)
    }

    private func nightRow(size: Double, latency: Double, pass: String, via: (key: String, text: String)) -> ResultsTable.Row? {
        let sizeText = MeasurementRecord.value(size)
        let selector = [
            "shipments_case": sizeText, "latency_ms": MeasurementRecord.value(latency), "pass": pass, "via": via.key,
        ]
        let cases = all("run", selector)
        guard let wall = median("run", selector, { $0.number("wall_seconds") }), let shipments = cases.last?.number("shipments")
        else { return nil }
        let cpu = median("run", selector) { $0.number("cpu_seconds") } ?? 0
        let rss = median("run", selector) { $0.number("max_rss_kb") } ?? 0
        let database = median("run", selector) { $0.number("db_bytes") } ?? 0
        let fetched = median("run", selector) { $0.number("fetched") } ?? 0
        let requests = median("run", selector) { $0.number("all_requests") } ?? 0
        let fetchPhaseRate = median("run", selector) { $0.number("fetch_phase_rate") } ?? 0
        let simulatorShare = median("run", selector) { record in
            record.number("sim_cpu_seconds").flatMap { cpu in record.number("wall_seconds").map { cpu / $0 / 2 } }
        }
        let failed = cases.compactMap { $0.number("failed") }.max() ?? 0
        let skipped = cases.last?.number("skipped_final") ?? 0
        var result = "\(Format.number(shipments / wall)) shipments/s · fetch phase \(Format.number(fetchPhaseRate)) shipments/s · "
            + "wall \(Format.duration(wall)) · CPU \(Format.duration(cpu)) "
            + "(\(Format.figure(cpu / shipments * 1_000)) ms per shipment) · "
        if fetched > 0, requests > 0 {
            result += "\(Format.figure(requests / fetched)) requests per shipment checked (\(Format.number(requests))) · "
        }
        result += "peak RSS \(Format.megabytes(rss * 1_024)) · DB \(Format.megabytes(database))"
        if let simulatorShare { result += " · simulator \(Format.percent(simulatorShare)) of 2 cores" }
        if failed > 0 { result += " · \(Format.number(failed)) not checked" }
        var row = ResultsTable.Row(
            figure: "Nightly run",
            measuredCase: "\(Format.number(size)) shipments \(via.text), "
                + (latency == 0 ? "no latency" : "\(Format.number(latency)) ms latency")
                + (pass == "1" ? ", first run" : ", second run (\(Format.number(skipped)) final parcels skipped)")
                + " ×\(cases.count)",
            result: result)
        row.load = load("run", selector)
        if latency == 0 {
            if pass == "1" {
                let target = Target.atLeast(1_500, "≥ 1,500 shipments/s")
                row.target = target.text
                row.verdict = target.verdict(shipments / wall)
            }
            return row
        }
        // With latency the ideal is the lanes' transfers in flight ÷ latency, in requests: an ePacket to the US asks
        // its China Post page and its USPS page at once, each request in its own source's lane. It bounds the fetch
        // phase (import and reports come on top), so the ratio is the fetch phase's request rate.
        guard let split = all("split", ["shipments_case": sizeText, "via": via.key]).last, let slots = split.number("total")
        else { return row }
        let ideal = slots / (latency / 1_000)
        row.reference = "ideal \(Format.number(slots)) in flight ÷ \(Format.number(latency)) ms = \(Format.number(ideal)) requests/s"
        guard pass == "1", fetchPhaseRate > 0, fetched > 0, requests > 0 else { return row }
        let requestRate = requests / (fetched / fetchPhaseRate)
        row.result += " · fetch phase \(Format.number(requestRate)) requests/s"
        row.ratio = "\(Format.ratio(requestRate / ideal)) ideal"
        let target = Target.atLeast(0.9, "≥ 0.90× ideal")
        row.target = target.text
        row.verdict = target.verdict(requestRate / ideal)
        return row
    }

    /// The million-shipment nights (measured with BENCH_FULL=1, else projected) and the memory targets.
    private func addNightScale(to table: inout ResultsTable, runs: [MeasurementRecord]) {
        func firstRun(_ size: Double, _ via: String) -> [String: String] {
            ["shipments_case": MeasurementRecord.value(size), "latency_ms": "0", "pass": "1", "via": via]
        }
        let million = 1_000_000.0
        let nightTarget = Target.atMost(15 * 60, "≤ 15 min, measured")
        for via in Self.vias {
            let sizes = Set(runs.filter { $0.fields["via"] == via.key }.compactMap { $0.number("shipments_case") }).sorted()
            guard let largest = sizes.last, let largestWall = median("run", firstRun(largest, via.key), { $0.number("wall_seconds") })
            else { continue }
            let nightSeconds = largestWall * million / largest
            let measured = largest == million
            table.add(
                3,
                ResultsTable.Row(
                    figure: "Nightly run", measuredCase: "1,000,000 shipments \(via.text), no latency, first run",
                    result: (measured ? "" : "projected ") + "\(Format.figure(nightSeconds / 60)) min",
                    reference: measured
                        ? "measured"
                        : "\(Format.number(largest))-shipment run × \(Format.number(million / largest)) (BENCH_FULL=1 measures it)",
                    target: nightTarget.text,
                    verdict: measured ? nightTarget.verdict(nightSeconds) : "not measured (projection "
                        + (nightTarget.isMet(by: nightSeconds) ? "within" : "over") + " the target)",
                    load: load("run", firstRun(largest, via.key))))
        }

        let peaks = runs.compactMap { $0.number("max_rss_kb") }
        if let peak = peaks.max() {
            let target = Target.atMost(150, "≤ 150 MB")
            table.add(
                3,
                ResultsTable.Row(
                    figure: "Nightly run", measuredCase: "peak RSS, largest of every run",
                    result: Format.megabytes(peak * 1_024), target: target.text, verdict: target.verdict(peak * 1_024 / 1e6)))
        }
        let sizes = Set(runs.filter { $0.fields["via"] == "pages" }.compactMap { $0.number("shipments_case") }).sorted()
        if let small = sizes.first, let largest = sizes.last, small != largest,
            let smallRSS = median("run", firstRun(small, "pages"), { $0.number("max_rss_kb") }),
            let largeRSS = median("run", firstRun(largest, "pages"), { $0.number("max_rss_kb") })
        {
            let target = Target.atMost(1.2, "≤ 1.20×")
            let ratio = largeRSS / smallRSS
            table.add(
                3,
                ResultsTable.Row(
                    figure: "Nightly run", measuredCase: "peak RSS growth, \(Format.number(largest)) vs \(Format.number(small)) shipments (pages)",
                    result: "\(Format.megabytes(largeRSS * 1_024)) vs \(Format.megabytes(smallRSS * 1_024))",
                    ratio: Format.ratio(ratio), target: target.text, verdict: target.verdict(ratio)))
        }
    }

    // MARK: 4. Estimator

    private func addEstimator(to table: inout ResultsTable) {
        guard let rate = median("estimate", [:], { rate($0, "estimates", per: "cpu_seconds") }),
            let count = all("estimate").last?.number("estimates")
        else { return }
        let target = Target.atLeast(1_000_000, "≥ 1,000,000/s")
        let failures = all("estimate").compactMap { $0.number("failures") }.max() ?? 0
        table.add(
            4,
            ResultsTable.Row(
                figure: "Estimator (1 core)", measuredCase: "\(Format.number(count)) in-memory shipments ×\(all("estimate").count)",
                result: "\(Format.number(rate)) estimates/s" + (failures > 0 ? " (\(Format.number(failures)) rejected)" : ""),
                target: target.text, verdict: target.verdict(rate)))
    }

    // MARK: 5. Lookup

    private func addLookup(to table: inout ResultsTable) {
        guard let lookup = median("lookup", [:], { $0.number("median_seconds") }) else { return }
        let roundTrip = median("roundtrip", [:]) { $0.number("median_seconds") } ?? 0
        let overhead = lookup - roundTrip
        let target = Target.atMost(0.050, "≤ 50 ms")
        let runs = all("lookup").last?.number("runs") ?? 0
        table.add(
            5,
            ResultsTable.Row(
                figure: "Lookup", measuredCase: "`shiptrack lookup NUMBER`, fresh process ×\(Format.number(runs))",
                result: "overhead \(Format.duration(overhead))",
                reference: "process start to output \(Format.duration(lookup)) − simulator round trip \(Format.duration(roundTrip))",
                target: target.text, verdict: target.verdict(overhead)))
    }

    // MARK: 6. Against the Python peer

    /// Fetching and reading the same pages with the same XPath: ShipTrack's client and engine against aiohttp + lxml.
    private func addPeer(to table: inout ResultsTable) {
        let latencies = Set(all("fetchread").compactMap { $0.number("latency_ms") }).sorted()
        for latency in latencies {
            let selector = ["latency_ms": MeasurementRecord.value(latency)]
            func figures(_ tool: String) -> (rate: Double, cpu: Double, errors: Double)? {
                let chosen = selector.merging(["tool": tool]) { $1 }
                guard let rate = median("fetchread", chosen, { rate($0, "requests") }) else { return nil }
                let cpu = median("fetchread", chosen) { record in
                    record.number("cpu_seconds").flatMap { cpu in record.number("requests").map { cpu / $0 } }
                } ?? 0
                return (rate, cpu, all("fetchread", chosen).compactMap { $0.number("errors") }.reduce(0, +))
            }
            guard let ours = figures("shiptrack") else { continue }
            func text(_ figures: (rate: Double, cpu: Double, errors: Double)) -> String {
                "\(Format.number(figures.rate)) pages/s · \(Format.figure(figures.cpu * 1_000)) ms CPU per page"
                    + (figures.errors > 0 ? " (\(Format.number(figures.errors)) errors)" : "")
            }
            var row = ResultsTable.Row(
                figure: "Fetch and read pages",
                measuredCase: "usps and China Post pages, \(latency == 0 ? "no latency" : "\(Format.number(latency)) ms latency"), "
                    + "32 in flight, same XPath",
                result: "ShipTrack: " + text(ours))
            row.load = load("fetchread", selector)
            if let peer = figures("python") {
                row.reference = "Python aiohttp + lxml: " + text(peer)
                row.ratio = Format.ratio(ours.rate / peer.rate)
            }
            table.add(6, row)
        }
    }

    /// `key` per second of a record's `seconds` (wall), or of another time field such as `cpu_seconds`.
    private func rate(_ record: MeasurementRecord, _ key: String, per time: String = "seconds") -> Double? {
        guard let value = record.number(key), let seconds = record.number(time), seconds > 0 else { return nil }
        return value / seconds
    }
}
