/// Collapses every run of whitespace (including no-break and ideographic spaces) to one space and trims.
func fold(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
        // ASCII first: Unicode property look-ups are costly and this runs over every field of every event.
        let isSpace =
            scalar.value < 0x80
            ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value))
            : (scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{3000}")
        if isSpace {
            pendingSpace = !result.isEmpty
        } else {
            if pendingSpace { result.unicodeScalars.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}
