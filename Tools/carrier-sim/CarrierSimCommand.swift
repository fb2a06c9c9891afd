import ArgumentParser

/// `carrier-sim`: the loopback carrier simulator (`serve`, the default), the order-file generator (`make-orders`)
/// and a generated-page printer (`page`). The behaviour lives in the `CarrierSimulator` library.
@main
struct CarrierSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carrier-sim",
        abstract: "Play the carriers' tracking sites on a loopback address, and make test data that matches them.",
        discussion: """
            Without a subcommand, serves (carrier-sim --port 0 is carrier-sim serve --port 0).
            """,
        subcommands: [ServeCommand.self, MakeOrdersCommand.self, PageCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
