public import Foundation
import ShipTrackModel

/// Every ISO 3166-1 country mapped to a region of the shipping table or to "not served", from `countries.json`.
///
/// The table must list all 249 countries explicitly: there is no default region, so no country is ever placed by
/// accident. ``resolve(_:field:)`` accepts alpha-2 and alpha-3 codes, the ISO names, their common names and the
/// file's aliases (`UK`, `Great Britain`, `Deutschland`, `中国`), ignoring case, accents, punctuation and a leading
/// "the"; a name it does not know gets "did you mean ...?" in the error.
public struct CountryTable: Sendable {
    /// Every country, in alpha-2 order.
    public let countries: [ResolvedCountry]
    /// Upper-case alpha-2 and alpha-3 codes to an index in `countries`.
    private let byCode: [String: Int]
    /// Normalized names and aliases to an index in `countries`.
    private let byName: [String: Int]
    /// Near names for the error of a name that does not resolve.
    private let suggestions: CountrySuggestions

    /// Decodes and validates a country file's contents.
    /// - Parameter fileName: how errors name the file (`countries.json`).
    /// - Throws: ``PolicyError`` naming the file and the key.
    public init(json: Data, fileName: String = "countries.json") throws {
        let file: CountryFile
        do {
            file = try JSONDecoder().decode(CountryFile.self, from: json)
        } catch {
            throw PolicyError.decoding(error, file: fileName)
        }
        let validated = try file.validated(fileName: fileName)
        countries = validated.countries
        byCode = validated.byCode
        byName = validated.byName
        suggestions = validated.suggestions
    }

    /// Loads and validates a store's country file.
    /// - Throws: ``PolicyError`` naming the file and the key; unreadable files too.
    public static func load(contentsOf url: URL) throws -> CountryTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PolicyError(file: url.path, keyPath: "", message: "cannot be read (\(error.localizedDescription))")
        }
        return try CountryTable(json: data, fileName: url.lastPathComponent)
    }

    /// The built-in table: `Policy/countries.json` as embedded in the binary.
    public static let builtIn: CountryTable = {
        do {
            return try CountryTable(json: Data(builtInJSON.utf8), fileName: "countries.json")
        } catch {
            // The embedded file is tested on every run (EmbeddedPolicyTests); reaching this is a build defect.
            fatalError("the built-in Policy/countries.json is invalid: \(error)")
        }
    }()

    /// The text of the built-in `countries.json`.
    public static var builtInJSON: String { embeddedFile(named: "countries.json") }

    /// The country `text` names: an alpha-2 or alpha-3 code or an English name, in any case.
    /// - Parameter field: how an error names the input (`--destination`, `destination`).
    /// - Throws: ``InputError`` (`missing` or `unknownCountry`) naming `field` and `text`; for an unknown name
    ///   near known ones, the error says "did you mean ...?" and lists them in ``InputError/suggestions``.
    public func resolve(_ text: String, field: String = InputError.Field.destination) throws -> ResolvedCountry {
        if let index = codeIndex(text) { return countries[index] }
        let key = CountryTable.normalize(text)
        if let index = byName[key] { return countries[index] }
        if key.isEmpty {
            throw InputError(
                code: .missing, field: field, value: text,
                problem: "is empty (give an ISO 3166-1 code such as US or GBR, or an English name)")
        }
        throw unknownCountry(text, key: key, field: field)
    }

    /// The error for a name that does not resolve, with the nearest names (and a lookalike's note) when there are.
    private func unknownCountry(_ text: String, key: String, field: String) -> InputError {
        var nearest = suggestions.nearest(to: key)
        var note: String?
        if let lookalike = suggestions.lookalike(key) {
            // The country a lookalike is mistaken for comes first, under its own name.
            nearest.removeAll { $0.index == lookalike.index }
            nearest.insert(.init(display: countries[lookalike.index].name, index: lookalike.index), at: 0)
            note = lookalike.note
        }
        guard !nearest.isEmpty else {
            return InputError(
                code: .unknownCountry, field: field, value: text,
                problem: "is not a known country (give an ISO 3166-1 code such as US or GBR, or an English name)")
        }
        let names = nearest.map { "\($0.display) (\(countries[$0.index].alpha2))" }
        let list =
            names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        return InputError(
            code: .unknownCountry, field: field, value: text,
            problem: "is not a known country; did you mean \(list)?" + (note.map { " \($0)" } ?? ""),
            suggestions: nearest.map { countries[$0.index] })
    }

    /// The country with this alpha-2 code, if any.
    public func country(alpha2: String) -> ResolvedCountry? {
        byCode[alpha2.uppercased()].flatMap { $0 < countries.count ? countries[$0] : nil }
    }

    /// Two or three ASCII letters looked up as a code without building a normalized name: the common case in a batch.
    private func codeIndex(_ text: String) -> Int? {
        let utf8 = text.utf8
        guard utf8.count == 2 || utf8.count == 3 else { return nil }
        var upper = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): upper.unicodeScalars.append(Unicode.Scalar(byte - 32))
            default: return nil
            }
        }
        return byCode[upper]
    }

    /// The form names are compared in: case and accents folded, punctuation dropped, `&` as "and", `St` as "Saint",
    /// a leading "the" dropped, words separated by single spaces (`Côte d'Ivoire` → `cote divoire`).
    static func normalize(_ text: String) -> String {
        let folded =
            text.utf8.allSatisfy({ $0 < 0x80 })
            ? text.lowercased()
            : text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                .lowercased()
        var words: [String] = []
        var word = ""
        for character in folded.unicodeScalars {
            switch character {
            case ".", "'", "\u{2019}", ",", "(", ")":
                continue
            case "&":
                if !word.isEmpty { words.append(word) }
                words.append("and")
                word = ""
            case " ", "-", "_", "\t", "\n", "/":
                if !word.isEmpty { words.append(word) }
                word = ""
            default:
                word.unicodeScalars.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        if words.count > 1, words[0] == "the" { words.removeFirst() }
        return words.map { $0 == "st" ? "saint" : $0 }.joined(separator: " ")
    }
}
