/// What China Post prints for each generated scan, in Chinese and in English, precomputed in UTF-8 and GBK. Every
/// phrase is one `Carriers/epacket.json` maps to the scan's intended status (the tests read every generated page
/// with that definition and check no phrase falls through to `unrecognised`).
enum ChinaPostPhrases {
    /// Chinese phrases for scans that name no place inside the phrase; several for some scans.
    static let chinese: [TimelineStep: [EncodedText]] = Self.encode([
        .label: ["已接收电子信息", "收寄局已收到电子信息"],
        .accepted: ["已收寄", "邮件已收寄"],
        .exportCustoms: ["出口海关已放行", "已交出口海关"],
        .airlineHandover: ["已交航空公司运输"],
        .flightDeparted: ["航空公司已接收"],
        .destinationArrival: ["到达寄达地"],
        .importCustoms: ["交进口海关", "进口海关查验"],
        .customsReleased: ["进口海关放行"],
        .customsHold: ["海关留存", "海关扣留，待补充申报资料"],
        .transitArrive: ["到达处理中心"],
        .transitDepart: ["离开处理中心"],
        .transitOnward: ["离开处理中心 发往投递局"],
        .deliveryOfficeArrive: ["到达投递局"],
        .outForDelivery: ["安排投递"],
        .delivered: ["妥投", "已妥投", "已签收，本人签收"],
        .attemptFailed: ["未妥投 收件人不在", "未妥投 无人签收"],
        .availableForPickup: ["邮件待取 请到投递局领取"],
        .returnToSender: ["退回 收件人拒收", "退回 逾期无人领取"],
        .returning: ["退回邮件 离开处理中心"],
        .returned: ["退回妥投"],
    ])

    /// English phrases, for the English version of the page.
    static let english: [TimelineStep: [EncodedText]] = Self.encode([
        .label: ["Electronic information received"],
        .accepted: ["Posting", "Item accepted"],
        .originArrive: ["Arrival at sorting center"],
        .originDepart: ["Departure from sorting center"],
        .exchangeArrive: ["Arrival at outward office of exchange"],
        .exportCustoms: ["Export customs clearance"],
        .exchangeDepart: ["Departure from outward office of exchange", "Dispatched to destination country"],
        .airlineHandover: ["Handed over to airline"],
        .flightDeparted: ["Departed on flight"],
        .destinationArrival: ["Arrival at destination"],
        .importCustoms: ["Handed over to import customs"],
        .customsReleased: ["Released by import customs"],
        .customsHold: ["Held by customs"],
        .transitArrive: ["Arrival at inward office of exchange", "Arrival at processing center"],
        .transitDepart: ["Departure from processing center"],
        .transitOnward: ["Despatch to delivery office"],
        .deliveryOfficeArrive: ["Arrival at delivery office"],
        .outForDelivery: ["Out for delivery"],
        .delivered: ["Delivered", "Final delivery"],
        .attemptFailed: ["Unsuccessful delivery, recipient absent"],
        .availableForPickup: ["Awaiting collection at delivery office"],
        .returnToSender: ["Return to sender"],
        .returning: ["Item returned, departure from office of exchange"],
        .returned: ["Returned to sender"],
    ])

    /// "到达广州邮件处理中心", by hub.
    static let hubArrivals = ChinaPlace.hubs.map { EncodedText("到达\($0.chineseName)邮件处理中心") }
    /// "离开广州邮件处理中心", by hub.
    static let hubDepartures = ChinaPlace.hubs.map { EncodedText("离开\($0.chineseName)邮件处理中心") }
    /// "到达广州国际邮件互换局", by office of exchange.
    static let exchangeArrivals = ChinaPlace.exchanges.map { EncodedText("到达\($0.chineseName)国际邮件互换局") }
    /// "离开广州国际邮件互换局 发往", by office of exchange; the destination's name follows.
    static let exchangeDepartures = ChinaPlace.exchanges.map { EncodedText("离开\($0.chineseName)国际邮件互换局 发往") }
    /// "广州市", by hub, origin and office of exchange.
    static let hubCities = ChinaPlace.hubs.map { EncodedText("\($0.chineseName)市") }
    static let originCities = ChinaPlace.origins.map { EncodedText("\($0.chineseName)市") }
    static let exchangeCities = ChinaPlace.exchanges.map { EncodedText("\($0.chineseName)市") }
    /// Destination names in Chinese and as English pages print them (the main city), by ISO code.
    static let destinationNames: [String: EncodedText] = Dictionary(
        uniqueKeysWithValues: Destination.all.map { ($0.code, EncodedText($0.chineseName)) }
    )
    static let destinationCities: [String: EncodedText] = Dictionary(
        uniqueKeysWithValues: Destination.all.map { ($0.code, EncodedText($0.city)) }
    )
    static let originNamesEnglish = ChinaPlace.origins.map { EncodedText($0.englishName) }
    static let hubNamesEnglish = ChinaPlace.hubs.map { EncodedText($0.englishName) }
    static let exchangeNamesEnglish = ChinaPlace.exchanges.map { EncodedText($0.englishName) }

    private static func encode(_ table: [TimelineStep: [String]]) -> [TimelineStep: [EncodedText]] {
        table.mapValues { $0.map(EncodedText.init) }
    }
}
