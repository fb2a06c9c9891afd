/// The US time zones generated USPS events happen in, with the rule USPS pages follow: each event is printed in the
/// local time of its place. Daylight saving time follows the US rule in force since 2007 (second Sunday in March to
/// first Sunday in November, at 02:00 local time), which is what the IANA zones the client uses say for those years.
enum USZone: Sendable, Hashable {
    case eastern
    case central
    case mountain
    /// Arizona: Mountain Standard Time all year.
    case arizona
    case pacific
    case alaska
    /// Hawaii: no daylight saving time.
    case hawaii
    /// Puerto Rico and the US Virgin Islands: Atlantic Standard Time all year.
    case atlantic
    /// Guam: UTC+10 all year.
    case chamorro
    /// Not a US zone: China, for the "Origin Post is Preparing Shipment" scan USPS prints in China's time.
    case china

    private var standardOffset: Int {
        switch self {
        case .eastern: -5 * 3_600
        case .central: -6 * 3_600
        case .mountain, .arizona: -7 * 3_600
        case .pacific: -8 * 3_600
        case .alaska: -9 * 3_600
        case .hawaii: -10 * 3_600
        case .atlantic: -4 * 3_600
        case .chamorro: 10 * 3_600
        case .china: 8 * 3_600
        }
    }

    private var observesDaylightSavingTime: Bool {
        switch self {
        case .eastern, .central, .mountain, .pacific, .alaska: true
        case .arizona, .hawaii, .atlantic, .chamorro, .china: false
        }
    }

    /// The offset from UTC, in seconds, at `instant` (seconds since 1970).
    func offset(at instant: Int) -> Int {
        let standard = self.standardOffset
        guard self.observesDaylightSavingTime else { return standard }
        let year = CivilCalendar.civil(fromDays: CivilCalendar.floorDivide(instant + standard, 86_400)).year
        // 02:00 local standard time on the second Sunday of March; 02:00 local daylight time (01:00 standard) on
        // the first Sunday of November.
        let start = Self.sunday(year: year, month: 3, ordinal: 2) * 86_400 + 2 * 3_600 - standard
        let end = Self.sunday(year: year, month: 11, ordinal: 1) * 86_400 + 1 * 3_600 - standard
        return instant >= start && instant < end ? standard + 3_600 : standard
    }

    /// The day number (since 1970) of the `ordinal`-th Sunday of the month.
    private static func sunday(year: Int, month: Int, ordinal: Int) -> Int {
        let first = CivilCalendar.days(year: year, month: month, day: 1)
        let weekday = CivilCalendar.weekday(fromDays: first)
        return first + (7 - weekday) % 7 + 7 * (ordinal - 1)
    }
}

/// A US place USPS delivers to, with the facilities its mail passes through.
struct USPlace: Sendable, Hashable {
    var city: String
    var state: String
    var zip: String
    var zone: USZone
    /// The regional distribution center serving it, as USPS prints it.
    var facility: String
    /// The International Service Center inbound mail for it is processed at, as USPS prints it.
    var serviceCenter: String

    /// `CITY, ST 12345`, as USPS prints a post office.
    var postOffice: String { "\(self.city), \(self.state) \(self.zip)" }

    static let eastCoastCenter = "ISC NEW YORK NY (USPS)"
    static let westCoastCenter = "ISC LOS ANGELES CA (USPS)"
    static let midwestCenter = "ISC CHICAGO IL (USPS)"
    static let southCenter = "ISC MIAMI FL (USPS)"
    static let pacificCenter = "ISC SAN FRANCISCO CA (USPS)"

    /// Places in the 50 states and DC.
    static let states: [USPlace] = [
        .init("BRONX", "NY", "10467", .eastern, "NEW YORK NY DISTRIBUTION CENTER", eastCoastCenter),
        .init("BROOKLYN", "NY", "11201", .eastern, "BROOKLYN NY DISTRIBUTION CENTER", eastCoastCenter),
        .init("NEWARK", "NJ", "07102", .eastern, "KEARNY NJ DISTRIBUTION CENTER", eastCoastCenter),
        .init("BOSTON", "MA", "02118", .eastern, "BOSTON MA DISTRIBUTION CENTER", eastCoastCenter),
        .init("PHILADELPHIA", "PA", "19104", .eastern, "PHILADELPHIA PA DISTRIBUTION CENTER", eastCoastCenter),
        .init("WASHINGTON", "DC", "20002", .eastern, "WASHINGTON DC DISTRIBUTION CENTER", eastCoastCenter),
        .init("MIAMI", "FL", "33130", .eastern, "MIAMI FL DISTRIBUTION CENTER", southCenter),
        .init("ORLANDO", "FL", "32801", .eastern, "ORLANDO FL DISTRIBUTION CENTER", southCenter),
        .init("ATLANTA", "GA", "30303", .eastern, "ATLANTA GA DISTRIBUTION CENTER", southCenter),
        .init("CHARLOTTE", "NC", "28202", .eastern, "CHARLOTTE NC DISTRIBUTION CENTER", eastCoastCenter),
        .init("COLUMBUS", "OH", "43215", .eastern, "COLUMBUS OH DISTRIBUTION CENTER", midwestCenter),
        .init("DETROIT", "MI", "48201", .eastern, "DETROIT MI DISTRIBUTION CENTER", midwestCenter),
        .init("CHICAGO", "IL", "60607", .central, "CHICAGO IL DISTRIBUTION CENTER", midwestCenter),
        .init("HOUSTON", "TX", "77002", .central, "NORTH HOUSTON TX DISTRIBUTION CENTER", westCoastCenter),
        .init("DALLAS", "TX", "75201", .central, "DALLAS TX DISTRIBUTION CENTER", westCoastCenter),
        .init("AUSTIN", "TX", "78701", .central, "AUSTIN TX DISTRIBUTION CENTER", westCoastCenter),
        .init("MINNEAPOLIS", "MN", "55401", .central, "MINNEAPOLIS MN DISTRIBUTION CENTER", midwestCenter),
        .init("NASHVILLE", "TN", "37203", .central, "NASHVILLE TN DISTRIBUTION CENTER", midwestCenter),
        .init("KANSAS CITY", "MO", "64106", .central, "KANSAS CITY MO DISTRIBUTION CENTER", midwestCenter),
        .init("MILWAUKEE", "WI", "53202", .central, "MILWAUKEE WI DISTRIBUTION CENTER", midwestCenter),
        .init("DENVER", "CO", "80202", .mountain, "DENVER CO DISTRIBUTION CENTER", westCoastCenter),
        .init("SALT LAKE CITY", "UT", "84101", .mountain, "SALT LAKE CITY UT DISTRIBUTION CENTER", westCoastCenter),
        .init("ALBUQUERQUE", "NM", "87102", .mountain, "ALBUQUERQUE NM DISTRIBUTION CENTER", westCoastCenter),
        .init("PHOENIX", "AZ", "85004", .arizona, "PHOENIX AZ DISTRIBUTION CENTER", westCoastCenter),
        .init("LOS ANGELES", "CA", "90012", .pacific, "LOS ANGELES CA DISTRIBUTION CENTER", westCoastCenter),
        .init("BURBANK", "CA", "91505", .pacific, "SANTA CLARITA CA DISTRIBUTION CENTER", westCoastCenter),
        .init("SAN DIEGO", "CA", "92101", .pacific, "SAN DIEGO CA DISTRIBUTION CENTER", westCoastCenter),
        .init("SAN JOSE", "CA", "95113", .pacific, "SAN JOSE CA DISTRIBUTION CENTER", pacificCenter),
        .init("SEATTLE", "WA", "98101", .pacific, "SEATTLE WA DISTRIBUTION CENTER", pacificCenter),
        .init("PORTLAND", "OR", "97205", .pacific, "PORTLAND OR DISTRIBUTION CENTER", pacificCenter),
        .init("LAS VEGAS", "NV", "89101", .pacific, "LAS VEGAS NV DISTRIBUTION CENTER", westCoastCenter),
        .init("ANCHORAGE", "AK", "99501", .alaska, "ANCHORAGE AK DISTRIBUTION CENTER", pacificCenter),
        .init("HONOLULU", "HI", "96813", .hawaii, "HONOLULU HI DISTRIBUTION CENTER", pacificCenter),
    ]

    /// Places in the territories USPS serves as domestic mail, by destination code.
    static let territories: [String: [USPlace]] = [
        "PR": [
            .init("SAN JUAN", "PR", "00901", .atlantic, "SAN JUAN PR DISTRIBUTION CENTER", southCenter),
            .init("BAYAMON", "PR", "00961", .atlantic, "SAN JUAN PR DISTRIBUTION CENTER", southCenter),
        ],
        "GU": [.init("HAGATNA", "GU", "96910", .chamorro, "BARRIGADA GU DISTRIBUTION CENTER", pacificCenter)],
        "VI": [.init("CHARLOTTE AMALIE", "VI", "00802", .atlantic, "ST THOMAS VI DISTRIBUTION CENTER", southCenter)],
    ]

    /// The store's US warehouse, where USPS parcels start.
    static let warehouses: [USPlace] = [
        .init("CITY OF INDUSTRY", "CA", "91715", .pacific, "SANTA CLARITA CA NETWORK DISTRIBUTION CENTER", westCoastCenter),
        .init("ONTARIO", "CA", "91761", .pacific, "SAN BERNARDINO CA DISTRIBUTION CENTER", westCoastCenter),
    ]

    /// Network hubs mail passes between the origin and the destination facility, with their zones.
    static let hubs: [(name: String, zone: USZone)] = [
        ("SANTA CLARITA CA NETWORK DISTRIBUTION CENTER", .pacific),
        ("PHOENIX AZ DISTRIBUTION CENTER", .arizona),
        ("DALLAS TX NETWORK DISTRIBUTION CENTER", .central),
        ("MEMPHIS TN NETWORK DISTRIBUTION CENTER", .central),
        ("CHICAGO IL NETWORK DISTRIBUTION CENTER", .central),
        ("ATLANTA GA NETWORK DISTRIBUTION CENTER", .eastern),
        ("JERSEY CITY NJ NETWORK DISTRIBUTION CENTER", .eastern),
        ("DENVER CO NETWORK DISTRIBUTION CENTER", .mountain),
        ("SEATTLE WA NETWORK DISTRIBUTION CENTER", .pacific),
        ("KANSAS CITY KS NETWORK DISTRIBUTION CENTER", .central),
        ("PITTSBURGH PA NETWORK DISTRIBUTION CENTER", .eastern),
        ("GREENSBORO NC NETWORK DISTRIBUTION CENTER", .eastern),
    ]

    /// The zone of a service center, by its name.
    static func zone(ofServiceCenter name: String) -> USZone {
        switch name {
        case eastCoastCenter: .eastern
        case midwestCenter: .central
        case southCenter: .eastern
        default: .pacific
        }
    }

    private init(
        _ city: String, _ state: String, _ zip: String, _ zone: USZone, _ facility: String, _ serviceCenter: String
    ) {
        self.city = city
        self.state = state
        self.zip = zip
        self.zone = zone
        self.facility = facility
        self.serviceCenter = serviceCenter
    }
}
