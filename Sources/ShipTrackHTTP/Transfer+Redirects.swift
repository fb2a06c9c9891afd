/// Which redirects a transfer follows, and how the next request is made.
///
/// libcurl's own following (`CURLOPT_FOLLOWLOCATION`) would go to any host; it is off, and the loop resubmits the
/// transfer itself when ``Transfer/redirectDecision(status:target:)`` says so. The multi handle's connection cache
/// makes the next hop reuse the kept-alive connection.
extension Transfer {
    /// Redirects followed before the next 3xx is returned as it is.
    static let maxRedirects = 5

    /// Why a redirect is not followed (for the debug log; callers see ``HTTPResponse/refusedRedirect``).
    enum RefusalReason: String {
        case tooManyRedirects = "too many redirects"
        case unparseableTarget = "target is not an absolute URL with a host"
        case otherScheme = "target has another scheme"
        case otherOrigin = "target is another origin, not allowed by the request"
    }

    enum RedirectDecision {
        case follow(HTTPRequest)
        case refuse(RefusalReason)
    }

    /// The statuses that redirect; a 300, 304 or other 3xx is an ordinary response even with a `Location`.
    static func isRedirect(status: Int) -> Bool {
        status == 301 || status == 302 || status == 303 || status == 307 || status == 308
    }

    /// Whether to follow a redirect from the current hop to `target` (absolute), and the request for it.
    ///
    /// Followed: the request's own origin (scheme, host, port), or a host in ``HTTPRequest/allowedRedirectHosts``
    /// with the same scheme, at most ``maxRedirects`` times. Like browsers and libcurl, 303 (and 301/302 after a
    /// POST) continue as a GET without the body; 307 and 308 repeat the method and body. Headers that carry one of
    /// the request's secrets, and any `Host`, stay behind when the target is another origin.
    func redirectDecision(status: Int, target: String) -> RedirectDecision {
        guard redirectsFollowed < Self.maxRedirects else { return .refuse(.tooManyRedirects) }
        guard let origin = requestOrigin, let targetOrigin = URLOrigin(target) else {
            return .refuse(.unparseableTarget)
        }
        guard targetOrigin.scheme == origin.scheme else { return .refuse(.otherScheme) }
        let sameOrigin = targetOrigin == origin
        guard sameOrigin || request.allowedRedirectHosts.contains(where: { targetOrigin.hasHost($0) }) else {
            return .refuse(.otherOrigin)
        }
        var next = hop
        next.url = target
        if status == 303 || ((status == 301 || status == 302) && hop.method == .post) {
            next.method = .get
            next.body = nil
            next.headers.removeAll { Self.describesBody($0.name) }
        }
        if !sameOrigin {
            next.headers.removeAll { $0.name.caseInsensitiveEquals("Host") || redactor.appears(in: $0.value) }
        }
        return .follow(next)
    }

    private static func describesBody(_ name: String) -> Bool {
        name.caseInsensitiveEquals("Content-Type") || name.caseInsensitiveEquals("Content-Length")
    }
}
