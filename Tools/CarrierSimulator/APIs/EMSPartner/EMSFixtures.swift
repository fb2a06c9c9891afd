import Foundation

/// The per-number files of `Fixtures/ems-eub/`: `en/<NUMBER>.xml` and `cn/<NUMBER>.xml`, answers served as they
/// are (a number with a file in one language only gets that file in both). Read once, at start.
struct EMSFixtures: Sendable {
    static let folderName = "ems-eub"

    /// The answer bytes by language and number.
    private let answers: [EMSLanguage: [String: [UInt8]]]

    init(fixturesDirectory: URL) throws {
        var answers: [EMSLanguage: [String: [UInt8]]] = [:]
        for language in EMSLanguage.allCases {
            let folder = fixturesDirectory.appendingPathComponent(Self.folderName).appendingPathComponent(language.rawValue)
            var byNumber: [String: [UInt8]] = [:]
            for (number, _, contents) in try APIFixtureFiles.load(folder: folder, fileExtension: "xml") {
                byNumber[number.value] = Array(contents)
            }
            answers[language] = byNumber
        }
        self.answers = answers
    }

    /// The answer for `number` in `language`, else in the other language.
    func answer(for number: String, language: EMSLanguage) -> [UInt8]? {
        self.answers[language]?[number] ?? self.answers[language.other]?[number]
    }

    /// The numbers with a file in any language.
    var numbers: Set<String> {
        Set(self.answers.values.flatMap(\.keys))
    }
}
