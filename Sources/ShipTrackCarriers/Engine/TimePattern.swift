import Foundation
import ShipTrackModel

/// A compiled date-time pattern such as `MMMM d, yyyy, h:mm a`, matched against carrier text.
///
/// A small interpreter instead of `DateFormatter`: carriers' English month names must not depend on the
/// machine's locale, and the nightly batch parses millions of times, where `DateFormatter` is slow.
/// Tokens: `yyyy` year; `M`/`MM` month number; `MMM`/`MMMM` English month name or abbreviation;
/// `d`/`dd` day; `H`/`HH` 24-hour; `h`/`hh` 12-hour; `mm` minute; `ss` second; `SSS` a fraction of a second (one
/// to nine digits, ignored); `XXX` an offset from UTC (`Z`, `+08:00`, `-0500`, `+08`); `a` am/pm (also `a.m.`,
/// `上午`/`下午`); `'text'` is literal. A space matches any run of whitespace; other characters match themselves.
struct TimePattern: Sendable {
    private enum Token: Sendable, Equatable {
        case year, monthNumber, monthName, day, hour24, hour12, minute, second, fraction, offset, meridiem
        case whitespace
        case literal(Character)
    }

    let source: String
    private let tokens: [Token]
    /// Whether the pattern reads a time of day, or only a date (`MMMM d, yyyy`).
    let hasTimeOfDay: Bool

    init(_ source: String) throws(TimePatternError) {
        var tokens: [Token] = []
        let characters = Array(source)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "'" {
                // 'quoted text' is literal, as in ICU patterns: `MMMM d, yyyy 'at' h:mm a`.
                guard let close = characters[(index + 1)...].firstIndex(of: "'") else {
                    throw TimePatternError(pattern: source, message: "unterminated quote")
                }
                for literal in characters[(index + 1)..<close] {
                    tokens.append(literal.isWhitespace ? .whitespace : .literal(literal))
                }
                index = close + 1
                continue
            }
            var run = 1
            while index + run < characters.count, characters[index + run] == character { run += 1 }
            switch (character, run) {
            case ("y", 4): tokens.append(.year)
            case ("M", 1), ("M", 2): tokens.append(.monthNumber)
            case ("M", 3), ("M", 4): tokens.append(.monthName)
            case ("d", 1), ("d", 2): tokens.append(.day)
            case ("H", 1), ("H", 2): tokens.append(.hour24)
            case ("h", 1), ("h", 2): tokens.append(.hour12)
            case ("m", 2): tokens.append(.minute)
            case ("s", 2): tokens.append(.second)
            case ("S", 1...9): tokens.append(.fraction)
            case ("X", 1...3): tokens.append(.offset)
            case ("a", 1): tokens.append(.meridiem)
            case (let letter, _) where letter.isASCII && letter.isLetter:
                throw TimePatternError(pattern: source, message: "unknown token \(String(repeating: letter, count: run))")
            case (let other, _):
                for _ in 0..<run { tokens.append(other.isWhitespace ? .whitespace : .literal(other)) }
            }
            index += run
        }
        guard tokens.contains(.year), tokens.contains(.day),
            tokens.contains(.monthNumber) || tokens.contains(.monthName)
        else { throw TimePatternError(pattern: source, message: "needs a year, a month and a day") }
        if tokens.contains(.hour12) != tokens.contains(.meridiem) {
            throw TimePatternError(pattern: source, message: "a 12-hour `h` needs `a` (am/pm) and the other way round")
        }
        self.source = source
        self.tokens = tokens
        self.hasTimeOfDay = tokens.contains(.hour24) || tokens.contains(.hour12)
    }

    /// Whether the pattern reads an offset from UTC (`XXX`).
    var hasOffset: Bool { tokens.contains(.offset) }

    /// The wall-clock time in `text`, or `nil` if the whole text does not match.
    func match(_ text: Substring) -> LocalDateTime? { matchWithOffset(text)?.local }

    /// The wall-clock time in `text` and the offset it states (with `XXX`), or `nil` if the whole text does not
    /// match.
    func matchWithOffset(_ text: Substring) -> (local: LocalDateTime, offsetSeconds: Int?)? {
        var cursor = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var pm: Bool?
        var offsetSeconds: Int?

        func skipWhitespace() {
            while cursor < scalars.endIndex, scalars[cursor].properties.isWhitespace { cursor = scalars.index(after: cursor) }
        }
        func number(maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while cursor < scalars.endIndex, digits < maxDigits, let digit = scalars[cursor].asciiDigit {
                value = value * 10 + digit
                digits += 1
                cursor = scalars.index(after: cursor)
            }
            return digits > 0 ? value : nil
        }
        func letters() -> String {
            var word = ""
            while cursor < scalars.endIndex, scalars[cursor].properties.isAlphabetic || scalars[cursor] == "." {
                word.unicodeScalars.append(scalars[cursor])
                cursor = scalars.index(after: cursor)
            }
            return word
        }

        skipWhitespace()
        for token in tokens {
            switch token {
            case .year: guard let value = number(maxDigits: 4) else { return nil }; year = value
            case .monthNumber: guard let value = number(maxDigits: 2) else { return nil }; month = value
            case .day: guard let value = number(maxDigits: 2) else { return nil }; day = value
            case .hour24, .hour12: guard let value = number(maxDigits: 2) else { return nil }; hour = value
            case .minute: guard let value = number(maxDigits: 2) else { return nil }; minute = value
            case .second: guard let value = number(maxDigits: 2) else { return nil }; second = value
            case .fraction: guard number(maxDigits: 9) != nil else { return nil }
            case .offset:
                guard cursor < scalars.endIndex else { return nil }
                let sign = scalars[cursor]
                if sign == "Z" || sign == "z" {
                    offsetSeconds = 0
                    cursor = scalars.index(after: cursor)
                    break
                }
                guard sign == "+" || sign == "-" || sign == "\u{2212}" else { return nil }
                cursor = scalars.index(after: cursor)
                let start = cursor
                guard let hours = number(maxDigits: 2), scalars.distance(from: start, to: cursor) == 2 else { return nil }
                var minutes = 0
                if cursor < scalars.endIndex, scalars[cursor] == ":" { cursor = scalars.index(after: cursor) }
                let minuteStart = cursor
                if let value = number(maxDigits: 2) {
                    guard scalars.distance(from: minuteStart, to: cursor) == 2 else { return nil }
                    minutes = value
                }
                guard hours <= 14, minutes < 60 else { return nil }
                offsetSeconds = (sign == "+" ? 1 : -1) * (hours * 3_600 + minutes * 60)
            case .monthName:
                guard let value = TimePattern.monthNumber(letters()) else { return nil }
                month = value
            case .meridiem:
                if scalars[cursor...].starts(with: "上午".unicodeScalars) {
                    pm = false
                    cursor = scalars.index(cursor, offsetBy: 2)
                } else if scalars[cursor...].starts(with: "下午".unicodeScalars) {
                    pm = true
                    cursor = scalars.index(cursor, offsetBy: 2)
                } else {
                    switch letters().lowercased().replacingOccurrences(of: ".", with: "") {
                    case "am": pm = false
                    case "pm": pm = true
                    default: return nil
                    }
                }
            case .whitespace:
                skipWhitespace()
            case .literal(let character):
                for scalar in character.unicodeScalars {
                    guard cursor < scalars.endIndex, scalars[cursor] == scalar else { return nil }
                    cursor = scalars.index(after: cursor)
                }
            }
        }
        skipWhitespace()
        guard cursor == scalars.endIndex else { return nil }
        if let pm {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        guard let local = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return (local, offsetSeconds)
    }

    private static let monthNames: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    private static func monthNumber(_ word: String) -> Int? {
        monthNames[word.lowercased().replacingOccurrences(of: ".", with: "")]
    }
}

/// A date pattern in a carrier definition that cannot be used.
struct TimePatternError: Error, CustomStringConvertible {
    let pattern: String
    let message: String
    var description: String { "date format \"\(pattern)\": \(message)" }
}

extension Unicode.Scalar {
    var asciiDigit: Int? { (48...57).contains(value) ? Int(value - 48) : nil }
}
