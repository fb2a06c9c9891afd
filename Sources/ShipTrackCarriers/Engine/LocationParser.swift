import Foundation
import ShipTrackModel
import Synchronization

/// Splits a carrier's location text into city, state, postal code and country, by the definition's patterns.
struct LocationParser: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and safe to share between threads.
    private let patterns: [(expression: NSRegularExpression, country: String?, abroad: Bool)]
    private let countryNames: [String: String]
    /// Carriers print the same few thousand places over and over; regular expressions are the costly part of
    /// reading an event, so each place is split once.
    private let memo = Memo()

    final class Memo: Sendable {
        let entries = Mutex<[String: Place]>([:])
        static let limit = 20_000
    }

    /// A place as split, and whether a pattern said it is abroad though its country is not printed.
    struct Place: Sendable {
        var location: EventLocation
        var abroad: Bool
    }

    init(recipe: LocationRecipe?, file: String) throws(CarrierDefinitionError) {
        var compiled: [(NSRegularExpression, String?, Bool)] = []
        for (index, pattern) in (recipe?.patterns ?? []).enumerated() {
            let key = "answer.location.patterns[\(index)]"
            let expression: NSRegularExpression
            do { expression = try NSRegularExpression(pattern: pattern.regex) } catch {
                throw CarrierDefinitionError(
                    file: file, key: key + ".regex", message: "not a valid regular expression: \(pattern.regex)")
            }
            if let country = pattern.country, ISOCountry.withAlpha2(country) == nil {
                throw CarrierDefinitionError(file: file, key: key + ".country", message: "\(country) is not an ISO 3166-1 code")
            }
            compiled.append((expression, pattern.country?.uppercased(), pattern.abroad ?? false))
        }
        var names: [String: String] = [:]
        for (name, code) in recipe?.countryNames ?? [:] {
            guard ISOCountry.withAlpha2(code) != nil else {
                throw CarrierDefinitionError(
                    file: file, key: "answer.location.country_names.\(name)", message: "\(code) is not an ISO 3166-1 code")
            }
            names[name.uppercased()] = code.uppercased()
        }
        patterns = compiled
        countryNames = names
    }

    /// The ISO alpha-2 code of a country as printed (`UNITED STATES`, `US`, `美国`), if known.
    func countryCode(for printed: String) -> String? {
        countryNames[printed.uppercased()] ?? ISOCountry.withAlpha2(printed)?.alpha2
    }

    /// The parts of `text` (already whitespace-folded); the raw text is always kept.
    func parse(_ text: String) -> EventLocation { place(text).location }

    /// The parts of `text`, and whether the place is abroad without its country printed.
    func place(_ text: String) -> Place {
        if let known = memo.entries.withLock({ $0[text] }) { return known }
        let place = split(text)
        memo.entries.withLock { entries in
            if entries.count >= Memo.limit { entries.removeAll(keepingCapacity: true) }
            entries[text] = place
        }
        return place
    }

    private func split(_ text: String) -> Place {
        var location = EventLocation(raw: text)
        guard !text.isEmpty else { return Place(location: location, abroad: false) }
        let range = NSRange(text.startIndex..., in: text)
        for (expression, impliedCountry, abroad) in patterns {
            guard let match = expression.firstMatch(in: text, range: range) else { continue }
            func group(_ name: String) -> String? {
                let groupRange = match.range(withName: name)
                guard groupRange.location != NSNotFound, let swiftRange = Range(groupRange, in: text) else { return nil }
                let value = text[swiftRange].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            var country = impliedCountry
            if let printed = group("country") {
                // A country group must name a country we know; otherwise this pattern did not really match.
                guard let code = countryNames[printed.uppercased()] ?? ISOCountry.withAlpha2(printed)?.alpha2 else {
                    continue
                }
                country = code
            }
            location.city = group("city")
            location.state = group("state")
            location.postalCode = group("postal")
            location.countryCode = country
            return Place(location: location, abroad: abroad)
        }
        if let code = countryNames[text.uppercased()] { location.countryCode = code }
        return Place(location: location, abroad: false)
    }
}
