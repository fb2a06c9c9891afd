import Foundation
import Testing

@testable import ShipTrackXML

@Suite("libxml2 wrapper")
struct MarkupDocumentTests {
    private func html(_ text: String, encoding: String? = nil) throws -> MarkupDocument {
        try MarkupDocument.parseHTML(Array(text.utf8), context: "test.html", encoding: encoding)
    }

    @Test("HTML rows and fields come out through compiled XPath")
    func htmlQueries() throws {
        let document = try html(
            "<div class='row a'><p class=t>One</p></div><div class=row><p class=t>Two &amp; more</p></div>")
        let rows = try document.documentNode.select(XPathQuery("//div[contains(@class,'row')]"))
        #expect(rows.count == 2)
        let field = try XPathQuery(".//p[@class='t']")
        #expect(try rows.map { try $0.string(field) } == ["One", "Two & more"])
        #expect(rows[0].attribute("class") == "row a")
        #expect(try document.documentNode.boolean(XPathQuery("boolean(//p[.='One'])")))
        #expect(try document.documentNode.string(XPathQuery("count(//p)")) == "2")
    }

    @Test("Recovering HTML parser accepts a truncated page and keeps what is there")
    func truncatedHTML() throws {
        let document = try html("<html><body><div class=row>One</div><div class=row>Tw")
        #expect(try document.documentNode.select(XPathQuery("//div")).count == 2)
    }

    @Test("Text folds <br> and skips script and comments")
    func textExtraction() throws {
        let document = try html("<p id=x>May 5, 2023,<br>10:15 am<!-- note --><script>var a = 1;</script></p>")
        let node = try #require(try document.documentNode.select(XPathQuery("//p")).first)
        let folded = node.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(folded == "May 5, 2023, 10:15 am")
    }

    @Test("A NUL byte right after <body> does not hide the rest of an HTML page")
    func nulAfterBody() throws {
        var bytes = Array("<html><head><title>Track</title></head><body>".utf8)
        bytes.append(0)
        bytes += Array("<table><tr class=event><td>Delivered</td></tr><tr class=event><td>Out\u{0}for delivery</td></tr></table></body></html>".utf8)
        let document = try MarkupDocument.parseHTML(bytes, context: "nul.html")
        let rows = try document.documentNode.select(XPathQuery("//tr[@class='event']"))
        #expect(rows.count == 2)
        #expect(try rows.map { try $0.string(XPathQuery("string(td)")) } == ["Delivered", "Outfor delivery"])
    }

    @Test("A UTF-16 page, whose zero bytes are halves of characters, is still read", arguments: [true, false])
    func utf16Page(withByteOrderMark: Bool) throws {
        var bytes: [UInt8] = withByteOrderMark ? [0xFF, 0xFE] : []
        for unit in "<html><body><table><tr><td>已妥投</td></tr></table></body></html>".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        // Without a byte-order mark only the caller's charset says how to read it.
        let document = try MarkupDocument.parseHTML(
            bytes, context: "utf16.html", encoding: withByteOrderMark ? nil : "UTF-16LE")
        #expect(try document.documentNode.string(XPathQuery("string(//td)")) == "已妥投")
    }

    @Test("A GBK page is decoded from its meta charset")
    func gbkMetaCharset() throws {
        // 已妥投 ("delivered") in GBK: D2 D1 CD D7 CD B6.
        var bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head><body><p>".utf8)
        bytes += [0xD2, 0xD1, 0xCD, 0xD7, 0xCD, 0xB6]
        bytes += Array("</p></body></html>".utf8)
        let document = try MarkupDocument.parseHTML(bytes, context: "gbk.html")
        #expect(try document.documentNode.string(XPathQuery("//p")) == "已妥投")
    }

    @Test("A GB2312 page without a meta charset is decoded with the caller's charset")
    func gb2312FromCaller() throws {
        let bytes = Array("<p>".utf8) + [0xD2, 0xD1, 0xCD, 0xD7, 0xCD, 0xB6] + Array("</p>".utf8)
        let document = try MarkupDocument.parseHTML(bytes, context: "gb.html", encoding: "GB2312")
        #expect(try document.documentNode.string(XPathQuery("//p")) == "已妥投")
    }

    @Test("XML without a declaration, on one line, parses; Chinese text survives")
    func xmlWithoutDeclaration() throws {
        let text = "<response><status>error</status><code>V02</code><description>单号不存在</description></response>"
        let document = try MarkupDocument.parseXML(Array(text.utf8), context: "ems.xml")
        #expect(try document.documentNode.string(XPathQuery("string(/response/description)")) == "单号不存在")
    }

    @Test("Malformed XML is an error naming the document and line")
    func malformedXML() throws {
        let error = try #require(throws: MarkupParseError.self) {
            try MarkupDocument.parseXML(Array("<response><trace></response>".utf8), context: "bad.xml")
        }
        #expect(error.isNotWellFormed)
        #expect(error.description.contains("bad.xml"))
    }

    @Test("Entity declarations are refused before parsing (no billion laughs, no XXE)")
    func entityDeclarations() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>
            """
        for text in [laughs, xxe] {
            let error = try #require(throws: MarkupParseError.self) {
                try MarkupDocument.parseXML(Array(text.utf8), context: "evil.xml")
            }
            #expect(error.isEntityDeclaration)
        }
    }

    @Test("Entity declarations in UTF-16, which a byte scan cannot see, are refused after parsing")
    func utf16EntityDeclarations() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE r [<!ENTITY a \"aaaa\">]><r>&a;</r>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let error = try #require(throws: MarkupParseError.self) {
            try MarkupDocument.parseXML(bytes, context: "utf16.xml")
        }
        #expect(error.isEntityDeclaration)
    }

    @Test("An external DTD is never loaded and HTML entity references stay text")
    func externalDTDNotLoaded() throws {
        let text = "<!DOCTYPE r SYSTEM \"file:///etc/passwd\"><r>ok</r>"
        let document = try MarkupDocument.parseXML(Array(text.utf8), context: "dtd.xml")
        #expect(try document.documentNode.string(XPathQuery("string(/r)")) == "ok")
    }

    @Test("Input over the cap is refused before parsing")
    func sizeCap() throws {
        let error = try #require(throws: MarkupParseError.self) {
            try MarkupDocument.parseHTML(Array(repeating: UInt8(ascii: "a"), count: 2_000), context: "big", maxBytes: 1_000)
        }
        #expect(error.isInputTooLarge)
    }

    @Test("Empty or whitespace-only input is its own error")
    func emptyInput() throws {
        let error = try #require(throws: MarkupParseError.self) {
            try MarkupDocument.parseHTML(Array(" \n\t".utf8), context: "empty")
        }
        #expect(error.isEmptyInput)
    }

    @Test("An invalid XPath is an error carrying the expression")
    func invalidXPath() throws {
        let error = try #require(throws: MarkupParseError.self) { try XPathQuery("//div[") }
        #expect(error.isInvalidXPath)
        #expect(error.description.contains("//div["))
    }

    @Test("One compiled query evaluated from many threads at once gives the same answers")
    func sharedQueryAcrossThreads() async throws {
        let query = try XPathQuery("//p[@class='t']")
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let text = String(repeating: "<p class='t'>x</p>", count: index % 7 + 1)
                    guard let document = try? MarkupDocument.parseHTML(Array(text.utf8), context: "t"),
                        let nodes = try? document.documentNode.select(query)
                    else { return -1 }
                    return nodes.count == index % 7 + 1 ? 1 : 0
                }
            }
            return await group.reduce(0, +)
        }
        #expect(counts == 64)
    }
}
