import Foundation
import ShipTrackEstimate
import ShipTrackModel
import Testing

/// Every ISO country resolves through an explicit entry; names and codes are accepted; unknown ones are errors.
struct CountryTableTests {
    /// The codes `countries.json` lists, read from the file itself rather than through the table.
    static let listedCodes: [String] = {
        let url = Support.policyFolder.appendingPathComponent("countries.json")
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let countries = object["countries"] as? [[String: Any]]
        else { return [] }
        return countries.compactMap { $0["code"] as? String }
    }()

    @Test func theFileListsEveryISOCodeExactlyOnce() {
        #expect(ISOCountry.all.count == 249)
        #expect(Self.listedCodes.count == 249)
        #expect(Set(Self.listedCodes) == Set(ISOCountry.all.map(\.alpha2)))
        #expect(CountryTable.builtIn.countries.count == 249)
    }

    @Test(arguments: ISOCountry.all)
    func everyCountryResolvesByEachOfItsNames(_ iso: ISOCountry) throws {
        let table = CountryTable.builtIn
        // Explicitly listed: no country may reach a region by a default.
        #expect(Self.listedCodes.contains(iso.alpha2))
        for text in [iso.alpha2, iso.alpha3, iso.alpha2.lowercased(), iso.name, iso.name.uppercased()]
            + (iso.commonName.map { [$0] } ?? [])
        {
            let resolved = try table.resolve(text)
            #expect(resolved.alpha2 == iso.alpha2, "\(text)")
        }
    }

    @Test(arguments: [
        ("USA", "US"), ("usa", "US"), ("U.S.", "US"), ("U.S.A.", "US"), ("United States of America", "US"),
        ("United Kingdom", "GB"), ("UK", "GB"), ("uk", "GB"), ("Great Britain", "GB"), ("England", "GB"),
        ("Côte d'Ivoire", "CI"), ("cote d'ivoire", "CI"), ("Ivory Coast", "CI"), ("the Netherlands", "NL"),
        ("Holland", "NL"), ("St Lucia", "LC"), ("St. Kitts and Nevis", "KN"), ("Türkiye", "TR"), ("Turkey", "TR"),
        ("South Korea", "KR"), ("Korea, Republic of", "KR"), ("North Korea", "KP"), ("Russia", "RU"),
        ("Russian Federation", "RU"), ("  germany  ", "DE"), ("Bosnia & Herzegovina", "BA"), ("Åland Islands", "AX"),
        ("Curacao", "CW"), ("Vietnam", "VN"), ("Viet Nam", "VN"), ("Czech Republic", "CZ"), ("Czechia", "CZ"),
        ("Virgin Islands, U.S.", "VI"), ("US Virgin Islands", "VI"), ("British Virgin Islands", "VG"),
        ("Guinea-Bissau", "GW"), ("Guinea Bissau", "GW"), ("Macau", "MO"), ("DRC", "CD"), ("UAE", "AE"),
    ])
    func acceptsCommonEnglishNames(text: String, alpha2: String) throws {
        #expect(try CountryTable.builtIn.resolve(text).alpha2 == alpha2)
    }

    /// The hard cases decided in countries.json (and docs/estimator.md); `nil` is not served.
    @Test(
        arguments: [
            ("MX", Region.centralSouthAmerica), ("JM", .centralSouthAmerica), ("DO", .centralSouthAmerica),
            ("BS", .centralSouthAmerica), ("BM", .centralSouthAmerica), ("GP", .centralSouthAmerica),
            ("KZ", .asia), ("UZ", .asia), ("AE", .asia), ("SA", .asia), ("IL", .asia), ("GE", .asia), ("AF", .asia),
            ("RU", .canadaEurope), ("TR", .canadaEurope), ("CY", .canadaEurope), ("GL", .canadaEurope),
            ("PM", .canadaEurope), ("FJ", .australiaNewZealand), ("PF", .australiaNewZealand),
            ("NC", .australiaNewZealand), ("CK", .australiaNewZealand), ("NF", .australiaNewZealand),
            ("PR", .unitedStates), ("GU", .unitedStates), ("VI", .unitedStates), ("AS", .unitedStates),
            ("MP", .unitedStates), ("FM", .unitedStates), ("MH", .unitedStates), ("PW", .unitedStates),
            ("EG", .africa), ("RE", .africa), ("SH", .africa),
        ] as [(String, Region)])
    func hardCaseIsInItsDecidedRegion(alpha2: String, region: Region) throws {
        let country = try CountryTable.builtIn.resolve(alpha2)
        #expect(country.region == region)
        #expect(country.note != nil, "hard cases carry a note saying why")
    }

    @Test(arguments: ["AQ", "BV", "GS", "HM", "IO", "TF", "UM", "PN", "CU", "IR", "KP", "SY"])
    func notServed(alpha2: String) throws {
        let country = try CountryTable.builtIn.resolve(alpha2)
        #expect(country.region == nil)
        #expect(!country.isServed)
        #expect(country.note != nil)
    }

    @Test func everyRegionHasCountriesAndTheStoreServesOver200() {
        let countries = CountryTable.builtIn.countries
        for region in Region.allCases {
            #expect(countries.contains { $0.region == region }, "\(region)")
        }
        #expect(countries.filter(\.isServed).count > 200)
    }

    @Test(arguments: ["Atlantis", "XX", "XYZ", "Congo-Leopoldville", "U S A"])
    func unknownCountryIsAClearError(text: String) throws {
        let error = try #require(throws: InputError.self) {
            try CountryTable.builtIn.resolve(text, field: "--destination")
        }
        #expect(error.code == .unknownCountry)
        #expect(
            error.description
                == "--destination: \"\(text)\" is not a known country (give an ISO 3166-1 code such as US or GBR, "
                + "or an English name)")
    }

    @Test func emptyCountryIsMissing() throws {
        let error = try #require(throws: InputError.self) { try CountryTable.builtIn.resolve("  ") }
        #expect(error.code == .missing)
        #expect(error.field == "destination")
    }

    // MARK: Bad country files

    @Test func missingCountryIsAnError() throws {
        let json = try Support.editedCountriesJSON { $0.removeAll { $0["code"] as? String == "ZW" } }
        let error = try #require(throws: PolicyError.self) { try CountryTable(json: json) }
        #expect(
            error.description
                == "countries.json: countries: no entry for ZW (Zimbabwe); every ISO 3166-1 country needs a region "
                + "or not_served")
    }

    @Test func duplicateCountryIsAnError() throws {
        let json = try Support.editedCountriesJSON { $0.append(["code": "AD", "name": "Andorra", "region": "asia"]) }
        let error = try #require(throws: PolicyError.self) { try CountryTable(json: json) }
        #expect(error.keyPath == "countries.AD")
        #expect(error.message == "listed twice (countries[0] and countries[249])")
    }

    @Test func unknownRegionIsAnError() throws {
        let json = try Support.editedCountriesJSON { list in
            for index in list.indices where list[index]["code"] as? String == "MX" { list[index]["region"] = "latam" }
        }
        let error = try #require(throws: PolicyError.self) { try CountryTable(json: json) }
        #expect(error.keyPath == "countries.MX.region")
        #expect(error.message.hasPrefix("unknown region \"latam\" (known: united_states,"))
    }

    @Test func codeThatIsNotISOIsAnError() throws {
        let json = try Support.editedCountriesJSON {
            $0.append(["code": "XK", "name": "Kosovo", "region": "canada_europe"])
        }
        let error = try #require(throws: PolicyError.self) { try CountryTable(json: json) }
        #expect(
            error.description
                == "countries.json: countries[249].code: \"XK\" is not an ISO 3166-1 alpha-2 code (upper case)")
    }

    @Test func nameNotMatchingTheCodeIsAnError() throws {
        let json = try Support.editedCountriesJSON { list in
            for index in list.indices where list[index]["code"] as? String == "SK" {
                list[index]["name"] = "South Korea"
            }
        }
        let error = try #require(throws: PolicyError.self) { try CountryTable(json: json) }
        #expect(error.keyPath == "countries.SK.name")
        #expect(error.message == "\"South Korea\" is not the name of SK (Slovakia); is the code wrong?")
    }

    @Test func aliasNamingTwoCountriesIsAnError() throws {
        let json = try Support.editedCountriesJSON { list in
            for index in list.indices where list[index]["code"] as? String == "IE" { list[index]["aliases"] = ["UK"] }
        }
        let error = try #require(throws: PolicyError.self) { try CountryTable(json: json) }
        #expect(error.keyPath == "countries.IE.aliases[0]")
        #expect(error.message == "\"UK\" already names GB")
    }

    @Test func aliasThatIsAnotherCountrysCodeIsAnError() throws {
        let json = try Support.editedCountriesJSON { list in
            for index in list.indices where list[index]["code"] as? String == "GB" { list[index]["aliases"] = ["UKR"] }
        }
        let error = try #require(throws: PolicyError.self) { try CountryTable(json: json) }
        #expect(error.description == "countries.json: countries.GB.aliases[0]: \"UKR\" is the code of UA")
    }
}
