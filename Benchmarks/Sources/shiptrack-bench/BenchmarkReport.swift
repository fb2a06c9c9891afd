/// Turns the record lines of one `make bench` run into the results table: medians per case, the ratio that
/// matters for each figure, and the verdict against issue 6's targets.
struct BenchmarkReport {
    let records: [MeasurementRecord]

    /// Parse records of the carriers, in the order they were measured.
    private var parsedCarriers: [String] {
        var seen: [String] = []
        for record in records where record.kind == "parse" {
            if let carrier = record.fields["carrier"], !seen.contains(carrier) { seen.append(carrier) }
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

    private func setting(_ key: String) -> String? { all("settings").last?.fields[key] }

    var table: ResultsTable {
        var table = ResultsTable()
        addParsing(to: &table)
        addFetching(to: &table)
        addNights(to: &table)
        addEstimator(to: &table)
        addLookup(to: &table)
        return table
    }

    // MARK: 1. Parsing

    private func addParsing(to table: inout ResultsTable) {
        let target = Target.atLeast(0.9, "≥ 0.90× C")
        let pagesPerPass = setting("pages_per_carrier").flatMap(Double.init)
        for carrier in parsedCarriers {
            func rates(_ implementation: String) -> (pages: Double, megabytes: Double, events: Double)? {
                let selector = ["carrier": carrier, "impl": implementation]
                // Per CPU second of the one thread parsing: per core, and less swayed by another busy process.
                guard let pages = median("parse", selector, { rate($0, "pages", per: "cpu_seconds") }),
                    let bytes = median("parse", selector, { rate($0, "bytes", per: "cpu_seconds") })
                else { return nil }
                return (pages, bytes / 1e6, all("parse", selector).last?.number("events") ?? 0)
            }
            guard let swift = rates("swift") else { continue }
            var row = ResultsTable.Row(
                figure: "Parsing (1 core)", measuredCase: carrier,
                result: "\(Format.number(swift.pages)) pages/s · \(Format.figure(swift.megabytes)) MB/s")
            if let pagesPerPass, let bytes = median("parse", ["carrier": carrier, "impl": "swift"], { record in
                record.number("bytes").flatMap { bytes in record.number("pages").map { bytes / $0 } }
            }) {
                row.measuredCase += " (\(Format.number(pagesPerPass)) pages, avg \(Format.figure(bytes / 1_000)) KB, "
                    + "\(Format.figure(swift.events / pagesPerPass)) events)"
            }
            if let c = rates("c") {
                row.reference = "C libxml2: \(Format.number(c.pages)) pages/s · \(Format.figure(c.megabytes)) MB/s"
                if c.events != swift.events {
                    row.reference += " (C rows \(Format.number(c.events)), Swift events \(Format.number(swift.events)))"
                }
                let ratio = swift.pages / c.pages
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

    private func addNights(to table: inout ResultsTable) {
        let runs = all("run")
        let sizes = Set(runs.compactMap { $0.number("shipments_case") }).sorted()
        let latencies = Set(runs.compactMap { $0.number("latency_ms") }).sorted()
        for size in sizes {
            for latency in latencies {
                for pass in ["1", "2"] {
                    if let row = nightRow(size: size, latency: latency, pass: pass) { table.add(3, row) }
                }
            }
        }
        addNightScale(to: &table, runs: runs)
    }

    private func nightRow(size: Double, latency: Double, pass: String) -> ResultsTable.Row? {
        let sizeText = MeasurementRecord.value(size)
        let selector = ["shipments_case": sizeText, "latency_ms": MeasurementRecord.value(latency), "pass": pass]
        let cases = all("run", selector)
        guard let wall = median("run", selector, { $0.number("wall_seconds") }), let shipments = cases.last?.number("shipments")
        else { return nil }
        let cpu = median("run", selector) { $0.number("cpu_seconds") } ?? 0
        let rss = median("run", selector) { $0.number("max_rss_kb") } ?? 0
        let database = median("run", selector) { $0.number("db_bytes") } ?? 0
        let fetched = median("run", selector) { $0.number("fetched") } ?? 0
        let fetchPhaseRate = median("run", selector) { $0.number("fetch_phase_rate") } ?? 0
        let failed = cases.compactMap { $0.number("failed") }.max() ?? 0
        let skipped = cases.last?.number("skipped_final") ?? 0
        var row = ResultsTable.Row(
            figure: "Nightly run",
            measuredCase: "\(Format.number(size)) shipments, "
                + (latency == 0 ? "no latency" : "\(Format.number(latency)) ms latency")
                + (pass == "1" ? ", first run" : ", second run (\(Format.number(skipped)) final parcels skipped)")
                + " ×\(cases.count)",
            result: "\(Format.number(shipments / wall)) shipments/s · fetch phase \(Format.number(fetchPhaseRate)) shipments/s · "
                + "wall \(Format.duration(wall)) · CPU \(Format.duration(cpu)) "
                + "(\(Format.figure(cpu / shipments * 1_000)) ms per shipment) · "
                + "peak RSS \(Format.megabytes(rss * 1_024)) · DB \(Format.megabytes(database))"
                + (failed > 0 ? " · \(Format.number(failed)) not checked" : ""))
        if latency == 0 {
            if pass == "1" {
                let target = Target.atLeast(1_500, "≥ 1,500 shipments/s")
                row.target = target.text
                row.verdict = target.verdict(shipments / wall)
            }
            return row
        }
        // With latency the ideal is the lanes' transfers in flight ÷ latency, in requests: an ePacket to the US asks
        // ePacket and USPS at once, each request in its own carrier's lane. It bounds the fetch phase (import and
        // reports come on top), so the ratio is the fetch phase's request rate. The requests of a first night are
        // every leg of every shipped parcel in the file (no retries without faults); a second night's are not known.
        guard let split = all("split", ["shipments_case": sizeText]).last, let slots = split.number("total"),
            let requests = split.number("requests")
        else { return row }
        let ideal = slots / (latency / 1_000)
        row.reference = "ideal \(Format.number(slots)) in flight ÷ \(Format.number(latency)) ms = \(Format.number(ideal)) requests/s"
        guard pass == "1", fetchPhaseRate > 0, fetched > 0 else { return row }
        let requestRate = requests / (fetched / fetchPhaseRate)
        row.result += " · fetch phase \(Format.number(requestRate)) requests/s (\(Format.number(requests)) requests)"
        row.ratio = "\(Format.ratio(requestRate / ideal)) ideal"
        let target = Target.atLeast(0.9, "≥ 0.90× ideal")
        row.target = target.text
        row.verdict = target.verdict(requestRate / ideal)
        return row
    }

    /// The million-shipment night (measured with BENCH_FULL=1, else projected) and the memory targets.
    private func addNightScale(to table: inout ResultsTable, runs: [MeasurementRecord]) {
        func firstRun(_ size: Double) -> [String: String] {
            ["shipments_case": MeasurementRecord.value(size), "latency_ms": "0", "pass": "1"]
        }
        let sizes = Set(runs.compactMap { $0.number("shipments_case") }).sorted()
        guard let largest = sizes.last, let largestWall = median("run", firstRun(largest), { $0.number("wall_seconds") })
        else { return }
        let million = 1_000_000.0
        let nightTarget = Target.atMost(15 * 60, "≤ 15 min")
        let nightSeconds = largestWall * million / largest
        table.add(
            3,
            ResultsTable.Row(
                figure: "Nightly run", measuredCase: "1,000,000 shipments, no latency, first run",
                result: (largest == million ? "" : "projected ") + "\(Format.figure(nightSeconds / 60)) min",
                reference: largest == million ? "measured" : "\(Format.number(largest))-shipment run × \(Format.number(million / largest)) (BENCH_FULL=1 measures it)",
                target: nightTarget.text, verdict: nightTarget.verdict(nightSeconds)))

        let peaks = runs.compactMap { $0.number("max_rss_kb") }
        if let peak = peaks.max() {
            let target = Target.atMost(150, "≤ 150 MB")
            table.add(
                3,
                ResultsTable.Row(
                    figure: "Nightly run", measuredCase: "peak RSS, largest of every run",
                    result: Format.megabytes(peak * 1_024), target: target.text, verdict: target.verdict(peak * 1_024 / 1e6)))
        }
        if let small = sizes.first, small != largest,
            let smallRSS = median("run", firstRun(small), { $0.number("max_rss_kb") }),
            let largeRSS = median("run", firstRun(largest), { $0.number("max_rss_kb") })
        {
            let target = Target.atMost(1.2, "≤ 1.20×")
            let ratio = largeRSS / smallRSS
            table.add(
                3,
                ResultsTable.Row(
                    figure: "Nightly run", measuredCase: "peak RSS growth, \(Format.number(largest)) vs \(Format.number(small)) shipments",
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

    /// `key` per second of a record's `seconds` (wall), or of another time field such as `cpu_seconds`.
    private func rate(_ record: MeasurementRecord, _ key: String, per time: String = "seconds") -> Double? {
        guard let value = record.number(key), let seconds = record.number(time), seconds > 0 else { return nil }
        return value / seconds
    }
}
