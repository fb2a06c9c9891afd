/// Writes the EMS partner interface's answers: `<traces><trace><acceptTime/><acceptAddress/><remark/></trace>…</traces>`
/// oldest first, and the `<response>` error envelope. Whether an answer has an XML declaration and indentation is
/// chosen per number and language from a hash, the same every time: recorded answers come both ways.
enum EMSTraceWriter {
    static let version = "international_eub_us_1.1"

    /// The answer for `record` in `language`; `<traces></traces>` when it has no trace yet.
    static func traces(_ record: ChinaPostRecord, language: EMSLanguage) -> [UInt8] {
        let style = (StableHash.fnv1a((record.number + language.rawValue).utf8) >> 7) % 3
        let declaration = style != 0
        let indented = style == 1
        var xml = declaration ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        xml += "<traces>"
        for trace in record.traces {
            let address = language == .english ? trace.addressEnglish : trace.addressChinese
            let remark = language == .english ? trace.remarkEnglish : trace.remarkChinese
            if indented {
                xml += "\n    <trace>\n        <acceptTime>\(trace.acceptTime)</acceptTime>\n        <acceptAddress>\(Self.escaped(address))</acceptAddress>\n        <remark>\(Self.escaped(remark))</remark>\n    </trace>"
            } else {
                xml += "<trace><acceptTime>\(trace.acceptTime)</acceptTime><acceptAddress>\(Self.escaped(address))</acceptAddress><remark>\(Self.escaped(remark))</remark></trace>"
            }
        }
        xml += indented && !record.traces.isEmpty ? "\n</traces>\n" : "</traces>"
        if !indented && declaration { xml += "\n" }
        return Array(xml.utf8)
    }

    /// The error envelope: `<response><version/><status>error</status><code/><description/></response>`.
    static func error(code: String, description: String) -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <response>
                <version>\(Self.version)</version>
                <status>error</status>
                <code>\(code)</code>
                <description>\(description)</description>
            </response>

            """.utf8
        )
    }

    /// V02: the user does not exist or the `authenticate` token is wrong.
    static let unknownUser = Self.error(code: "V02", description: "用户不存在或身份标识错误")
    /// V03: the `version` header is wrong.
    static let wrongVersion = Self.error(code: "V03", description: "版本信息错误")
    /// I00: an internal error (a fault).
    static let internalError = Self.error(code: "I00", description: "系统内部错误")
    /// The whole body for a number the interface does not know (or that has not shipped): the four bytes `null`.
    static let unknownNumber = Array("null".utf8)

    private static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
