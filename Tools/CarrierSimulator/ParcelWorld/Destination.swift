/// A country parcels are generated for, with the ways carriers print it.
struct Destination: Sendable, Hashable {
    /// ISO 3166-1 alpha-2.
    var code: String
    /// The name `Policy/countries.json` gives the code, as an order export might spell it.
    var englishName: String
    /// The name China Post prints in Chinese.
    var chineseName: String
    /// The main city, upper case, as EMS and English China Post pages print it.
    var city: String
    /// A typical offset from UTC in hours, to keep deliveries in the daytime.
    var utcOffsetHours: Int
    /// The row of the store's shipping table (`Policy/countries.json`).
    var region: DestinationRegion
    /// Relative share of ePacket parcels going there.
    var epacketWeight: Int
    /// Relative share of EMS parcels going there.
    var emsWeight: Int
}

/// The rows of the store's shipping table, named as in `Policy/countries.json`.
enum DestinationRegion: String, Sendable, Hashable, CaseIterable {
    case unitedStates = "united_states"
    case canadaEurope = "canada_europe"
    case australiaNewZealand = "australia_new_zealand"
    case centralSouthAmerica = "central_south_america"
    case asia
    case africa
    case notServed = "not_served"
}

extension Destination {
    /// Every destination parcels are generated for: each region of the store's table, and a few countries the
    /// store does not serve (orders still reach them by mistake).
    static let all: [Destination] = [
        // United States (USPS and two-leg ePacket; the territories are USPS only).
        .init("US", "United States", "美国", "NEW YORK", -5, .unitedStates, 3_400, 1_500),
        .init("PR", "Puerto Rico", "波多黎各", "SAN JUAN", -4, .unitedStates, 0, 0),
        .init("GU", "Guam", "关岛", "HAGATNA", 10, .unitedStates, 0, 0),
        .init("VI", "Virgin Islands, U.S.", "美属维尔京群岛", "CHARLOTTE AMALIE", -4, .unitedStates, 0, 0),
        // Canada, Europe.
        .init("CA", "Canada", "加拿大", "TORONTO", -5, .canadaEurope, 400, 400),
        .init("GB", "United Kingdom", "英国", "LONDON", 0, .canadaEurope, 600, 700),
        .init("DE", "Germany", "德国", "FRANKFURT", 1, .canadaEurope, 500, 600),
        .init("FR", "France", "法国", "PARIS", 1, .canadaEurope, 400, 500),
        .init("ES", "Spain", "西班牙", "MADRID", 1, .canadaEurope, 200, 200),
        .init("IT", "Italy", "意大利", "MILAN", 1, .canadaEurope, 200, 200),
        .init("NL", "Netherlands", "荷兰", "AMSTERDAM", 1, .canadaEurope, 120, 150),
        .init("BE", "Belgium", "比利时", "BRUSSELS", 1, .canadaEurope, 60, 60),
        .init("PL", "Poland", "波兰", "WARSAW", 1, .canadaEurope, 80, 60),
        .init("SE", "Sweden", "瑞典", "STOCKHOLM", 1, .canadaEurope, 60, 60),
        .init("NO", "Norway", "挪威", "OSLO", 1, .canadaEurope, 40, 50),
        .init("DK", "Denmark", "丹麦", "COPENHAGEN", 1, .canadaEurope, 40, 40),
        .init("FI", "Finland", "芬兰", "HELSINKI", 2, .canadaEurope, 30, 30),
        .init("IE", "Ireland", "爱尔兰", "DUBLIN", 0, .canadaEurope, 50, 40),
        .init("AT", "Austria", "奥地利", "VIENNA", 1, .canadaEurope, 40, 50),
        .init("CH", "Switzerland", "瑞士", "ZURICH", 1, .canadaEurope, 40, 80),
        .init("PT", "Portugal", "葡萄牙", "LISBON", 0, .canadaEurope, 40, 30),
        .init("CZ", "Czechia", "捷克", "PRAGUE", 1, .canadaEurope, 30, 30),
        .init("GR", "Greece", "希腊", "ATHENS", 2, .canadaEurope, 30, 30),
        .init("HU", "Hungary", "匈牙利", "BUDAPEST", 1, .canadaEurope, 20, 20),
        .init("RO", "Romania", "罗马尼亚", "BUCHAREST", 2, .canadaEurope, 30, 20),
        .init("RU", "Russian Federation", "俄罗斯", "MOSCOW", 3, .canadaEurope, 120, 100),
        .init("UA", "Ukraine", "乌克兰", "KYIV", 2, .canadaEurope, 40, 20),
        .init("TR", "Türkiye", "土耳其", "ISTANBUL", 3, .canadaEurope, 40, 40),
        // Australia, New Zealand.
        .init("AU", "Australia", "澳大利亚", "SYDNEY", 10, .australiaNewZealand, 600, 600),
        .init("NZ", "New Zealand", "新西兰", "AUCKLAND", 12, .australiaNewZealand, 150, 150),
        .init("FJ", "Fiji", "斐济", "SUVA", 12, .australiaNewZealand, 20, 20),
        // Central & South America.
        .init("BR", "Brazil", "巴西", "SAO PAULO", -3, .centralSouthAmerica, 400, 250),
        .init("MX", "Mexico", "墨西哥", "MEXICO CITY", -6, .centralSouthAmerica, 300, 250),
        .init("CL", "Chile", "智利", "SANTIAGO", -4, .centralSouthAmerica, 150, 100),
        .init("AR", "Argentina", "阿根廷", "BUENOS AIRES", -3, .centralSouthAmerica, 80, 60),
        .init("CO", "Colombia", "哥伦比亚", "BOGOTA", -5, .centralSouthAmerica, 80, 60),
        .init("PE", "Peru", "秘鲁", "LIMA", -5, .centralSouthAmerica, 50, 40),
        .init("JM", "Jamaica", "牙买加", "KINGSTON", -5, .centralSouthAmerica, 20, 20),
        .init("CR", "Costa Rica", "哥斯达黎加", "SAN JOSE", -6, .centralSouthAmerica, 20, 20),
        // Asia.
        .init("JP", "Japan", "日本", "TOKYO", 9, .asia, 200, 400),
        .init("KR", "South Korea", "韩国", "SEOUL", 9, .asia, 150, 300),
        .init("SG", "Singapore", "新加坡", "SINGAPORE", 8, .asia, 100, 200),
        .init("MY", "Malaysia", "马来西亚", "KUALA LUMPUR", 8, .asia, 100, 120),
        .init("TH", "Thailand", "泰国", "BANGKOK", 7, .asia, 100, 120),
        .init("PH", "Philippines", "菲律宾", "MANILA", 8, .asia, 100, 100),
        .init("VN", "Vietnam", "越南", "HO CHI MINH CITY", 7, .asia, 50, 80),
        .init("ID", "Indonesia", "印度尼西亚", "JAKARTA", 7, .asia, 50, 80),
        .init("IN", "India", "印度", "MUMBAI", 5, .asia, 50, 80),
        .init("IL", "Israel", "以色列", "TEL AVIV", 2, .asia, 80, 80),
        .init("AE", "United Arab Emirates", "阿联酋", "DUBAI", 4, .asia, 60, 120),
        .init("SA", "Saudi Arabia", "沙特阿拉伯", "RIYADH", 3, .asia, 50, 100),
        .init("KZ", "Kazakhstan", "哈萨克斯坦", "ALMATY", 5, .asia, 30, 40),
        // Africa.
        .init("ZA", "South Africa", "南非", "JOHANNESBURG", 2, .africa, 150, 150),
        .init("NG", "Nigeria", "尼日利亚", "LAGOS", 1, .africa, 100, 120),
        .init("KE", "Kenya", "肯尼亚", "NAIROBI", 3, .africa, 70, 70),
        .init("EG", "Egypt", "埃及", "CAIRO", 2, .africa, 60, 60),
        .init("MA", "Morocco", "摩洛哥", "CASABLANCA", 1, .africa, 50, 50),
        .init("GH", "Ghana", "加纳", "ACCRA", 0, .africa, 40, 40),
        .init("ET", "Ethiopia", "埃塞俄比亚", "ADDIS ABABA", 3, .africa, 20, 30),
        .init("TZ", "Tanzania", "坦桑尼亚", "DAR ES SALAAM", 3, .africa, 20, 20),
        // Not served by the store: orders still arrive for them, and some are shipped by mistake.
        .init("CU", "Cuba", "古巴", "HAVANA", -5, .notServed, 50, 20),
        .init("IR", "Iran", "伊朗", "TEHRAN", 3, .notServed, 50, 30),
        .init("SY", "Syria", "叙利亚", "DAMASCUS", 3, .notServed, 30, 10),
    ]

    /// Indices into ``all`` by ePacket weight.
    static let epacketTable = WeightedTable(Self.all.indices.map { ($0, Self.all[$0].epacketWeight) })
    /// Indices into ``all`` by EMS weight.
    static let emsTable = WeightedTable(Self.all.indices.map { ($0, Self.all[$0].emsWeight) })
    /// USPS parcels go to the United States and its territories.
    static let uspsTable = WeightedTable([(0, 960), (1, 25), (2, 8), (3, 7)])

    private init(
        _ code: String, _ englishName: String, _ chineseName: String, _ city: String, _ utcOffsetHours: Int,
        _ region: DestinationRegion, _ epacketWeight: Int, _ emsWeight: Int
    ) {
        self.init(
            code: code, englishName: englishName, chineseName: chineseName, city: city,
            utcOffsetHours: utcOffsetHours, region: region, epacketWeight: epacketWeight, emsWeight: emsWeight
        )
    }
}
