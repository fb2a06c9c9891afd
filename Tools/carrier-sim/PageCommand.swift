import ArgumentParser
import CarrierSimulator
import Foundation

/// `carrier-sim page`: prints the page the simulator generates for a number, or what it says about the parcel, to
/// check a page by eye or with `shiptrack parse-page`.
struct PageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Print the generated page for a number (as carrier-sim --generate serves it).",
        discussion: """
            Exit status 1 when no page is generated for the number on that carrier (not its number, a bad check \\
            digit, or on usps an ePacket not bound for the US).
            """
    )

    @Option(help: "The carrier whose page to print: usps, epacket, or ems (the EMS partner interface's English answer).")
    var carrier: String

    @Option(help: "The simulated date, YYYY-MM-DD (default: today in UTC).")
    var date: String?

    @Flag(help: "Print what the page says about the parcel (stage, destination, times, expected status) instead.")
    var summary = false

    @Argument(help: "The tracking number.")
    var number: String

    func run() throws {
        let day: CalendarDay
        if let date = self.date {
            guard let parsed = CalendarDay(date) else { throw ValidationError("--date: \"\(date)\" is not a date YYYY-MM-DD.") }
            day = parsed
        } else {
            day = CalendarDay.today()
        }
        guard let page = CarrierSimulator.generatedPage(carrier: self.carrier, number: self.number, simulatedDate: day) else {
            FileHandle.standardError.write(Data("carrier-sim: no page is generated for \(self.number) on \(self.carrier)\n".utf8))
            throw ExitCode(1)
        }
        guard self.summary else {
            FileHandle.standardOutput.write(Data(page.bytes))
            return
        }
        let parcel = page.parcel
        let lines = [
            "number: \(parcel.number)", "carrier: \(parcel.carrier)", "page: \(page.carrier)", "stage: \(parcel.stage)",
            "destination: \(parcel.destination)", "status: \(parcel.status)", "reason: \(parcel.reason ?? "-")",
            "label_created_at: \(parcel.labelCreatedAt.map { "\($0)" } ?? "-")", "accepted_at: \(parcel.acceptedAt)",
            "last_event_at: \(parcel.lastEventAt.map { "\($0)" } ?? "-")", "events: \(parcel.eventCount)",
            "events_on_page: \(page.eventCount)", "follow_on: \(parcel.followOnCarrier ?? "-")", "bytes: \(page.bytes.count)",
        ]
        print(lines.joined(separator: "\n"))
    }
}
