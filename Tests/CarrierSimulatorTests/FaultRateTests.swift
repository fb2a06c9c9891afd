import Foundation
import Testing

@testable import CarrierSimulator

/// Faults by rate: parsing, the spread of the draws, which responses they may replace, and what a client sees.
@Suite(.timeLimit(.minutes(1)))
struct FaultRateTests {
    static let briefSpecification = "500=0.01,503=0.01,429=0.01,timeout=0.005,truncated=0.005,garbage=0.005,reset=0.005"

    @Test func parsesASpecification() throws {
        let rates = try CarrierSimulator.FaultRates(parsing: Self.briefSpecification, seed: 9, retryAfterSeconds: 2)
        #expect(rates.rates[.status500] == 0.01)
        #expect(rates.rates[.reset] == 0.005)
        #expect(rates.rates.count == 7)
        #expect(rates.seed == 9)
        #expect(rates.retryAfterSeconds == 2)
        #expect(rates.description == Self.briefSpecification)
        #expect(try CarrierSimulator.FaultRates(parsing: " 503 = 0.5 , TIMEOUT=0.1 ").rates == [.status503: 0.5, .timeout: 0.1])
    }

    @Test(arguments: ["404=0.1", "500", "500=lots", "500=1.5", "500=-0.1", "500=0.6,503=0.6", "500=0.1,500=0.2", "500=nan"])
    func refusesABadSpecification(specification: String) {
        #expect(throws: CarrierSimulatorError.self) {
            try CarrierSimulator.FaultRates(parsing: specification)
        }
    }

    @Test func drawsFollowTheRates() throws {
        let rates = try CarrierSimulator.FaultRates(parsing: Self.briefSpecification, seed: 42)
        let dice = FaultDice(rates: rates)
        let draws = 200_000
        var counts: [CarrierSimulator.FaultRates.Fault: Int] = [:]
        for _ in 0..<draws {
            if let (fault, _) = dice.roll() { counts[fault, default: 0] += 1 }
        }
        for (fault, rate) in rates.rates {
            let expected = rate * Double(draws)
            let tolerance = 5 * (expected * (1 - rate)).squareRoot()
            #expect(abs(Double(counts[fault] ?? 0) - expected) <= tolerance, "\(fault): \(counts[fault] ?? 0), expected \(expected)")
        }
        // The same seed gives the same sequence; another seed another.
        let again = FaultDice(rates: rates)
        let other = FaultDice(rates: CarrierSimulator.FaultRates(rates: rates.rates, seed: 43))
        let first = (0..<2_000).map { dice.fault(forDraw: $0) }
        #expect(first == (0..<2_000).map { again.fault(forDraw: $0) })
        #expect(first != (0..<2_000).map { other.fault(forDraw: $0) })
    }

    @Test func everyFaultReplacesAnOrdinaryPageButNeverASpecialNumber() throws {
        let configuration = try SimulatorConfiguration.decode(Data(TestRoutingFile.standard.utf8), file: "test")
        let usps = try #require(configuration.carriers.first { $0.id == "usps" })
        let page = RoutingDecision.carrier(usps, number: TrackingNumber(normalizing: "9400111899223197428490"))
        let special = RoutingDecision.carrier(usps, number: TrackingNumber(normalizing: "STATUS503"))
        for fault in CarrierSimulator.FaultRates.Fault.allCases {
            let planner = ResponsePlanner(
                specialNumbers: configuration.specialNumbers,
                faultDice: FaultDice(rates: CarrierSimulator.FaultRates(rates: [fault: 1], retryAfterSeconds: 3))
            )
            let plan = planner.plan(for: page)
            switch (fault, plan) {
            case (.status500, .respond(let response)): #expect(response.status == 500)
            case (.status503, .respond(let response)), (.status429, .respond(let response)):
                #expect(response.status == Int(fault.rawValue))
                #expect(response.extraHeaders == [PlannedHeader(name: "Retry-After", value: "3")])
            case (.timeout, .staySilent), (.reset, .resetConnection): break
            case (.truncated, .truncate(let response)): #expect(response.status == 200)
            case (.garbage, .respond(let response)):
                guard case .junk = response.body else { Issue.record("garbage: \(plan)"); break }
            default: Issue.record("\(fault) gave \(plan)")
            }
            // The special number keeps the behaviour the routing file gives it.
            guard case .respond(let response) = planner.plan(for: special) else {
                Issue.record("special number got \(planner.plan(for: special))")
                continue
            }
            #expect(response.status == 503)
            #expect(response.extraHeaders == [PlannedHeader(name: "Retry-After", value: "120")])
        }
    }

    @Test func aClientSeesStatusFaultsWithRetryAfterAndARetrySucceeds() async throws {
        let fixtures = try TemporaryFixtures()
        let rates = try CarrierSimulator.FaultRates(parsing: "500=0.1,503=0.1,429=0.1", seed: 7)
        let options = CarrierSimulator.Options(eventLoopThreads: 1, faultRates: rates)
        let (responses, statistics) = try await withSimulator(fixtures, options: options) { simulator, port in
            let responses = try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                return try (0..<400).map { _ in
                    try connection.send(RawHTTPConnection.get(uspsTarget("9400111899223197428490")))
                    return try connection.readResponse()
                }
            }
            return (responses, simulator.statistics)
        }
        var byStatus: [Int: Int] = [:]
        for response in responses {
            byStatus[response.statusCode, default: 0] += 1
            switch response.statusCode {
            case 200: #expect(response.text == TestPages.delivered)
            case 503, 429: #expect(response.header("Retry-After") == "1")
            case 500: #expect(response.header("Retry-After") == nil)
            default: Issue.record("unexpected status \(response.statusCode)")
            }
        }
        // 40 expected of each fault; five standard deviations either side.
        for status in [500, 503, 429] {
            #expect((10...70).contains(byStatus[status] ?? 0), "HTTP \(status): \(byStatus[status] ?? 0) of 400")
        }
        #expect(statistics.randomFaultsInjected == 400 - (byStatus[200] ?? 0))
        // Faults are per request: the same number succeeds on most requests.
        #expect((byStatus[200] ?? 0) > 200)
    }
}
