import ArgumentParser
import ShipTrackCarriers
import ShipTrackNumbers

/// `shiptrack identify NUMBER...`: which carrier and service a number belongs to, and whether it is valid.
struct IdentifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identify",
        abstract: "Say which carrier and service issued each number, and whether its check digit is right.",
        discussion: "Exit statuses: 0 every number identified, 2 some number invalid, unknown or ambiguous.")

    @Argument(help: "Tracking numbers (spaces, dashes and lower case are accepted).")
    var numbers: [String]

    @Flag(name: .long, help: "Print JSON: one object per number with its verdict, matches and near misses.")
    var json = false

    @OptionGroup var tracking: TrackingOptions

    func run() throws {
        let registry = try tracking.loadRegistry()
        let identifications = numbers.map { registry.identifier.identify($0) }
        if json {
            print(try LookupJSON.encode(identifications))
        } else {
            for identification in identifications {
                print("\(identification.normalized.isEmpty ? "(empty)" : identification.normalized)  \(line(for: identification))")
            }
        }
        let allIdentified = identifications.allSatisfy {
            if case .identified = $0.verdict { true } else { false }
        }
        if !allIdentified {
            for identification in identifications {
                if case .identified = identification.verdict { continue }
                printError("shiptrack: \(identification.input): \(identification.explanation)")
            }
            throw ExitStatus.invalidInput.exitCode
        }
    }

    private func line(for identification: Identification) -> String {
        switch identification.verdict {
        case .identified(let carrier, let service): "\(carrier)  \(service)  valid"
        default: identification.explanation
        }
    }
}
