/// 17TRACK's error codes and their texts (help centre wording, `/work/research/17track-ems/notes-17track.md` §2).
enum Track17Error: Int, Error, Sendable {
    case ipNotWhitelisted = -18010001
    case invalidKey = -18010002
    case invalidFormat = -18010012
    case invalidData = -18010013
    case tooManyNumbers = -18010014
    case ambiguousOldCarrier = -18019801
    case invalidNewCarrier = -18019802
    case sameCarrier = -18019803
    case newCarrierMissing = -18019804
    case notRegisteredUnderOldCarrier = -18019805
    case changeOfStoppedNumber = -18019806
    case tooManyCarrierChanges = -18019807
    case alreadyRegistered = -18019901
    case notRegistered = -18019902
    case carrierUndetectable = -18019903
    case retrackNotStopped = -18019904
    case retrackedAlready = -18019905
    case stopNotTracking = -18019906
    case quotaUsedUp = -18019908
    case noTrackingInfoYet = -18019909
    case invalidCarrier = -18019910

    /// The message, with `number` where the text names it.
    func message(number: String) -> String {
        switch self {
        case .ipNotWhitelisted: "IP is not in the whitelist. Set it in the dashboard."
        case .invalidKey: "Invalid security key."
        case .invalidFormat: "The format of '\(number)' is invalid."
        case .invalidData: "Submitted data is invalid."
        case .tooManyNumbers: "Tracking numbers exceed the 40 limit."
        case .ambiguousOldCarrier: "The old carrier of tracking number \(number) cannot be determined. Give carrier_old."
        case .invalidNewCarrier: "The value of carrier_new is invalid."
        case .sameCarrier: "The new carrier is the same as the old one."
        case .newCarrierMissing: "Give carrier_new to change the carrier."
        case .notRegisteredUnderOldCarrier: "Tracking number \(number) is not registered under carrier_old."
        case .changeOfStoppedNumber: "The carrier of a stopped number cannot be changed."
        case .tooManyCarrierChanges: "The carrier of a number can be changed at most 5 times."
        case .alreadyRegistered: "Tracking number \(number) is already registered."
        case .notRegistered: "Tracking number \(number) is not registered yet. Register first."
        case .carrierUndetectable: "The carrier of tracking number \(number) cannot be detected. Give a carrier code."
        case .retrackNotStopped: "Only stopped numbers can be re-tracked."
        case .retrackedAlready: "A number can be re-tracked only once."
        case .stopNotTracking: "Only numbers being tracked can be stopped."
        case .quotaUsedUp: "Your quotas have run out."
        case .noTrackingInfoYet: "No tracking info at the moment."
        case .invalidCarrier: "The carrier code \(number) is incorrect."
        }
    }
}

/// 17TRACK's whole-call answers.
enum Track17Body {
    /// `{"code": <code>, "data": {"errors": [{"code": <code>, "message": ...}]}}`: a failed call (key, IP), `code`
    /// repeating the error.
    static func failure(_ error: Track17Error) -> [UInt8] {
        Self.errors(envelopeCode: error.rawValue, errorCode: error.rawValue, message: error.message(number: ""))
    }

    /// `{"code": 0, "data": {"errors": [...]}}`: a call processed but refused as a whole (invalid data, too many
    /// numbers), the shape two clients call documented.
    static func refused(_ error: Track17Error) -> [UInt8] {
        Self.errors(envelopeCode: 0, errorCode: error.rawValue, message: error.message(number: ""))
    }

    /// The 429 body: not documented; the shape clients have been seen to mock.
    static let rateLimited = Self.errors(envelopeCode: 429, errorCode: 429, message: "Too many requests.")

    /// Any other status (a fault).
    static func status(_ status: Int) -> [UInt8] {
        status == 429
            ? Self.rateLimited
            : Self.errors(envelopeCode: -18010003, errorCode: -18010003, message: "Internal service error. Please retry later.")
    }

    private static func errors(envelopeCode: Int, errorCode: Int, message: String) -> [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        writer.integer("code", envelopeCode)
        writer.beginObject("data")
        writer.beginArray("errors")
        writer.beginObject()
        writer.integer("code", errorCode)
        writer.string("message", message)
        writer.endObject()
        writer.endArray()
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }
}
