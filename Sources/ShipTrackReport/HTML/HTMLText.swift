/// Small facts about text the HTML needs.
enum HTMLText {
    /// Whether text contains Chinese, Japanese or Korean characters (marked `lang="zh"` so browsers pick a CJK font
    /// and screen readers a voice that can read it).
    static func hasCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FA1F: true
            default: false
            }
        }
    }
}
