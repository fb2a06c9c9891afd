import CarrierSimulator
import Foundation
import ShipTrackTestSupport
import Testing

/// The simulated EMS partner interface for EUB shippers: headers, the V02/V03 error envelope, `null` for unknown
/// numbers, `<traces>` oldest first in English and Chinese, and fixture files served as they are.
@Suite(.timeLimit(.minutes(3)))
struct EMSPartnerAPITests {
    static func numbers(_ carrier: String, in stages: Set<GeneratedParcel.Stage>, count: Int, seed: UInt64 = 60) -> [String] {
        CarrierSimulator.sampleTrackingNumbers(carrier: carrier, count: 2_000, seed: seed)
            .filter { stages.contains(GeneratedParcel(number: $0, simulatedDate: APITest.day)!.stage) }
            .prefix(count).map { $0 }
    }

    /// The `<trace>` elements' fields, in document order.
    static func traces(_ text: String) -> [(time: String, address: String, remark: String)] {
        let pattern = #/<trace>\s*<acceptTime>(.*?)</acceptTime>\s*<acceptAddress>(.*?)</acceptAddress>\s*<remark>(.*?)</remark>\s*</trace>/#
        return text.matches(of: pattern).map { (String($0.1), String($0.2), String($0.3)) }
    }

    @Test func aWrongOrMissingTokenAnswersV02AndAWrongVersionV03() async throws {
        let number = Self.numbers("ems", in: [.delivered], count: 1)[0]
        let fixtures = try APITest.fixtures()
        let (wrong, missing, version) = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            (
                try await APITest.ems(port: port, number: number, token: "someone-else"),
                try await APITest.ems(port: port, number: number, token: nil),
                try await APITest.ems(port: port, number: number, version: "international_eub_us_1.0")
            )
        }
        for response in [wrong, missing] {
            #expect(response.statusCode == 200)
            #expect(response.text.contains("<response>"))
            #expect(response.text.contains("<version>international_eub_us_1.1</version>"))
            #expect(response.text.contains("<status>error</status>"))
            #expect(response.text.contains("<code>V02</code>"))
            #expect(response.text.contains("<description>用户不存在或身份标识错误</description>"))
            #expect(!response.text.contains("<trace>"))
        }
        #expect(version.text.contains("<code>V03</code>"))
    }

    @Test func anUnknownNumberAnswersNullAndAKnownOneWithoutScansAnEmptyTraces() async throws {
        let unknown = Self.numbers("epacket", in: [.notFound], count: 1)[0]
        let pending = Self.numbers("ems", in: [.pending], count: 1)[0]
        let fixtures = try APITest.fixtures()
        let (unknownResponse, pendingResponse, unlisted, badLanguage) = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            (
                try await APITest.ems(port: port, number: unknown),
                try await APITest.ems(port: port, number: pending),
                try await APITest.ems(port: port, number: "9400111899223100012347"),
                try await APITest.ems(port: port, number: pending, language: "fr")
            )
        }
        #expect(unknownResponse.statusCode == 200)
        #expect(unknownResponse.text == "null")
        #expect(unlisted.text == "null")
        #expect(pendingResponse.text.contains("<traces></traces>"))
        #expect(badLanguage.statusCode == 404)
    }

    @Test func tracesAreOldestFirstInBothLanguagesAtTheSameTimes() async throws {
        let numbers = Self.numbers("epacket", in: [.delivered, .inCustoms], count: 4) + Self.numbers("ems", in: [.delivered], count: 4)
        let fixtures = try APITest.fixtures()
        let answers = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            var answers: [(english: RawHTTPResponse, chinese: RawHTTPResponse)] = []
            for number in numbers {
                answers.append((try await APITest.ems(port: port, number: number, language: "en"), try await APITest.ems(port: port, number: number, language: "cn")))
            }
            return answers
        }
        for (number, answer) in zip(numbers, answers) {
            #expect(answer.english.header("Content-Type") == "text/xml;charset=UTF-8")
            let english = Self.traces(answer.english.text)
            let chinese = Self.traces(answer.chinese.text)
            #expect(!english.isEmpty, "\(number)")
            #expect(english.map(\.time) == chinese.map(\.time), "\(number): the same scans in both languages")
            #expect(english.map(\.time) == english.map(\.time).sorted(), "\(number): oldest first")
            #expect(english.allSatisfy { $0.time.utf8.count == 19 && $0.time.contains(" ") }, "\(number): YYYY-MM-DD HH:mm:ss")
            #expect(english.allSatisfy { $0.remark.unicodeScalars.allSatisfy(\.isASCII) }, "\(number): English remarks")
            #expect(chinese.contains { !$0.remark.unicodeScalars.allSatisfy(\.isASCII) }, "\(number): Chinese remarks")
        }
    }

    @Test func theXMLDeclarationIsThereForSomeNumbersAndNotOthersTheSameEachTime() async throws {
        let numbers = Self.numbers("epacket", in: [.delivered, .sorting, .withAirline], count: 24)
        let fixtures = try APITest.fixtures()
        let (first, second) = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            var first: [String] = []
            var second: [String] = []
            for number in numbers {
                first.append(try await APITest.ems(port: port, number: number).text)
                second.append(try await APITest.ems(port: port, number: number).text)
            }
            return (first, second)
        }
        #expect(first == second)
        let declared = first.filter { $0.hasPrefix("<?xml") }.count
        #expect(declared > 0 && declared < numbers.count, "\(declared) of \(numbers.count) declared")
        #expect(first.allSatisfy { $0.contains("<traces>") })
    }

    @Test func theGeneratedEMSPageIsTheEnglishAnswer() async throws {
        let numbers = Self.numbers("ems", in: Set(GeneratedParcel.Stage.allCases), count: 10)
        let fixtures = try APITest.fixtures()
        let served = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            var served: [[UInt8]] = []
            for number in numbers {
                served.append(try await APITest.ems(port: port, number: number).body)
            }
            return served
        }
        for (number, body) in zip(numbers, served) {
            #expect(body == CarrierSimulator.generatedPage(carrier: "ems", number: number, simulatedDate: APITest.day)?.bytes, "\(number)")
        }
    }

    @Test func fixtureFilesAreServedAsTheyAreInTheirLanguageOrTheOther() async throws {
        let directory = RepositoryPaths.fixtures
        let (quirky, englishOnly, error, notFound) = try await withSimulator(directory: directory, options: APITest.options(generated: false)) { _, port in
            (
                try await APITest.ems(port: port, number: "EA100133322CN", language: "en"),
                try await APITest.ems(port: port, number: "LX100033338CN", language: "cn"),
                try await APITest.ems(port: port, number: "EA100122214CN", language: "cn"),
                try await APITest.ems(port: port, number: "EA999999997CN")
            )
        }
        #expect(quirky.body == Array(try Data(contentsOf: directory.appendingPathComponent("ems-eub/en/EA100133322CN.xml"))))
        #expect(!quirky.text.hasPrefix("<?xml"))
        #expect(englishOnly.body == Array(try Data(contentsOf: directory.appendingPathComponent("ems-eub/en/LX100033338CN.xml"))))
        #expect(error.text.contains("<code>I00</code>"))
        #expect(notFound.text == "null")
    }
}
