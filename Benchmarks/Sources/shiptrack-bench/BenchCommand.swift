import ArgumentParser

/// `shiptrack-bench`: the measuring half of `make bench`.
///
/// `scripts/bench.sh` starts the processes (simulator, `shiptrack run`, `wrk`, the C reference) and calls these
/// subcommands for what runs inside Swift. Each measurement prints one record line (``MeasurementRecord``);
/// `report` turns the collected lines into the table and `BENCHMARKS.md`.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shiptrack-bench",
        abstract: "Measure ShipTrack against the raw C libraries and the ideal (used by `make bench`).",
        subcommands: [
            MakePagesCommand.self, MakeAnswersCommand.self, ParseCommand.self, FetchCommand.self, RoundTripCommand.self,
            EstimateCommand.self, ConcurrencySplitCommand.self, RecordRunCommand.self, RecordHyperfineCommand.self,
            ReportCommand.self,
        ]
    )
}
