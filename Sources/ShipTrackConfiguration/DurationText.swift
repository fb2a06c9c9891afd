/// Durations as people write them: `90m`, `2h`, `1h30m`, `45s`, or plain seconds.
public enum DurationText {
    /// The longest duration accepted: a week is more than any night needs, and keeps conversions from overflowing.
    public static let longest = 7.0 * 86_400

    public static func parse(_ text: String) -> Duration? {
        if let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= longest {
            return .milliseconds(Int(seconds * 1_000))
        }
        var total = 0.0
        var number = ""
        for character in text.lowercased() {
            if character.isNumber || character == "." {
                number.append(character)
            } else {
                guard let value = Double(number) else { return nil }
                switch character {
                case "h": total += value * 3_600
                case "m": total += value * 60
                case "s": total += value
                default: return nil
                }
                number = ""
            }
        }
        guard number.isEmpty, total > 0, total.isFinite, total <= longest else { return nil }
        return .milliseconds(Int(total * 1_000))
    }
}
