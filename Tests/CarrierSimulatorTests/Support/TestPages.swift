/// The pages the tests' fixtures folder holds, and what the tests expect to read back.
enum TestPages {
    static let delivered = "<html><body>USPS: Delivered 9400111899223197428490</body></html>\n"
    static let uspsNotFound = "<html><body>USPS: status not available</body></html>\n"
    static let alias = "<html><body>USPS: the alias page</body></html>\n"
    static let maintenance = "<html><body>USPS: down for maintenance</body></html>\n"
    static let emsEvents = "<?xml version=\"1.0\"?><events number=\"EE123456789CN\"/>\n"
    static let emsNotFound = "<?xml version=\"1.0\"?><error>not found</error>\n"
    /// Not real gzip: the test only checks that a precompressed file is passed through untouched.
    static let precompressed: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x03]
    /// A file outside every carrier folder, which no request may ever reach.
    static let secret = "secret: never served\n"

    static let standard: [String: [UInt8]] = [
        "usps/9400111899223197428490.html": Array(delivered.utf8),
        "usps/not-found.html": Array(uspsNotFound.utf8),
        "usps/alias.html": Array(alias.utf8),
        "usps/maintenance.html": Array(maintenance.utf8),
        "usps/precompressed.html": Array("<html>the uncompressed page, not to be served</html>".utf8),
        "usps/precompressed.html.gz": precompressed,
        "ems/EE123456789CN.xml": Array(emsEvents.utf8),
        "ems/not-found.xml": Array(emsNotFound.utf8),
        "passwd": Array(secret.utf8),
    ]
}
