extension CarrierSimulator {
    /// Bot protection in front of the carriers' tracking pages, as real stores meet it in 2026: USPS's pages sit
    /// behind Akamai, China Post's ask for a CAPTCHA. Off by default. Special numbers in the routing file can
    /// block single numbers while others are served.
    public struct PageBlocking: Sendable, Hashable {
        /// How the USPS page route (carrier `usps` in the routing file) answers every request; `nil` serves pages.
        public var usps: USPSPageBlock?
        /// How the China Post page route (carrier `epacket`) answers every request; `nil` serves pages.
        public var chinaPost: ChinaPostPageBlock?

        public init(usps: USPSPageBlock? = nil, chinaPost: ChinaPostPageBlock? = nil) {
            self.usps = usps
            self.chinaPost = chinaPost
        }
    }

    /// What Akamai answers instead of USPS's tracking page.
    public enum USPSPageBlock: Sendable, Hashable, CustomStringConvertible {
        /// HTTP 403 with Akamai's "Access Denied" page (`Server: AkamaiGHost`, an entity-encoded reference number).
        case accessDenied
        /// HTTP 200 with Akamai Bot Manager's JavaScript challenge page (`sec-if-cpt-container`, "Powered and
        /// protected by Akamai") and a `sec_cpt` cookie.
        case javascriptChallenge
        /// HTTP 302 to a landing page instead of the results: `location` is `/` on the same host, or an absolute URL
        /// to another host (`https://www.usps.com/`), which a careful client refuses to follow.
        case redirect(location: String)

        /// A redirect to USPS's home page on another host.
        public static let redirectToUSPSHome = USPSPageBlock.redirect(location: "https://www.usps.com/")
        /// A redirect to the root of the same host.
        public static let redirectToRoot = USPSPageBlock.redirect(location: "/")

        /// Reads `denied`, `challenge`, `redirect-home` (to `https://www.usps.com/`) or `redirect-root` (to `/`).
        public init?(name: String) {
            switch name.lowercased() {
            case "denied", "access-denied", "403": self = .accessDenied
            case "challenge": self = .javascriptChallenge
            case "redirect-home", "redirect": self = .redirectToUSPSHome
            case "redirect-root": self = .redirectToRoot
            default: return nil
            }
        }

        public var description: String {
            switch self {
            case .accessDenied: "denied"
            case .javascriptChallenge: "challenge"
            case .redirect(let location): location == "/" ? "redirect-root" : "redirect-home (\(location))"
            }
        }
    }

    /// What China Post answers instead of its query results.
    public enum ChinaPostPageBlock: String, Sendable, Hashable, CustomStringConvertible {
        /// HTTP 200 with the slider-CAPTCHA page the query site shows before any result.
        case captcha

        public var description: String {
            self.rawValue
        }
    }
}
