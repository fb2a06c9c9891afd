import Foundation
import ShipTrackEstimate
import Testing

/// Names customers write in their own language resolve; near misses get "did you mean ...?".
struct CountrySuggestionTests {
    @Test(arguments: [
        ("Deutschland", "DE"), ("España", "ES"), ("Espana", "ES"), ("Italia", "IT"), ("Nederland", "NL"),
        ("Österreich", "AT"), ("Osterreich", "AT"), ("Schweiz", "CH"), ("Suisse", "CH"), ("Svizzera", "CH"),
        ("Polska", "PL"), ("Brasil", "BR"), ("México", "MX"), ("中国", "CN"), ("日本", "JP"), ("대한민국", "KR"),
        ("한국", "KR"), ("Россия", "RU"), ("Belgique", "BE"), ("België", "BE"), ("Sverige", "SE"), ("Norge", "NO"),
        ("Danmark", "DK"), ("Suomi", "FI"), ("Ελλάδα", "GR"), ("Česko", "CZ"), ("Magyarország", "HU"),
        ("Hrvatska", "HR"), ("Éire", "IE"), ("Україна", "UA"), ("Nippon", "JP"), ("Hellas", "GR"),
    ])
    func endonymsResolve(text: String, alpha2: String) throws {
        #expect(try CountryTable.builtIn.resolve(text).alpha2 == alpha2)
    }

    /// "Korea" alone: North Korea is not served, so a customer writing it means South Korea; the note says so.
    @Test func koreaAloneIsSouthKorea() throws {
        let country = try CountryTable.builtIn.resolve("Korea")
        #expect(country.alpha2 == "KR")
        #expect(country.note?.contains("Korea") == true)
    }

    @Test(arguments: [
        ("Untied States", "did you mean United States (US)?"),
        ("Austrila", "did you mean Austria (AT) or Australia (AU)?"),
        ("Phillipines", "did you mean Philippines (PH)?"),
        ("Deutchland", "did you mean Deutschland (DE)?"),
        ("Germnay", "did you mean Germany (DE)?"),
        ("Brazill", "did you mean Brazil (BR)?"),
    ])
    func misspellingsGetDidYouMean(text: String, suggestion: String) throws {
        let error = try #require(throws: InputError.self) {
            try CountryTable.builtIn.resolve(text, field: "--destination")
        }
        #expect(error.code == .unknownCountry)
        #expect(error.description == "--destination: \"\(text)\" is not a known country; \(suggestion)")
    }

    /// "Columbia" is also British Columbia and the District of Columbia: never resolved, and the error says why.
    @Test func columbiaIsSuggestedAsColombiaWithAWarning() throws {
        let error = try #require(throws: InputError.self) { try CountryTable.builtIn.resolve("Columbia") }
        #expect(error.code == .unknownCountry)
        #expect(error.description.contains("did you mean Colombia (CO)?"))
        #expect(error.description.contains("British Columbia"))
        #expect(error.description.contains("District of Columbia"))
    }

    @Test(arguments: ["Atlantis", "XX", "XYZ", "Congo-Leopoldville", "U S A"])
    func farFromEveryNameNoSuggestion(text: String) throws {
        let error = try #require(throws: InputError.self) { try CountryTable.builtIn.resolve(text) }
        #expect(!error.description.contains("did you mean"))
    }

    /// The suggestions are typed too, so a batch can offer them without reading the sentence.
    @Test func suggestionsAreTyped() throws {
        let error = try #require(throws: InputError.self) { try CountryTable.builtIn.resolve("Austrila") }
        #expect(error.suggestions.map(\.alpha2) == ["AT", "AU"])
        let renamed = error.renamingField { "--" + $0 }
        #expect(renamed.suggestions == error.suggestions)
        let far = try #require(throws: InputError.self) { try CountryTable.builtIn.resolve("Atlantis") }
        #expect(far.suggestions.isEmpty)
    }

    /// Exact names still take the fast path, and a suggestion never resolves by itself.
    @Test func aSuggestionIsNeverAResolution() throws {
        #expect(try CountryTable.builtIn.resolve("Colombia").alpha2 == "CO")
        #expect(throws: InputError.self) { try CountryTable.builtIn.resolve("Colombiaa") }
    }

    @Test func aLookalikeThatResolvesIsAnErrorInTheFile() throws {
        let json = try Support.editedCountriesJSON { countries in
            guard let index = countries.firstIndex(where: { $0["code"] as? String == "CO" }) else { return }
            countries[index]["lookalikes"] = [["name": "Colombia", "note": "already its name"]]
        }
        let error = try #require(throws: PolicyError.self) { try CountryTable(json: json) }
        #expect(error.keyPath == "countries.CO.lookalikes")
        #expect(error.message.contains("a lookalike must not resolve"))
    }

    @Test func anEndonymNamingTwoCountriesIsAnError() throws {
        let json = try Support.editedCountriesJSON { countries in
            guard let index = countries.firstIndex(where: { $0["code"] as? String == "AT" }) else { return }
            countries[index]["aliases"] = ["Deutschland"]
        }
        let error = try #require(throws: PolicyError.self) { try CountryTable(json: json) }
        #expect(error.message.contains("already names"))
    }
}
