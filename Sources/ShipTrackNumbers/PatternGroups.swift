/// The capture groups of a pattern, read from its text.
///
/// `NSRegularExpression` can count capture groups but cannot list their names, and asking a match for a name the
/// pattern lacks raises an Objective-C exception on Darwin. So names are read here, once, and the matcher uses
/// group numbers. The count is compared with ICU's at load time, so a pattern this scanner misreads is rejected
/// instead of being matched with the wrong groups.
struct PatternGroups: Hashable, Sendable {
    /// Named groups and their numbers, as `NSTextCheckingResult.range(at:)` numbers them (from 1).
    var numbers: [String: Int] = [:]
    /// How many capturing groups, named or not, the pattern has.
    var captureCount = 0
    /// Hints about why ICU may have rejected the pattern (its own error carries no detail).
    var hints: [String] = []

    init(scanning pattern: String) {
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        var openGroups = 0
        var classDepth = 0
        func at(_ offset: Int) -> Unicode.Scalar? {
            scalars.indices.contains(index + offset) ? scalars[index + offset] : nil
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                if at(1) == "Q" {
                    // \Q...\E quotes everything up to \E.
                    index += 2
                    while index < scalars.count, !(scalars[index] == "\\" && at(1) == "E") { index += 1 }
                }
                index += 2
                continue
            }
            if classDepth > 0 {
                if scalar == "[" { classDepth += 1 } else if scalar == "]" { classDepth -= 1 }
                index += 1
                continue
            }
            switch scalar {
            case "[":
                classDepth = 1
            case "(":
                openGroups += 1
                if at(1) != "?" {
                    captureCount += 1
                } else if at(2) == "<", let first = at(3), first != "=", first != "!" {
                    captureCount += 1
                    var name = ""
                    var offset = 3
                    while let next = at(offset), next != ">" {
                        name.unicodeScalars.append(next)
                        offset += 1
                    }
                    recordName(name)
                    index += offset
                } else if at(2) == "#" {
                    // A comment runs to the next ')'.
                    openGroups -= 1
                    while index < scalars.count, scalars[index] != ")" { index += 1 }
                }
            case ")":
                openGroups -= 1
                if openGroups < 0 {
                    hints.append("a ')' has no matching '('")
                    openGroups = 0
                }
            default:
                break
            }
            index += 1
        }
        if openGroups > 0 { hints.append("a '(' is never closed") }
        if classDepth > 0 { hints.append("a '[' is never closed") }
    }

    private mutating func recordName(_ name: String) {
        let isASCIILetter: (Unicode.Scalar) -> Bool = { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
        let valid =
            name.unicodeScalars.first.map(isASCIILetter) == true
            && name.unicodeScalars.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) }
        if !valid {
            hints.append("group name \"\(name)\" must be ASCII letters and digits, starting with a letter")
        }
        if numbers[name] != nil {
            hints.append("group name \"\(name)\" is used twice")
        } else {
            numbers[name] = captureCount
        }
    }
}
