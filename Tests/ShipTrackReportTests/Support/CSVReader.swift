/// A strict RFC 4180 reader for checking what the writer produced: records end with CRLF, quoted fields may hold
/// commas, quotes (doubled) and line breaks. Returns `nil` for anything RFC 4180 does not allow.
enum CSVReader {
    static func records(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var atFieldStart = true
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        scalars.removeFirst()
                    } else {
                        quoted = false
                        // After a closing quote only a separator or the record's end may follow.
                        guard scalars.first == "," || scalars.first == "\r" || scalars.isEmpty else { return nil }
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard atFieldStart else { return nil }
                quoted = true
                atFieldStart = false
            case ",":
                record.append(field)
                field = ""
                atFieldStart = true
            case "\r":
                guard scalars.popFirst() == "\n" else { return nil }
                record.append(field)
                records.append(record)
                record = []
                field = ""
                atFieldStart = true
            case "\n":
                return nil  // a bare LF outside quotes
            default:
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        guard !quoted, field.isEmpty, record.isEmpty else { return nil }  // the last record ends with CRLF
        return records
    }
}
