import Foundation
import Testing

@testable import CarrierSimulator

/// Generated pages without a network: determinism, size, the spread of stages, times and check digits.
@Suite
struct PageGenerationTests {
    static let day = CalendarDay(year: 2026, month: 11, day: 20)!
    static let carriers = ["usps", "epacket", "ems"]

    @Test(arguments: carriers)
    func theSameNumberAndDateGiveTheSameBytesAndAnotherDateOthers(carrier: String) throws {
        for number in CarrierSimulator.sampleTrackingNumbers(carrier: carrier, count: 40, seed: 3) {
            let first = try #require(CarrierSimulator.generatedPage(carrier: carrier, number: number, simulatedDate: Self.day))
            let again = try #require(CarrierSimulator.generatedPage(carrier: carrier, number: number, simulatedDate: Self.day))
            let nextDay = try #require(
                CarrierSimulator.generatedPage(
                    carrier: carrier, number: number, simulatedDate: CalendarDay(year: 2026, month: 11, day: 21)!))
            #expect(first.bytes == again.bytes)
            #expect(first.parcel == again.parcel)
            // The same parcel, a day later: the stage stays, the times move.
            #expect(nextDay.parcel.stage == first.parcel.stage)
            // The EMS partner interface's answer carries no date of its own: without a trace ("null", an empty
            // <traces>) it is the same every day.
            if carrier != "ems" || first.eventCount > 0 {
                #expect(nextDay.bytes != first.bytes, "\(number): a different date must give a different page")
            }
        }
    }

    /// The tracking pages; the EMS partner interface answers with a few hundred bytes per trace (see EMSPartnerAPITests).
    @Test(arguments: ["usps", "epacket"])
    func pagesAreBetween20And60KiB(carrier: String) throws {
        for number in CarrierSimulator.sampleTrackingNumbers(carrier: carrier, count: 2_000, seed: 4) {
            let page = try #require(CarrierSimulator.generatedPage(carrier: carrier, number: number, simulatedDate: Self.day))
            #expect((20 * 1_024...60 * 1_024).contains(page.bytes.count), "\(number) (\(page.parcel.stage)): \(page.bytes.count) bytes")
        }
    }

    @Test func stagesAreSpreadAsDocumentedAndEveryStageOccurs() {
        var counts: [GeneratedParcel.Stage: Int] = [:]
        var total = 0
        for carrier in ["epacket", "ems"] {
            for number in CarrierSimulator.sampleTrackingNumbers(carrier: carrier, count: 2_000, seed: 6) {
                guard let parcel = GeneratedParcel(number: number, simulatedDate: Self.day) else { continue }
                counts[parcel.stage, default: 0] += 1
                total += 1
            }
        }
        #expect(total == 4_000)
        for stage in GeneratedParcel.Stage.allCases {
            let share = Double(counts[stage] ?? 0) / Double(total) * 1_000
            // Within five standard deviations of the documented share (binomial), so the test never flickers.
            let expected = Double(stage.share)
            let deviation = 5 * (expected * (1_000 - expected) / Double(total)).squareRoot()
            #expect(abs(share - expected) <= deviation, "\(stage): \(share)‰, documented \(expected)‰")
        }
        // USPS: no pending, airline or customs stages; their shares go to info_received, sorting and delivered.
        var usps: [GeneratedParcel.Stage: Int] = [:]
        for number in CarrierSimulator.sampleTrackingNumbers(carrier: "usps", count: 4_000, seed: 6) {
            if let parcel = GeneratedParcel(number: number, simulatedDate: Self.day) { usps[parcel.stage, default: 0] += 1 }
        }
        #expect(Set(usps.keys) == Set(GeneratedParcel.Stage.allCases).subtracting([.pending, .withAirline, .inCustoms, .customsHold]))
        for stage in usps.keys {
            let expected: Double
            switch stage {
            case .infoReceived: expected = Double(stage.share + GeneratedParcel.Stage.pending.share)
            case .sorting: expected = Double(stage.share + GeneratedParcel.Stage.withAirline.share + GeneratedParcel.Stage.inCustoms.share)
            case .delivered: expected = Double(stage.share + GeneratedParcel.Stage.customsHold.share)
            default: expected = Double(stage.share)
            }
            let share = Double(usps[stage] ?? 0) / 4
            let deviation = 5 * (expected * (1_000 - expected) / 4_000).squareRoot()
            #expect(abs(share - expected) <= deviation, "USPS \(stage): \(share)‰, documented \(expected)‰")
        }
    }

    @Test(arguments: carriers)
    func timelinesAreInThePastInOrderAndAsLongAsTheirStage(carrier: String) throws {
        let reference = Self.day.chinaMidnight
        for number in CarrierSimulator.sampleTrackingNumbers(carrier: carrier, count: 1_000, seed: 8) {
            let plan = try #require(ParcelPlan(number: Array(number.utf8), simulatedDate: Self.day))
            let events = ParcelTimeline.events(for: plan)
            #expect(events.count == plan.steps.count)
            for (earlier, later) in zip(events, events.dropFirst()) {
                #expect(earlier.instant + 600 <= later.instant, "\(number) (\(plan.stage)): \(earlier.step) then \(later.step)")
            }
            if let last = events.last {
                #expect(last.instant <= reference - 1_800, "\(number): the newest scan is not in the past")
                #expect(last.instant == plan.lastEventAt)
            }
            if let accepted = events.first(where: { $0.step == .accepted }) {
                #expect(accepted.instant == plan.acceptedAt)
            }
            switch plan.stage {
            case .notFound, .pending:
                #expect(events.isEmpty)
                #expect(plan.acceptedAt < reference)
            case .infoReceived:
                #expect(events.map(\.step) == [.label])
            case .stalled:
                let age = reference - (plan.lastEventAt ?? 0)
                #expect((12 * 86_400 - 3_600...30 * 86_400 + 3_600).contains(age), "\(number): stalled \(age / 86_400) days")
                #expect(plan.expectedStatus.status == "in_transit")
            default:
                break
            }
            if plan.stage.hasHistory {
                #expect((10...30).contains(events.count), "\(number) (\(plan.stage)): \(events.count) events")
            } else {
                #expect(events.count < 10, "\(number) (\(plan.stage)): \(events.count) events")
            }
        }
    }

    @Test func ePacketsToTheUSHaveAUSPSPageAndOthersDoNot() throws {
        var twoLeg = 0
        for number in CarrierSimulator.sampleTrackingNumbers(carrier: "epacket", count: 300, seed: 9) {
            let parcel = try #require(GeneratedParcel(number: number, simulatedDate: Self.day))
            let usps = CarrierSimulator.generatedPage(carrier: "usps", number: number, simulatedDate: Self.day)
            if parcel.destination == "US" {
                twoLeg += 1
                #expect(parcel.followOnCarrier == "usps")
                #expect(usps?.parcel == parcel)
            } else {
                #expect(usps == nil)
                #expect(parcel.followOnCarrier == nil)
            }
        }
        #expect(twoLeg > 50)
    }

    @Test func onlyValidNumbersOfTheRightCarrierGetAPage() {
        #expect(CarrierSimulator.generatedPage(carrier: "epacket", number: "LX472916353CN", simulatedDate: Self.day) != nil)
        #expect(CarrierSimulator.generatedPage(carrier: "epacket", number: "lx 4729-1635 3 cn", simulatedDate: Self.day) != nil)
        #expect(CarrierSimulator.generatedPage(carrier: "epacket", number: "LX472916357CN", simulatedDate: Self.day) == nil)
        // China Post's page tracks every China Post item, EMS included.
        #expect(CarrierSimulator.generatedPage(carrier: "epacket", number: "EA338102546CN", simulatedDate: Self.day) != nil)
        #expect(CarrierSimulator.generatedPage(carrier: "epacket", number: "EA338102541CN", simulatedDate: Self.day) == nil)
        #expect(CarrierSimulator.generatedPage(carrier: "ems", number: "EA338102546CN", simulatedDate: Self.day) != nil)
        #expect(CarrierSimulator.generatedPage(carrier: "ems", number: "EA338102541CN", simulatedDate: Self.day) == nil)
        #expect(CarrierSimulator.generatedPage(carrier: "usps", number: "9400111899223100012348", simulatedDate: Self.day) != nil)
        #expect(CarrierSimulator.generatedPage(carrier: "usps", number: "9400111899223100012347", simulatedDate: Self.day) == nil)
        #expect(CarrierSimulator.generatedPage(carrier: "dhl", number: "9400111899223100012348", simulatedDate: Self.day) == nil)
    }

    /// The definitions' own valid and invalid test numbers (`Carriers/*.json`) for the formats the simulator knows.
    @Test func checkDigitsAgreeWithTheCarrierDefinitions() {
        let valid = [
            "9400111899223100012348", "9205590123456789012345", "92612990123456789012345675",
            "420902109205590123456789012345", "4209021012349400111899223100012348", "4201000192612990123456789012345675",
            "70190140000012345676", "03075512000448219373",
        ]
        for number in valid {
            #expect(CheckDigits.isValidUSPS(Array(number.utf8)), "\(number)")
        }
        for number in ["9400111899223100012347", "94001118992231000124", "420902109205590123456789012346", "70190140000012345670"] {
            #expect(!CheckDigits.isValidUSPS(Array(number.utf8)), "\(number)")
        }
        for number in ["LX472916353CN", "LK083055129CN", "LZ611840271CN", "LW305719463CN", "LN472916530CN"] {
            #expect(GeneratedCarrier(numberOwner: Array(number.utf8)) == .epacket, "\(number)")
        }
        for number in ["EA338102546CN", "EB720493184CN", "EE159630724CN", "EV123456745CN"] {
            #expect(GeneratedCarrier(numberOwner: Array(number.utf8)) == .ems, "\(number)")
        }
        for number in ["LX472916357CN", "LX47291635CN", "LX472916353HK", "EA338102541CN", "E1338102546CN"] {
            #expect(GeneratedCarrier(numberOwner: Array(number.utf8)) == nil, "\(number)")
        }
    }

    @Test func sampleNumbersAreDistinctValidAndClearOfTheFixtures() {
        for carrier in Self.carriers {
            let numbers = CarrierSimulator.sampleTrackingNumbers(carrier: carrier, count: 3_000, seed: 2)
            #expect(Set(numbers).count == 3_000)
            for number in numbers {
                #expect(GeneratedCarrier(numberOwner: Array(number.utf8))?.rawValue == carrier)
                #expect(!number.hasPrefix("94001000") && !number.hasPrefix("LX1000") && !number.hasPrefix("EE999"))
            }
        }
        #expect(CarrierSimulator.sampleTrackingNumbers(carrier: "usps", count: 5, seed: 2)
            == CarrierSimulator.sampleTrackingNumbers(carrier: "usps", count: 5, seed: 2))
    }

    /// GBK pages must be real GBK: no four-byte GB 18030 sequences, which a GBK decoder rejects.
    @Test func chinaPostTextIsPlainGBK() throws {
        try #require(EncodedText.isGBKAvailable)
        var texts = [ChinaPostPageParts.head, ChinaPostPageParts.queryStart, ChinaPostPageParts.afterQuery, ChinaPostPageParts.footer]
        texts += ChinaPostPageParts.notices
        texts += ChinaPostPhrases.chinese.values.flatMap { $0 } + ChinaPostPhrases.hubArrivals + ChinaPostPhrases.hubDepartures
        texts += ChinaPostPhrases.exchangeDepartures + ChinaPostPhrases.destinationNames.values + ChinaPostPhrases.hubCities
        for text in texts {
            var index = 0
            let bytes = text.gbk
            while index < bytes.count {
                if bytes[index] < 0x80 {
                    index += 1
                    continue
                }
                #expect((0x81...0xfe).contains(bytes[index]) && index + 1 < bytes.count)
                guard index + 1 < bytes.count else { break }
                let trail = bytes[index + 1]
                #expect((0x40...0xfe).contains(trail) && trail != 0x7f, "a GB 18030 four-byte sequence in \(String(decoding: text.utf8, as: UTF8.self).prefix(40))")
                index += 2
            }
        }
    }

    @Test func usZonesFollowDaylightSavingTime() {
        // 2026: DST from Sunday 8 March 02:00 to Sunday 1 November 02:00 local time.
        let start = CivilCalendar.days(year: 2026, month: 3, day: 8) * 86_400 + 7 * 3_600  // 02:00 EST
        #expect(USZone.eastern.offset(at: start - 1) == -5 * 3_600)
        #expect(USZone.eastern.offset(at: start) == -4 * 3_600)
        let end = CivilCalendar.days(year: 2026, month: 11, day: 1) * 86_400 + 6 * 3_600  // 02:00 EDT
        #expect(USZone.eastern.offset(at: end - 1) == -4 * 3_600)
        #expect(USZone.eastern.offset(at: end) == -5 * 3_600)
        let july = CivilCalendar.days(year: 2026, month: 7, day: 1) * 86_400
        #expect(USZone.pacific.offset(at: july) == -7 * 3_600)
        #expect(USZone.arizona.offset(at: july) == -7 * 3_600)
        #expect(USZone.hawaii.offset(at: july) == -10 * 3_600)
        #expect(USZone.chamorro.offset(at: july) == 10 * 3_600)
    }

    @Test func calendarDaysParseAndPrint() {
        #expect(CalendarDay("2026-11-20")?.description == "2026-11-20")
        #expect(CalendarDay("2024-02-29") != nil)
        #expect(CalendarDay("2026-02-29") == nil)
        #expect(CalendarDay("2026-13-01") == nil)
        #expect(CalendarDay("26-11-20") == nil)
        #expect(CalendarDay("2026-11-20")?.startInChina == Date(timeIntervalSince1970: 1_795_104_000))
        #expect(CalendarDay.today(now: Date(timeIntervalSince1970: 1_795_219_199)).description == "2026-11-20")
    }
}
