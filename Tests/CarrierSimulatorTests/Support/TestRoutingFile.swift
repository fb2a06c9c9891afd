/// Routing files for the tests.
enum TestRoutingFile {
    static let uspsPath = "/go/TrackConfirmAction"
    static let emsPath = "/ems/track"

    /// A GET carrier (USPS) and a POST carrier (EMS), and one special number per fault.
    static let standard = """
        {
          "carriers": [
            { "id": "usps", "path": "/go/TrackConfirmAction", "number_parameter": "tLabels", "method": "GET",
              "content_type": "text/html; charset=utf-8", "directory": "usps", "extension": "html",
              "unknown_number_file": "not-found.html" },
            { "id": "ems", "path": "/ems/track", "number_parameter": "mailNum", "method": "POST",
              "content_type": "application/xml; charset=utf-8", "directory": "ems", "extension": "xml",
              "unknown_number_file": "not-found.xml" }
          ],
          "special_numbers": {
            "STATUS503": { "fault": "status", "status": 503, "retry_after": 120 },
            "STATUSPAGE": { "fault": "status", "status": 503, "file": "maintenance.html" },
            "EMPTY1": { "fault": "empty" },
            "TRUNCATED1": { "fault": "truncated" },
            "GARBAGE1": { "fault": "garbage", "bytes": 512 },
            "TIMEOUT1": { "fault": "timeout" },
            "RESET1": { "fault": "reset" },
            "OVERSIZED1": { "fault": "oversized", "bytes": 6000000 },
            "GZIP1": { "fault": "gzip", "file": "alias.html" },
            "GZIPPRE": { "fault": "gzip", "file": "precompressed.html" },
            "alias1": { "file": "alias.html", "note": "lower case on purpose: keys are normalised" }
          }
        }
        """

    /// A routing file with just these carrier entries.
    static func carriers(_ entries: String...) -> String {
        """
        { "carriers": [ \(entries.joined(separator: ", ")) ] }
        """
    }

    /// A valid USPS carrier entry, with `key` given the JSON `replacement` (or removed when it is `nil`), and
    /// `extra` appended inside the object (start it with a comma).
    static func uspsEntry(replacing key: String? = nil, with replacement: String? = nil, extra: String = "") -> String {
        var fields = [
            "id": "\"usps\"", "path": "\"/go/TrackConfirmAction\"", "number_parameter": "\"tLabels\"",
            "method": "\"GET\"", "content_type": "\"text/html\"", "directory": "\"usps\"", "extension": "\"html\"",
            "unknown_number_file": "\"not-found.html\"",
        ]
        if let key {
            fields[key] = replacement
        }
        let body = fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        return "{ \(body)\(extra) }"
    }

    /// A routing file with the valid USPS carrier and one special number entry.
    static func special(_ number: String, _ entry: String) -> String {
        """
        { "carriers": [ \(uspsEntry()) ], "special_numbers": { "\(number)": \(entry) } }
        """
    }
}
