extension ChinaPlace {
    /// How the EMS partner interface spells a place in English: province and city in Pinyin, glued, each syllable
    /// capitalised (`GuangDongShengShenZhenShi`), by the place's upper-case English name.
    static let pinyinByEnglishName: [String: String] = [
        "SHENZHEN": "GuangDongShengShenZhenShi", "GUANGZHOU": "GuangDongShengGuangZhouShi",
        "DONGGUAN": "GuangDongShengDongGuanShi", "YIWU": "ZheJiangShengYiWuShi", "HANGZHOU": "ZheJiangShengHangZhouShi",
        "JINHUA": "ZheJiangShengJinHuaShi", "SHANGHAI": "ShangHaiShi", "BEIJING": "BeiJingShi",
        "PUTIAN": "FuJianShengPuTianShi", "WUHAN": "HuBeiShengWuHanShi", "ZHENGZHOU": "HeNanShengZhengZhouShi",
        "NANJING": "JiangSuShengNanJingShi", "SUZHOU": "JiangSuShengSuZhouShi", "CHANGSHA": "HuNanShengChangShaShi",
    ]

    /// The province's ISO 3166-2:CN code (17TRACK's `address.state`), by the place's upper-case English name.
    static let provinceByEnglishName: [String: String] = [
        "SHENZHEN": "GD", "GUANGZHOU": "GD", "DONGGUAN": "GD", "YIWU": "ZJ", "HANGZHOU": "ZJ", "JINHUA": "ZJ",
        "SHANGHAI": "SH", "BEIJING": "BJ", "PUTIAN": "FJ", "WUHAN": "HB", "ZHENGZHOU": "HA", "NANJING": "JS",
        "SUZHOU": "JS", "CHANGSHA": "HN",
    ]

    /// The postal codes of the places, by upper-case English name, for the office codes EMS prints.
    static let postalCodeByEnglishName: [String: String] = Dictionary(
        (ChinaPlace.origins + ChinaPlace.exchanges + ChinaPlace.hubs).map { ($0.englishName, $0.postalCode) },
        uniquingKeysWith: { first, _ in first }
    )
}
