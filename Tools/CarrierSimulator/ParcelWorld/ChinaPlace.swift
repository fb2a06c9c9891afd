/// A place in China as China Post and EMS print it.
struct ChinaPlace: Sendable, Hashable {
    /// The city without 市, as in "到达广州邮件处理中心".
    var chineseName: String
    /// Upper case, as English pages and EMS print it.
    var englishName: String
    /// The city's postal code, which EMS sometimes prints instead of a name.
    var postalCode: String
    /// Index into ``exchanges``: the office of exchange its international mail leaves through.
    var exchange: Int

    /// Where the store's China warehouse and its suppliers post parcels.
    static let origins: [ChinaPlace] = [
        .init(chineseName: "深圳", englishName: "SHENZHEN", postalCode: "518000", exchange: 0),
        .init(chineseName: "广州", englishName: "GUANGZHOU", postalCode: "510000", exchange: 0),
        .init(chineseName: "东莞", englishName: "DONGGUAN", postalCode: "523000", exchange: 0),
        .init(chineseName: "义乌", englishName: "YIWU", postalCode: "322000", exchange: 1),
        .init(chineseName: "杭州", englishName: "HANGZHOU", postalCode: "310000", exchange: 1),
        .init(chineseName: "金华", englishName: "JINHUA", postalCode: "321000", exchange: 1),
        .init(chineseName: "上海", englishName: "SHANGHAI", postalCode: "200120", exchange: 1),
        .init(chineseName: "北京", englishName: "BEIJING", postalCode: "100000", exchange: 2),
        .init(chineseName: "莆田", englishName: "PUTIAN", postalCode: "351100", exchange: 0),
    ]

    /// China Post's international offices of exchange.
    static let exchanges: [ChinaPlace] = [
        .init(chineseName: "广州", englishName: "GUANGZHOU", postalCode: "510600", exchange: 0),
        .init(chineseName: "上海", englishName: "SHANGHAI", postalCode: "200940", exchange: 1),
        .init(chineseName: "北京", englishName: "BEIJING", postalCode: "100025", exchange: 2),
    ]

    /// Sorting centers parcels pass between the origin and the office of exchange.
    static let hubs: [ChinaPlace] = [
        .init(chineseName: "广州", englishName: "GUANGZHOU", postalCode: "510000", exchange: 0),
        .init(chineseName: "深圳", englishName: "SHENZHEN", postalCode: "518000", exchange: 0),
        .init(chineseName: "东莞", englishName: "DONGGUAN", postalCode: "523000", exchange: 0),
        .init(chineseName: "杭州", englishName: "HANGZHOU", postalCode: "310000", exchange: 1),
        .init(chineseName: "金华", englishName: "JINHUA", postalCode: "321000", exchange: 1),
        .init(chineseName: "上海", englishName: "SHANGHAI", postalCode: "200000", exchange: 1),
        .init(chineseName: "北京", englishName: "BEIJING", postalCode: "100000", exchange: 2),
        .init(chineseName: "武汉", englishName: "WUHAN", postalCode: "430000", exchange: 0),
        .init(chineseName: "郑州", englishName: "ZHENGZHOU", postalCode: "450000", exchange: 2),
        .init(chineseName: "南京", englishName: "NANJING", postalCode: "210000", exchange: 1),
        .init(chineseName: "苏州", englishName: "SUZHOU", postalCode: "215000", exchange: 1),
        .init(chineseName: "长沙", englishName: "CHANGSHA", postalCode: "410000", exchange: 0),
    ]
}
