/// A bot-protection answer given instead of a tracking page.
enum PageBlock: Sendable, Hashable {
    /// Akamai in front of USPS.
    case akamai(CarrierSimulator.USPSPageBlock)
    /// China Post's slider CAPTCHA.
    case chinaPost(CarrierSimulator.ChinaPostPageBlock)
}
