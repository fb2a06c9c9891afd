import NIOCore

extension SocketAddress {
    /// Whether this is a loopback address (`127.0.0.0/8`, `::1`, or an IPv4-mapped `::ffff:127.x.x.x`), the only
    /// kind the simulator listens on unless told otherwise.
    var isLoopback: Bool {
        guard let ipAddress = self.ipAddress else { return false }
        switch self {
        case .v4:
            return ipAddress.hasPrefix("127.")
        case .v6:
            let lowercased = ipAddress.lowercased()
            return lowercased == "::1" || lowercased.hasPrefix("::ffff:127.")
        case .unixDomainSocket:
            return false
        }
    }
}
