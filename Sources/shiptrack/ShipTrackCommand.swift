import ArgumentParser

/// `shiptrack`: parcel tracking for a store shipping from China (ePacket, EMS) and the US (USPS).
@main
struct ShipTrackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shiptrack",
        abstract: "Track parcels across carriers and check them against the store's delivery promise.",
        discussion: """
            Exit statuses of lookup: 0 found; 1 not found or not yet; 2 invalid input; 3 fetch failed or an error \
            reply; 4 answer layout not recognised; 5 some rows not understood; 6 blocked (bot protection); \
            7 credentials missing or refused; 8 rate limited or quota exhausted; 64 usage error. With several \
            numbers, the highest applies.
            """,
        version: "0.1.0",
        subcommands: [
            LookupCommand.self, IdentifyCommand.self, CarriersCommand.self, ParsePageCommand.self,
            EstimateCommand.self, RunCommand.self, ReportCommand.self, ShowCommand.self, AckCommand.self, SourcesCommand.self,
            ConfigCommand.self,
        ]
    )
}
