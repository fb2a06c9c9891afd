/// The languages of the EMS partner interface's track query (`/track/query/{en|cn}/{number}`).
enum EMSLanguage: String, Sendable, Hashable, CaseIterable {
    /// English remarks, Pinyin addresses.
    case english = "en"
    /// Chinese remarks and addresses.
    case chinese = "cn"

    var other: EMSLanguage {
        self == .english ? .chinese : .english
    }
}
