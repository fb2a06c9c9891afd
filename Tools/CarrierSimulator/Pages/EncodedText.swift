import Foundation

/// Text a China Post page prints, in both of the encodings such pages come in: UTF-8 and GBK.
///
/// GBK bytes come from Foundation's GB 18030 converter, which encodes every character of GBK exactly as GBK does;
/// they are computed once, when the phrase tables are first used, never while a page is generated.
struct EncodedText: Sendable, Hashable {
    let utf8: [UInt8]
    let gbk: [UInt8]

    init(_ text: String) {
        self.utf8 = Array(text.utf8)
        self.gbk = Self.gbkBytes(text) ?? self.utf8
    }

    /// GB 18030 (`kCFStringEncodingGB_18030_2000`), a superset of GBK with the same bytes for GBK's characters.
    private static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Whether this platform's Foundation can encode GBK; without it every China Post page is UTF-8.
    static let isGBKAvailable: Bool = gbkBytes("中国邮政") == [0xd6, 0xd0, 0xb9, 0xfa, 0xd3, 0xca, 0xd5, 0xfe]

    private static func gbkBytes(_ text: String) -> [UInt8]? {
        text.data(using: Self.gb18030).map { Array($0) }
    }
}
