/// The parts of an EMS tracking API response that do not depend on the parcel, built once as UTF-8 bytes: the
/// service notices, the product catalogue and the contact block the API sends with every answer.
enum EMSResponseParts {
    static let declaration: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response>\n".utf8)

    /// Everything after the traces (or the error) up to `</response>`.
    static let trailer: [UInt8] = Array((notices + catalogue + destinationServices + prohibitedItems + contact + "</response>\n").utf8)

    /// Branch office entries; a response lists some of them.
    static let offices: [[UInt8]] = officeList.enumerated().map { index, office in
        Array(
            """
                <office>
                  <officeCode>\(310_000 + index * 1_371)</officeCode>
                  <officeName>\(office.name)</officeName>
                  <officeNameEn>\(office.english)</officeNameEn>
                  <province>\(office.province)</province>
                  <address>\(office.address)</address>
                  <telephone>\(office.phone)</telephone>
                  <businessHours>08:30-17:30</businessHours>
                  <services>EMS;ePacket;InternationalParcel;DomesticParcel</services>
                </office>

            """.utf8
        )
    }

    static let officesStart: [UInt8] = Array("  <nearbyOffices>\n".utf8)
    static let officesEnd: [UInt8] = Array("  </nearbyOffices>\n".utf8)

    private static let notices: String = {
        var xml = "  <serviceNotices>\n"
        for (index, notice) in noticeTexts.enumerated() {
            xml += """
                    <notice>
                      <noticeId>N2023\(String(700 + index))</noticeId>
                      <publishDate>2023-0\(1 + index % 7)-\(10 + index)</publishDate>
                      <level>\(index % 3 == 0 ? "important" : "normal")</level>
                      <titleZh>\(notice.zh)</titleZh>
                      <titleEn>\(notice.en)</titleEn>
                      <url>https://www.ems.com.cn/notice/N2023\(String(700 + index)).html</url>
                    </notice>

                """
        }
        return xml + "  </serviceNotices>\n"
    }()

    private static let noticeTexts: [(zh: String, en: String)] = [
        ("关于调整国际特快专递燃油附加费的公告", "Adjustment of the fuel surcharge for international EMS"),
        ("关于暑期国际航班运力紧张的服务提示", "Service notice: limited international air capacity in summer"),
        ("关于部分国家和地区暂停收寄含锂电池物品的通知", "Suspension of items containing lithium batteries to some destinations"),
        ("关于国际邮件海关申报要求的提示", "Customs declaration requirements for international mail"),
        ("关于端午节假期邮件处理安排的公告", "Mail processing during the Dragon Boat Festival holiday"),
        ("关于防范冒充快递客服诈骗的提示", "Beware of fraud by people posing as courier customer service"),
        ("关于恢复寄往部分国家特快专递业务的公告", "Resumption of EMS service to some destinations"),
        ("关于国际特快专递赔偿标准的说明", "Compensation standards for international EMS"),
        ("关于调整寄往欧洲国家邮件时限的说明", "Updated delivery standards to European destinations"),
        ("关于国际邮件查询系统接口升级的通知", "Upgrade of the international mail tracking interface"),
        ("关于规范跨境电商寄递包装的通知", "Packaging requirements for cross-border e-commerce items"),
        ("关于增加寄往中东地区航班的公告", "Additional flights to the Middle East"),
    ]

    private static let catalogue: String = {
        var xml = "  <productCatalogue>\n"
        for (index, product) in products.enumerated() {
            xml += """
                    <product>
                      <productCode>\(product.code)</productCode>
                      <productName>\(product.zh)</productName>
                      <productNameEn>\(product.en)</productNameEn>
                      <summary>\(product.summary)</summary>
                      <maxWeightKg>\(product.weight)</maxWeightKg>
                      <trackingLevel>\(index % 2 == 0 ? "full" : "milestone")</trackingLevel>
                      <insurance>\(index % 3 == 0 ? "optional" : "included")</insurance>
                    </product>

                """
        }
        return xml + "  </productCatalogue>\n"
    }()

    private static let products: [(code: String, zh: String, en: String, summary: String, weight: Int)] = [
        ("EMS", "国际及港澳台特快专递", "International EMS", "Express door-to-door service to more than 100 destinations with full tracking and a delivery time standard.", 30),
        ("EPK", "e邮宝", "ePacket", "Economical tracked service for light cross-border e-commerce items up to 2 kg.", 2),
        ("CPN", "国际包裹", "International parcel", "Surface, air or economy air parcels for heavier items, with insurance available.", 30),
        ("RGL", "国际挂号小包", "Registered small packet", "Tracked letter post for small items, signature on delivery in most destinations.", 2),
        ("ESB", "e速宝", "e-Express", "Commercial express for e-commerce sellers with customs pre-clearance.", 30),
        ("EZB", "e装宝", "e-Bulk", "Consolidated shipping for batches of small parcels to one destination.", 30),
        ("CEB", "中速快件", "China Express Business", "Express for business documents and samples to key trading partners.", 20),
        ("OWS", "中邮海外仓", "Overseas warehouse", "Storage abroad and local last-mile delivery for e-commerce stock.", 30),
    ]

    /// The EMS delivery standard to each destination, as the API lists it with every answer.
    private static let destinationServices: String = {
        var xml = "  <destinationServices>\n"
        for (index, destination) in Destination.all.enumerated() where destination.region != .notServed {
            let days: String
            switch destination.region {
            case .asia: days = "3-7"
            case .unitedStates, .canadaEurope, .australiaNewZealand: days = "5-10"
            case .centralSouthAmerica: days = "7-15"
            case .africa, .notServed: days = "10-20"
            }
            xml += """
                    <destination code="\(destination.code)" region="\(destination.region.rawValue)">
                      <nameZh>\(destination.chineseName)</nameZh>
                      <nameEn>\(destination.englishName)</nameEn>
                      <standardDays>\(days)</standardDays>
                      <maxWeightKg>\(index % 4 == 0 ? 20 : 30)</maxWeightKg>
                      <customsDeclaration>\(index % 3 == 0 ? "CN23" : "CN22")</customsDeclaration>
                    </destination>

                """
        }
        return xml + "  </destinationServices>\n"
    }()

    private static let prohibitedItems: String = {
        let items = [
            "Firearms, ammunition and replicas", "Explosives and fireworks", "Flammable liquids and gases",
            "Toxic, infectious and radioactive substances", "Corrosive substances", "Narcotics and drug paraphernalia",
            "Counterfeit and pirated goods", "Endangered species and their products", "Cash and bearer securities",
            "Loose lithium batteries and power banks", "Perishable food without an import permit",
        ]
        var xml = "  <prohibitedItems>\n"
        for (index, item) in items.enumerated() {
            xml += "    <item id=\"P\(100 + index)\">\(item)</item>\n"
        }
        return xml + "  </prohibitedItems>\n"
    }()

    private static let contact = """
          <contact>
            <hotline>11183</hotline>
            <hotlineInternational>+86-10-11183</hotlineInternational>
            <email>service@ems.com.cn</email>
            <website>https://www.ems.com.cn</website>
            <complaintUrl>https://www.ems.com.cn/complaint</complaintUrl>
            <disclaimerZh>本查询结果仅供参考，邮件处理信息以实际处理情况为准。寄达国的处理时间已换算为北京时间。</disclaimerZh>
            <disclaimerEn>Tracking information is provided for reference only. Times are shown in Beijing time (UTC+8), including the destination country's scans.</disclaimerEn>
          </contact>

        """

    private static let officeList: [(name: String, english: String, province: String, address: String, phone: String)] = [
        ("上海浦东国际邮件处理中心", "Shanghai Pudong International Mail Center", "上海", "浦东新区机场大道501号", "021-68341234"),
        ("广州国际邮件互换局", "Guangzhou International Office of Exchange", "广东", "白云区机场路1888号", "020-86123456"),
        ("北京国际邮件处理中心", "Beijing International Mail Center", "北京", "朝阳区东坝乡国际邮件处理中心", "010-84321234"),
        ("深圳国际邮件处理中心", "Shenzhen International Mail Center", "广东", "宝安区机场北路邮政大楼", "0755-27771234"),
        ("杭州萧山邮件处理中心", "Hangzhou Xiaoshan Mail Center", "浙江", "萧山区空港大道300号", "0571-82831234"),
        ("义乌国际邮件互换中心", "Yiwu International Mail Exchange", "浙江", "义乌市国际商贸城邮政大楼", "0579-85521234"),
        ("东莞邮件处理中心", "Dongguan Mail Center", "广东", "东莞市南城区邮政路88号", "0769-22881234"),
        ("金华邮件处理中心", "Jinhua Mail Center", "浙江", "金华市婺城区邮政路16号", "0579-82331234"),
        ("莆田邮政速递营业部", "Putian EMS Office", "福建", "莆田市城厢区文献路102号", "0594-26921234"),
        ("郑州国际邮件处理中心", "Zhengzhou International Mail Center", "河南", "航空港区邮政路6号", "0371-56781234"),
    ]
}
