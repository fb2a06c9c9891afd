import CarrierSimulator
import Foundation
import ShipTrackTestSupport
import Testing

/// The same parcel reads the same from every source: the USPS page and the USPS API, the China Post page and the
/// EMS partner interface, and 17TRACK's providers and both pages show the same scans at the same times with the same
/// words and places, for generated parcels and for the fixture files.
@Suite(.timeLimit(.minutes(2)))
struct SourceAgreementTests {
    /// A USPS API event as `(eventType, eventTimestamp, place)`, the place as the page prints it (nil when the API
    /// gives none, as for "In Transit to Next Facility").
    static func apiEvents(_ detail: [String: Any]) -> [(type: String, time: String, place: String?)] {
        (detail["trackingEvents"] as? [[String: Any]] ?? []).map { event in
            let city = event["eventCity"] as? String
            let state = event["eventState"] as? String
            let zip = (event["eventZIPCode"] ?? event["eventZIP"]) as? String
            let place: String?
            if let city, let state, let zip {
                place = "\(city), \(state) \(zip)"
            } else {
                place = city ?? event["eventCountry"] as? String
            }
            return (event["eventType"] as? String ?? "", event["eventTimestamp"] as? String ?? "", place)
        }
    }

    static func compare(page steps: [PageReading.USPSStep], api events: [(type: String, time: String, place: String?)], _ number: String) {
        #expect(steps.map(\.detail) == events.map(\.type), "\(number): the same wordings")
        #expect(steps.map(\.localTime) == events.map(\.time), "\(number): the same local times")
        for (step, event) in zip(steps, events) {
            if let place = event.place {
                #expect(step.location == place, "\(number): \(step.detail) at the same place")
            }
        }
    }

    static func compare(page rows: [PageReading.ChinaPostRow], traces: [(time: String, address: String, remark: String)], _ number: String) {
        #expect(rows.map(\.time) == traces.map(\.time), "\(number): the same times")
        #expect(rows.map(\.status) == traces.map(\.remark), "\(number): the same words")
        for (row, trace) in zip(rows, traces) {
            let address = trace.address.lowercased().filter { $0 != " " }
            let place = row.place.lowercased().filter { $0 != " " }
            // An office code alone (digits, padded with blanks) is a quirk of real answers; otherwise the place shows.
            let isOfficeCodeOnly = !address.isEmpty && address.allSatisfy(\.isNumber)
            #expect(address.isEmpty || isOfficeCodeOnly || address.contains(place), "\(number): \(trace.address) is at \(row.place)")
        }
    }

    /// Numbers of `carrier` whose parcel (as `route` shows it) is in one of `stages`.
    static func numbers(_ carrier: String, route: String, in stages: Set<GeneratedParcel.Stage>, count: Int, seed: UInt64) -> [String] {
        CarrierSimulator.sampleTrackingNumbers(carrier: carrier, count: 4_000, seed: seed).filter { number in
            CarrierSimulator.generatedParcel(carrier: route, number: number, simulatedDate: APITest.day).map { stages.contains($0.stage) } ?? false
        }.prefix(count).map { $0 }
    }

    static let shown: Set<GeneratedParcel.Stage> = Set(GeneratedParcel.Stage.allCases).subtracting([.notFound, .pending])

    @Test func theUSPSPageAndTheUSPSAPIShowTheSameScans() async throws {
        let numbers = Self.numbers("usps", route: "usps", in: Self.shown, count: 20, seed: 80)
            + Self.numbers("epacket", route: "usps", in: [.delivered, .returning, .customsHold, .arrivedAtDestination, .withAirline], count: 15, seed: 81)
        let fixtures = try APITest.fixtures()
        let (pages, batch) = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            var pages: [[UInt8]] = []
            for number in numbers {
                pages.append(try await APITest.send(port: port, APITest.request("GET", "\(APITest.uspsPagePath)?tLabels=\(number)")).body)
            }
            let token = try await APITest.token(port: port)
            return (pages, try await APITest.uspsBatch(port: port, token: token, numbers: numbers))
        }
        let details = try #require(try APITest.json(batch) as? [[String: Any]])
        #expect(details.count == numbers.count)
        for (number, (page, detail)) in zip(numbers, zip(pages, details)) {
            let steps = PageReading.uspsSteps(page)
            #expect(!steps.isEmpty, "\(number)")
            Self.compare(page: steps, api: Self.apiEvents(detail), number)
            #expect(detail["status"] as? String == steps.first?.detail)
        }
    }

    @Test func theChinaPostPageAndTheEMSPartnerInterfaceShowTheSameScans() async throws {
        let numbers = Self.numbers("epacket", route: "epacket", in: Self.shown, count: 30, seed: 82)
        let fixtures = try APITest.fixtures()
        let answers = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            var answers: [(page: [UInt8], english: String, chinese: String)] = []
            for number in numbers {
                answers.append(
                    (
                        try await APITest.send(port: port, APITest.request("GET", "\(APITest.chinaPostPagePath)?mailNo=\(number)")).body,
                        try await APITest.ems(port: port, number: number, language: "en").text,
                        try await APITest.ems(port: port, number: number, language: "cn").text
                    )
                )
            }
            return answers
        }
        var pagesInEachLanguage = (english: 0, chinese: 0)
        for (number, answer) in zip(numbers, answers) {
            let rows = try #require(PageReading.chinaPostRows(answer.page), "\(number): page not decodable")
            #expect(!rows.isEmpty, "\(number)")
            let isEnglishPage = rows.allSatisfy { $0.status.unicodeScalars.allSatisfy(\.isASCII) }
            if isEnglishPage { pagesInEachLanguage.english += 1 } else { pagesInEachLanguage.chinese += 1 }
            Self.compare(page: rows, traces: EMSPartnerAPITests.traces(isEnglishPage ? answer.english : answer.chinese), number)
        }
        #expect(pagesInEachLanguage.english > 0 && pagesInEachLanguage.chinese > 0)
    }

    @Test func seventeenTrackShowsTheScansOfBothPages() async throws {
        let numbers = Self.numbers("epacket", route: "usps", in: [.delivered, .outForDelivery, .inCustoms], count: 8, seed: 83)
        let fixtures = try APITest.fixtures()
        let (uspsPages, chinaPages, info) = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            var uspsPages: [[UInt8]] = []
            var chinaPages: [[UInt8]] = []
            for number in numbers {
                uspsPages.append(try await APITest.send(port: port, APITest.request("GET", "\(APITest.uspsPagePath)?tLabels=\(number)")).body)
                chinaPages.append(try await APITest.send(port: port, APITest.request("GET", "\(APITest.chinaPostPagePath)?mailNo=\(number)")).body)
            }
            _ = try await APITest.track17(port: port, "register", numbers.map { ["number": $0, "carrier": 3011] })
            return (uspsPages, chinaPages, try await APITest.track17(port: port, "gettrackinfo", numbers.map { ["number": $0, "carrier": 3011] }))
        }
        let accepted = try Track17APITests.accepted(info)
        #expect(accepted.count == numbers.count)
        for (item, (uspsPage, chinaPage)) in zip(accepted, zip(uspsPages, chinaPages)) {
            let number = item["number"] as? String ?? ""
            let providers = try #require(item[path: "track_info", "tracking", "providers"] as? [[String: Any]])
            let usps = (providers[0]["events"] as? [[String: Any]] ?? []).reversed()
            let china = (providers[1]["events"] as? [[String: Any]] ?? []).reversed()
            func raw(_ event: [String: Any]) -> (date: String, time: String) {
                ((event[path: "time_raw", "date"] as? String) ?? "", (event[path: "time_raw", "time"] as? String) ?? "")
            }
            let steps = PageReading.uspsSteps(uspsPage).reversed()
            #expect(usps.map { $0["description"] as? String } == steps.map(\.detail), "\(number): USPS's words")
            #expect(usps.map { "\(raw($0).date)T\(raw($0).time)" } == steps.map(\.localTime), "\(number): USPS's local times")
            let rows = try #require(PageReading.chinaPostRows(chinaPage))
            #expect(china.map { $0["description"] as? String } == rows.map(\.status), "\(number): China Post's words")
            #expect(china.map { "\(raw($0).date) \(raw($0).time)" } == rows.map(\.time), "\(number): China Post's times")
            #expect(china.map { $0["location"] as? String } == rows.map(\.place), "\(number): China Post's places")
        }
    }

    @Test func theFixtureNumbersReadTheSameFromTheirPagesAndTheAPIs() async throws {
        let directory = RepositoryPaths.fixtures
        let uspsNumbers = [
            "9400100000000000000020", "9400100000000000000037", "9400100000000000000044", "9400100000000000000051",
            "9400100000000000000068", "9400100000000000000075", "LX100044446CN", "LX100077775CN",
        ]
        let chinaPostNumbers = [
            "LX100011111CN", "LX100022220CN", "LX100033338CN", "LX100044446CN", "LX100055554CN", "LX100066662CN",
            "LX100077775CN", "LX100088889CN", "LX100099997CN", "LX100122214CN",
        ]
        let (batch, answers, info) = try await withSimulator(directory: directory, options: APITest.options(generated: false)) { _, port in
            let token = try await APITest.token(port: port)
            var answers: [String] = []
            for number in chinaPostNumbers {
                let language = number == "LX100033338CN" ? "en" : "cn"
                answers.append(try await APITest.ems(port: port, number: number, language: language).text)
            }
            _ = try await APITest.track17(port: port, "register", [["number": "LX100077775CN", "carrier": 3011]])
            return (
                try await APITest.uspsBatch(port: port, token: token, numbers: uspsNumbers), answers,
                try await APITest.track17(port: port, "gettrackinfo", [["number": "LX100077775CN", "carrier": 3011]])
            )
        }
        let details = try #require(try APITest.json(batch) as? [[String: Any]])
        for (number, detail) in zip(uspsNumbers, details) {
            let page = Array(try Data(contentsOf: directory.appendingPathComponent("usps/\(number).html")))
            Self.compare(page: PageReading.uspsSteps(page), api: Self.apiEvents(detail), number)
        }
        for (number, answer) in zip(chinaPostNumbers, answers) {
            let page = Array(try Data(contentsOf: directory.appendingPathComponent("epacket/\(number).html")))
            Self.compare(page: try #require(PageReading.chinaPostRows(page)), traces: EMSPartnerAPITests.traces(answer), number)
        }
        let providers = try #require(try Track17APITests.accepted(info).first?[path: "track_info", "tracking", "providers"] as? [[String: Any]])
        #expect(providers.compactMap { $0[path: "provider", "key"] as? Int } == [21051, 3011])
        let uspsPage = Array(try Data(contentsOf: directory.appendingPathComponent("usps/LX100077775CN.html")))
        #expect((providers[0]["events"] as? [[String: Any]])?.map { $0["description"] as? String } == PageReading.uspsSteps(uspsPage).map(\.detail))
    }
}
