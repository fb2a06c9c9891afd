import ArgumentParser
import CarrierSimulator
import Foundation

/// `carrier-sim make-orders`: writes an orders file whose tracking numbers get matching generated pages from
/// `carrier-sim --generate --date` with the same date.
struct MakeOrdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-orders",
        abstract: "Write an orders file (CSV or JSON Lines) that matches the simulator's generated pages.",
        discussion: """
            Columns: order_id,tracking_number,carrier,destination,ordered_at,shipped_at. Every number has a valid \\
            check digit and its order was placed 2-5 days before the parcel's generated acceptance on --date. Some \\
            orders are not shipped yet, some have several parcels (rows sharing an order_id, or numbers separated \\
            by ';'). --bad-rows adds rows with an unknown country, a bad check digit, an unparseable date or no \\
            order id, and (every fifth) a valid row whose order id holds a quoted comma, quote and line break. \\
            The output depends only on the options; it is streamed, so any --count runs in constant memory.
            """
    )

    @Option(help: "Parcels to write (each parcel of a multi-parcel order and each unshipped order counts one).")
    var count = 1_000

    @Option(help: "The simulated date, YYYY-MM-DD, as given to carrier-sim --generate --date (default: today in UTC).")
    var date: String?

    @Option(help: "Seeds every choice: the same options give the same file.")
    var seed: UInt64 = 1

    @Option(name: .customLong("bad-rows"), help: "Rows with deliberate problems, added to --count.")
    var badRows = 0

    @Option(help: "csv or jsonl (default: from the --output extension, else csv).")
    var format: String?

    @Option(name: .customLong("unshipped-share"), help: "Share of orders not shipped yet.")
    var unshippedShare = 0.06

    @Option(name: .customLong("multi-parcel-share"), help: "Share of shipped orders with two or three parcels.")
    var multiParcelShare = 0.08

    @Option(
        name: .customLong("usps-outside-mid-share"),
        help: "Share of USPS orders whose label's Mailer ID is outside the USPS API test client's (the API answers 403)."
    )
    var uspsOutsideMailerIDShare = 0.0

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard self.count >= 0, self.badRows >= 0 else {
            throw ValidationError("--count and --bad-rows must not be negative.")
        }
        guard (0...1).contains(self.unshippedShare), (0...1).contains(self.multiParcelShare),
            (0...1).contains(self.uspsOutsideMailerIDShare)
        else {
            throw ValidationError("--unshipped-share, --multi-parcel-share and --usps-outside-mid-share must be between 0 and 1.")
        }
        _ = try self.simulatedDate()
        _ = try self.outputFormat()
    }

    func run() throws {
        let generator = try OrderFileGenerator(
            options: OrderFileGenerator.Options(
                shipmentCount: self.count, simulatedDate: try self.simulatedDate(), seed: self.seed,
                badRowCount: self.badRows, format: try self.outputFormat(), unshippedShare: self.unshippedShare,
                multiParcelShare: self.multiParcelShare, uspsOutsideMailerIDShare: self.uspsOutsideMailerIDShare
            )
        )
        let handle: FileHandle
        if let output = self.output {
            guard FileManager.default.createFile(atPath: output, contents: nil),
                let file = FileHandle(forWritingAtPath: output)
            else {
                throw ValidationError("--output: cannot create \(output).")
            }
            handle = file
        } else {
            handle = FileHandle.standardOutput
        }
        try generator.write { chunk in
            try handle.write(contentsOf: chunk)
        }
        if self.output != nil {
            try handle.close()
        }
    }

    private func simulatedDate() throws -> CalendarDay {
        guard let date = self.date else { return CalendarDay.today() }
        guard let day = CalendarDay(date) else {
            throw ValidationError("--date: \"\(date)\" is not a date YYYY-MM-DD.")
        }
        return day
    }

    private func outputFormat() throws -> OrderFileGenerator.Format {
        if let format = self.format {
            guard let known = OrderFileGenerator.Format(rawValue: format.lowercased()) else {
                throw ValidationError("--format: \"\(format)\" is not csv or jsonl.")
            }
            return known
        }
        let lowered = self.output?.lowercased() ?? ""
        return lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") ? .jsonl : .csv
    }
}
