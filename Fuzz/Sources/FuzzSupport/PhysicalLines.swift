import ShipTrackInput

/// A file's physical lines, counted independently of the reader: the model the order-file checks compare against.
struct PhysicalLines {
    struct Line {
        /// Bytes before the line break.
        let length: Int
        /// Only spaces, tabs, CRs and LFs (what JSON Lines skips).
        let isBlank: Bool
        /// Only spaces and tabs (a CSV record of one empty field).
        let isBlankCSV: Bool
        /// Spaces, tabs and CRs before the first other byte.
        let leadingBlanks: Int
    }

    let lines: [Line]
    var count: Int { lines.count }

    /// JSON Lines breaks lines at LF only (a CR is white space inside a line); CSV at LF, CRLF and a lone CR. A UTF-8
    /// byte order mark at the start is not part of line 1.
    init(_ bytes: [UInt8], format: InputFormat) {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var lines: [Line] = []
        var lineStart = start
        var index = start
        func close(_ end: Int) {
            let content = bytes[lineStart..<end]
            lines.append(
                Line(
                    length: end - lineStart,
                    isBlank: content.allSatisfy { [0x20, 0x09, 0x0D, 0x0A].contains($0) },
                    isBlankCSV: content.allSatisfy { $0 == 0x20 || $0 == 0x09 },
                    leadingBlanks: content.prefix { [0x20, 0x09, 0x0D].contains($0) }.count))
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == lineFeed {
                close(index)
                index += 1
                lineStart = index
            } else if byte == carriageReturn && format == .csv {
                close(index)
                index += index + 1 < bytes.count && bytes[index + 1] == lineFeed ? 2 : 1
                lineStart = index
            } else {
                index += 1
            }
        }
        if lineStart < bytes.count { close(bytes.count) }
        self.lines = lines
    }
}
