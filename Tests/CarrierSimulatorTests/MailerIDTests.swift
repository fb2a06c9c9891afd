import Foundation
import Testing

@testable import CarrierSimulator

/// The USPS Mailer ID rule: which IMpb numbers the USPS API's test client may track, and how sample numbers and
/// order files mix in numbers outside it only when asked.
@Suite
struct MailerIDTests {
    @Test(arguments: [
        ("9400100000000000000051", "000000", true),
        ("9400111899223197428490", "118992", true),
        ("9205590164917312751089", "901649173", true),
        ("9400180000000000000008", "800000", false),
        ("420902109400180000000000000008", "800000", false),
    ] as [(String, String?, Bool)])
    func theMailerIDIsReadFromTheIMpbLayout(number: String, mid: String?, authorized: Bool) {
        #expect(MailerID(impb: Array(number.utf8))?.digits == mid)
        #expect(MailerID.isAuthorized(number) == authorized)
    }

    @Test func legacyAndNonIMpbNumbersCountAsInside() {
        #expect(MailerID(impb: Array("LX100077775CN".utf8)) == nil)
        #expect(MailerID.isAuthorized("LX100077775CN"))
        #expect(MailerID.isAuthorized("70031640000000000000"))
    }

    @Test func orderFilesMixInOutsideNumbersOnlyWhenAsked() throws {
        let day = CalendarDay(year: 2026, month: 11, day: 20)!
        func numbers(share: Double) throws -> [String] {
            let text = try OrderFileGenerator(
                options: .init(shipmentCount: 600, simulatedDate: day, seed: 9, uspsOutsideMailerIDShare: share)
            ).text()
            return text.split(separator: "\n").dropFirst().flatMap { line in
                line.split(separator: ",", omittingEmptySubsequences: false).dropFirst().first.map { $0.split(separator: ";").map(String.init) } ?? []
            }
        }
        let plain = try numbers(share: 0)
        let mixed = try numbers(share: 0.5)
        let usps = { (list: [String]) in list.filter { $0.hasPrefix("9") } }
        #expect(!usps(plain).isEmpty)
        #expect(usps(plain).allSatisfy { MailerID.isAuthorized($0) })
        let outside = usps(mixed).filter { !MailerID.isAuthorized($0) }
        #expect(!outside.isEmpty && outside.count < usps(mixed).count)
        // They are valid numbers with parcels in the same world.
        #expect(outside.allSatisfy { GeneratedParcel(number: $0, simulatedDate: day) != nil })
        // Without the option the file is what it always was.
        let again = try OrderFileGenerator(options: .init(shipmentCount: 600, simulatedDate: day, seed: 9)).text()
        #expect(try OrderFileGenerator(options: .init(shipmentCount: 600, simulatedDate: day, seed: 9, uspsOutsideMailerIDShare: 0)).text() == again)
    }
}
