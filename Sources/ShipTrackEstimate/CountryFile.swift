import Foundation
import ShipTrackModel

/// The layout of `countries.json`, decoded as written and validated into a ``CountryTable``.
struct CountryFile: Decodable {
    var countries: [Entry]

    enum CodingKeys: String, CodingKey, CaseIterable { case countries }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        countries = try decoder.container(keyedBy: CodingKeys.self).decode([Entry].self, forKey: .countries)
    }

    struct Entry: Decodable {
        var code: String
        var name: String
        var region: String
        var aliases: [String]
        var note: String?
        var lookalikes: [LookalikeFile]

        enum CodingKeys: String, CodingKey, CaseIterable { case code, name, region, aliases, note, lookalikes }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = try container.decode(String.self, forKey: .code)
            name = try container.decode(String.self, forKey: .name)
            region = try container.decode(String.self, forKey: .region)
            aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
            note = try container.decodeIfPresent(String.self, forKey: .note)
            lookalikes = try container.decodeIfPresent([LookalikeFile].self, forKey: .lookalikes) ?? []
        }
    }

    /// A name that must not resolve to the country but is suggested with a note (`Columbia` for Colombia).
    struct LookalikeFile: Decodable {
        var name: String
        var note: String

        enum CodingKeys: String, CodingKey, CaseIterable { case name, note }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            note = try container.decode(String.self, forKey: .note)
        }
    }

    /// Everything a ``CountryTable`` is built from.
    struct Validated {
        var countries: [ResolvedCountry]
        var byCode: [String: Int]
        var byName: [String: Int]
        var suggestions: CountrySuggestions
    }

    /// Checks that every ISO country appears exactly once with a known region, that names match codes, and that no
    /// name or alias could mean two countries.
    func validated(fileName: String) throws -> Validated {
        let error = { (key: String, message: String) in PolicyError(file: fileName, keyPath: key, message: message) }
        var entries: [String: (index: Int, entry: Entry)] = [:]
        for (index, entry) in countries.enumerated() {
            guard let iso = ISOCountry.withAlpha2(entry.code), iso.alpha2 == entry.code else {
                throw error(
                    "countries[\(index)].code", "\"\(entry.code)\" is not an ISO 3166-1 alpha-2 code (upper case)")
            }
            if let first = entries[entry.code] {
                throw error(
                    "countries.\(entry.code)", "listed twice (countries[\(first.index)] and countries[\(index)])")
            }
            guard entry.name == iso.name || entry.name == iso.commonName else {
                throw error(
                    "countries.\(entry.code).name",
                    "\"\(entry.name)\" is not the name of \(entry.code) (\(iso.commonName ?? iso.name)); "
                        + "is the code wrong?"
                )
            }
            guard entry.region == Region.notServedName || Region(rawValue: entry.region) != nil else {
                let known = (Region.allCases.map(\.rawValue) + [Region.notServedName]).joined(separator: ", ")
                throw error("countries.\(entry.code).region", "unknown region \"\(entry.region)\" (known: \(known))")
            }
            entries[entry.code] = (index, entry)
        }

        let isoCountries = ISOCountry.all.sorted { $0.alpha2 < $1.alpha2 }
        var byCode: [String: Int] = [:]
        for (index, iso) in isoCountries.enumerated() {
            byCode[iso.alpha2] = index
            byCode[iso.alpha3] = index
        }
        var resolved: [ResolvedCountry] = []
        var byName: [String: Int] = [:]
        var spellings: [(name: String, index: Int)] = []
        var lookalikes: [(name: String, index: Int, note: String)] = []
        for (index, iso) in isoCountries.enumerated() {
            guard let (_, entry) = entries[iso.alpha2] else {
                throw error(
                    "countries",
                    "no entry for \(iso.alpha2) (\(iso.commonName ?? iso.name)); every ISO 3166-1 country needs a "
                        + "region or \(Region.notServedName)")
            }
            resolved.append(
                ResolvedCountry(
                    alpha2: iso.alpha2, alpha3: iso.alpha3, name: iso.commonName ?? iso.name,
                    region: Region(rawValue: entry.region), note: entry.note))
            let names =
                [(iso.name, "name"), (iso.commonName ?? iso.name, "name")]
                + entry.aliases.enumerated().map { ($0.element, "aliases[\($0.offset)]") }
            for (name, key) in names {
                let normalized = CountryTable.normalize(name)
                guard !normalized.isEmpty else { throw error("countries.\(iso.alpha2).\(key)", "is empty") }
                if let owner = byName[normalized], owner != index {
                    throw error(
                        "countries.\(iso.alpha2).\(key)", "\"\(name)\" already names \(isoCountries[owner].alpha2)")
                }
                if let owner = byCode[normalized.uppercased()], owner != index {
                    throw error(
                        "countries.\(iso.alpha2).\(key)", "\"\(name)\" is the code of \(isoCountries[owner].alpha2)")
                }
                byName[normalized] = index
                spellings.append((name, index))
            }
            for lookalike in entry.lookalikes { lookalikes.append((lookalike.name, index, lookalike.note)) }
        }
        // A lookalike that resolved would never reach its note; check once every name is known.
        for (name, index, note) in lookalikes {
            let code = isoCountries[index].alpha2
            let normalized = CountryTable.normalize(name)
            guard !normalized.isEmpty, !note.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw error("countries.\(code).lookalikes", "\"\(name)\" needs a name and a note")
            }
            if let owner = byName[normalized] ?? byCode[normalized.uppercased()] {
                throw error(
                    "countries.\(code).lookalikes",
                    "\"\(name)\" already names \(isoCountries[owner].alpha2); a lookalike must not resolve")
            }
        }
        // A code typed with dots (`U.S.`, `U.S.A.`) normalizes to its letters; accept it as the code.
        for (code, index) in byCode where byName[code.lowercased()] == nil {
            byName[code.lowercased()] = index
        }
        return Validated(
            countries: resolved, byCode: byCode, byName: byName,
            suggestions: CountrySuggestions(spellings: spellings, lookalikes: lookalikes))
    }
}
