import Foundation
import Testing

@testable import ShipTrackXML

@Suite("JSON presented to XPath")
struct JSONDocumentTests {
    private func json(_ text: String, maxDepth: Int = 512) throws -> MarkupDocument {
        try MarkupDocument.parseJSON(Array(text.utf8), context: "answer.json", maxDepth: maxDepth)
    }

    private func string(_ document: MarkupDocument, _ expression: String) throws -> String {
        try document.documentNode.string(XPathQuery(expression))
    }

    /// Shaped like the USPS Tracking 3.2 batch answer (research fixture `batch-ok.json`).
    private let uspsBatch = """
        [
          {
            "trackingNumber": "9400100000000000000020",
            "destinationZIPCode": "53703",
            "kahalaIndicator": false,
            "mailClass": "USPS Ground Advantage<SUP>&#153;</SUP>",
            "trackingEvents": [
              {"eventType": "USPS in possession of item", "eventTimestamp": "2025-11-24T15:41:00-06:00",
               "eventCountry": null, "eventCity": "AUSTIN", "eventState": "TX", "eventZIPCode": "78745",
               "firm": null, "eventCode": "03"}
            ]
          },
          {
            "trackingNumber": "9400100000000000000044",
            "destinationZIPCode": "97214",
            "kahalaIndicator": false,
            "trackingEvents": [
              {"eventType": "Out for Delivery", "eventTimestamp": "2025-11-25T07:02:00-08:00",
               "eventCountry": null, "eventCity": "PORTLAND", "eventState": "OR", "eventZIPCode": "97214",
               "firm": null, "eventCode": "OF"},
              {"eventType": "Arrived at Post Office", "eventTimestamp": "2025-11-25T04:10:00-08:00",
               "eventCountry": null, "eventCity": "PORTLAND", "eventState": "OR", "eventZIPCode": "97214",
               "firm": null, "eventCode": "07"},
              {"eventType": "In Transit to Next Facility", "eventTimestamp": "2025-11-24T18:00:00-08:00",
               "eventCountry": null, "eventCity": null, "eventState": null, "eventZIPCode": null,
               "firm": null, "eventCode": "NT"}
            ]
          }
        ]
        """

    @Test("USPS batch answer: a parcel's events, their fields and nulls through XPath")
    func uspsBatchAnswer() throws {
        let document = try json(uspsBatch)
        #expect(document.kind == .json)
        #expect(try string(document, "count(/json/item)") == "2")
        let events = try document.documentNode.select(
            XPathQuery("/json/item[trackingNumber='9400100000000000000044']/trackingEvents/item"))
        #expect(events.count == 3)
        let eventType = try XPathQuery("string(eventType)")
        #expect(try events.map { try $0.string(eventType) }
            == ["Out for Delivery", "Arrived at Post Office", "In Transit to Next Facility"])
        #expect(try events[0].string(XPathQuery("eventZIPCode")) == "97214")
        // null: an empty element that says so; a missing key is simply absent.
        #expect(try events[0].boolean(XPathQuery("boolean(eventCountry/@null)")))
        #expect(try events[0].string(XPathQuery("string(eventCountry)")) == "")
        #expect(try !events[0].boolean(XPathQuery("boolean(eventCity/@null)")))
        #expect(try events[2].boolean(XPathQuery("boolean(eventCity/@null)")))
        #expect(try !events[0].boolean(XPathQuery("boolean(recipientName)")))
        #expect(try events.map { try $0.string(XPathQuery("string(../../destinationZIPCode)")) } == Array(
            repeating: "97214", count: 3))
        // Strings are unescaped text: markup inside a JSON string is not markup.
        #expect(try string(document, "string(/json/item[1]/mailClass)") == "USPS Ground Advantage<SUP>&#153;</SUP>")
        #expect(try string(document, "string(/json/item[1]/kahalaIndicator)") == "false")
        #expect(try string(document, "count(//trackingEvents/item[eventCode='OF'])") == "1")
    }

    /// Shaped like a 17TRACK v2.4 `gettrackinfo` answer (research fixture `gettrackinfo-two-legs.json`).
    private let seventeenTrack = """
        {
          "code": 0,
          "data": {
            "accepted": [
              {
                "number": "LX100011111CN", "carrier": 3011, "param": null,
                "track_info": {
                  "latest_status": {"status": "Delivered", "sub_status": "Delivered_Other"},
                  "tracking": {
                    "providers_hash": -1520398817,
                    "providers": [
                      {
                        "provider": {"key": 21051, "name": "USPS", "country": "US"},
                        "events": [
                          {"time_iso": "2026-03-25T13:42:00-06:00", "description": "Delivered, In/At Mailbox",
                           "location": "DENVER, CO 80205", "stage": "Delivered",
                           "address": {"postal_code": "80205", "coordinates": {"longitude": "-104.9585"}}}
                        ]
                      },
                      {
                        "provider": {"key": 3011, "name": "China Post", "country": "CN"},
                        "events": [
                          {"time_iso": "2026-03-18T22:40:00+08:00", "description": "已交航空公司运输",
                           "location": "深圳", "stage": null},
                          {"time_iso": "2026-03-16T10:12:00+08:00", "description": "收寄计费信息已收到",
                           "location": null, "stage": "InfoReceived"}
                        ]
                      }
                    ]
                  }
                }
              }
            ],
            "rejected": [
              {"number": "LX100055554CN", "error": {"code": -18019902, "message": "Not registered yet."}},
              {"number": "LX100066662CN", "carrier": "3011", "error": {"code": -18019909, "message": "No info."}}
            ]
          }
        }
        """

    @Test("17TRACK answer: events of every provider, the provider from an event, exact negative codes")
    func seventeenTrackAnswer() throws {
        let document = try json(seventeenTrack)
        let events = try document.documentNode.select(
            XPathQuery(
                "/json/data/accepted/item[number='LX100011111CN']/track_info/tracking/providers/item/events/item"))
        #expect(events.count == 3)
        let provider = try XPathQuery("../../provider/key")
        #expect(try events.map { try $0.string(provider) } == ["21051", "3011", "3011"])
        #expect(try events.map { try $0.string(XPathQuery("string(description)")) }
            == ["Delivered, In/At Mailbox", "已交航空公司运输", "收寄计费信息已收到"])
        #expect(try events[2].boolean(XPathQuery("boolean(location/@null)")))
        #expect(try events[0].string(XPathQuery("address/coordinates/longitude")) == "-104.9585")
        #expect(try string(document, "string(/json/code)") == "0")
        #expect(try string(document, "string(//providers_hash)") == "-1520398817")
        #expect(try string(document, "string(/json/data/rejected/item[number='LX100055554CN']/error/code)")
            == "-18019902")
        // A number where a string was expected and a string where a number was expected read the same.
        #expect(try string(document, "count(//item[carrier=3011])") == "2")
        #expect(try string(document, "count(//item[carrier='3011'])") == "2")
        #expect(try string(document, "count(/json/data/rejected/item[error/code < -18019905])") == "1")
    }

    @Test("MarkupNode.text and name work on the JSON tree as on XML")
    func nodeTextAndName() throws {
        let document = try json(#"{"event": {"a": "x", "b": 5, "c": null, "d": true}, "bad key": 1}"#)
        let event = try #require(try document.documentNode.select(XPathQuery("/json/event")).first)
        #expect(event.name == "event")
        #expect(event.text == "x5true")
        let member = try #require(try document.documentNode.select(XPathQuery("/json/member")).first)
        #expect(member.name == "member")
        #expect(member.attribute("key") == "bad key")
        #expect(try #require(document.root).name == "json")
    }

    @Test(
        "Keys that are not plain XML names become <member key=…>",
        arguments: [
            ("bad key", false), ("1st", false), ("-x", false), (".x", false), ("a:b", false), ("$ref", false),
            ("", false), ("中文", false), ("xmlns", false), ("XMLThing", false), ("é", false),
            ("_id", true), ("a-b.c_1", true), ("Key9", true), ("xm", true), ("x", true),
        ])
    func keyNames(key: String, plain: Bool) throws {
        let escaped = try #require(
            String(data: JSONSerialization.data(withJSONObject: key, options: [.fragmentsAllowed]), encoding: .utf8))
        let document = try json("{\(escaped): \"v\"}")
        let child = try #require(try document.documentNode.select(XPathQuery("/json/*")).first)
        if plain {
            #expect(child.name == key)
            #expect(child.attribute("key") == nil)
        } else {
            #expect(child.name == "member")
            #expect(child.attribute("key") == key)
        }
        #expect(child.text == "v")
    }

    @Test("Members come in key order, the same on every run; of duplicate keys the last is kept")
    func memberOrderAndDuplicates() throws {
        let document = try json(#"{"zeta": 1, "alpha": 2, "mid": 3, "Beta": 4, "alpha": 5}"#)
        let names = try document.documentNode.select(XPathQuery("/json/*")).map(\.name)
        #expect(names == ["Beta", "alpha", "mid", "zeta"])
        #expect(try string(document, "string(/json/alpha)") == "5")
        #expect(try string(document, "string(/json/*[1])") == "4")
    }

    @Test("Arrays keep their order; nested arrays nest <item>")
    func arrays() throws {
        let document = try json(#"[[1, 2], [], ["a"], {"k": [true, null]}]"#)
        #expect(try string(document, "count(/json/item)") == "4")
        #expect(try string(document, "string(/json/item[1]/item[2])") == "2")
        #expect(try string(document, "count(/json/item[2]/*)") == "0")
        #expect(try string(document, "string(/json/item[3]/item)") == "a")
        #expect(try string(document, "string(/json/item[4]/k/item[1])") == "true")
        #expect(try document.documentNode.boolean(XPathQuery("boolean(/json/item[4]/k/item[2]/@null)")))
    }

    @Test(
        "Numbers: integers exactly as written, other numbers as the shortest round-tripping Double",
        arguments: [
            ("0", "0"), ("-18019901", "-18019901"), ("53703", "53703"), ("9223372036854775807", "9223372036854775807"),
            ("-9223372036854775808", "-9223372036854775808"), ("12345678901234567890", "12345678901234567890"),
            ("123456789012345678901234567890", "123456789012345678901234567890"),
            ("1", "1"), ("1.0", "1.0"), ("1.5", "1.5"), ("0.1", "0.1"), ("-104.9585", "-104.9585"), ("1e2", "100.0"),
            ("2.5E-3", "0.0025"),
        ])
    func numbers(literal: String, text: String) throws {
        let document = try json("{\"n\": \(literal)}")
        #expect(try string(document, "string(/json/n)") == text)
    }

    @Test("A top-level scalar is the text of <json>")
    func topLevelScalars() throws {
        #expect(try string(json(#""top""#), "string(/json)") == "top")
        #expect(try string(json("42"), "string(/json)") == "42")
        #expect(try string(json("false"), "string(/json)") == "false")
        #expect(try json("null").documentNode.boolean(XPathQuery("boolean(/json/@null)")))
    }

    @Test("Empty strings, objects and arrays are empty elements, told apart from null only by @null")
    func emptyValues() throws {
        let document = try json(#"{"s": "", "o": {}, "a": [], "n": null}"#)
        for name in ["s", "o", "a", "n"] {
            #expect(try string(document, "string(/json/\(name))") == "")
            #expect(try document.documentNode.boolean(XPathQuery("boolean(/json/\(name)/@null)")) == (name == "n"))
        }
    }

    @Test("Escapes are decoded; \\u0000 in a value or key becomes U+FFFD instead of cutting the text")
    func escapesAndNUL() throws {
        let document = try json(#"{"t": "tab\there \"q\" \u00e9 \ud83d\udce6 中文", "z": "a\u0000b", "k\u0000": 1}"#)
        #expect(try string(document, "string(/json/t)") == "tab\there \"q\" é 📦 中文")
        #expect(try string(document, "string(/json/z)") == "a\u{FFFD}b")
        let member = try #require(try document.documentNode.select(XPathQuery("/json/member")).first)
        #expect(member.attribute("key") == "k\u{FFFD}")
    }

    @Test("Nulls everywhere and strings where numbers are expected are no errors")
    func nullsEverywhere() throws {
        let document = try json(#"[{"trackingNumber": null, "trackingEvents": null}, {"trackingEvents": [null, "x"]}]"#)
        #expect(try string(document, "count(/json/item/trackingEvents/item)") == "2")
        #expect(try string(document, "string(/json/item[1]/trackingNumber)") == "")
    }

    @Test("Malformed JSON is an error naming the answer and where Foundation stopped")
    func malformed() throws {
        for text in [#"{"a" 1}"#, "[1, 2", #"{"a": tru}"#, "[01]", "[\"\u{1}\"]", "[1] x", #"{"a": 1 "b": 2}"#, "'a'"] {
            let error = try #require(throws: MarkupParseError.self) { try json(text) }
            #expect(error.isNotWellFormed, "\(text)")
            #expect(error.description.contains("answer.json"))
            #expect(error.description.contains("JSON"))
            #expect(error.libraryMessage != nil)
        }
        let error = try #require(throws: MarkupParseError.self) { try json(#"{"a" 1}"#) }
        #expect(error.libraryMessage?.contains("5") == true)
    }

    @Test("Nesting 100,000 deep is refused without overflowing the stack", arguments: ["[", "{\"a\":"])
    func hugeNesting(opening: String) throws {
        let closing = opening == "[" ? "]" : "}"
        let text = String(repeating: opening, count: 100_000) + "1" + String(repeating: closing, count: 100_000)
        let error = try #require(throws: MarkupParseError.self) { try json(text) }
        #expect(error.isNestingTooDeep)
        #expect(error.offset == 512 * opening.utf8.count)
        #expect(error.description.contains("512"))
    }

    @Test("Nesting up to the limit parses; one deeper is refused, for Foundation's limit and a caller's lower one")
    func nestingLimit() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "{\"a\":[", count: depth / 2) + "\"deep\"" + String(repeating: "]}", count: depth / 2)
        }
        let deepest = try json(nested(512))
        #expect(try string(deepest, "string(/json)") == "deep")
        #expect(throws: MarkupParseError.self) { try json(nested(514)) }
        #expect(try string(json(nested(4), maxDepth: 4), "string(/json/a/item/a/item)") == "deep")
        let error = try #require(throws: MarkupParseError.self) {
            try json("{\"x\": 1,\n" + nested(6) + "}", maxDepth: 4)
        }
        #expect(error.isNestingTooDeep)
        #expect(error.line == 2)
        #expect(error.offset == 20)
        #expect(error.description.contains("4 deep"))
    }

    @Test("Brackets inside strings do not count as nesting")
    func bracketsInStrings() throws {
        let text = #"{"a": "[[[[[[\"{{{{", "b": [1]}"#
        #expect(try string(json(text, maxDepth: 2), "string(/json/b/item)") == "1")
        #expect(JSONByteScan.firstOpening(deeperThan: 1, in: Array(text.utf8)) == 27)
    }

    @Test("A body over the cap is refused before parsing")
    func sizeCap() throws {
        let text = "[" + String(repeating: "1,", count: 1_000) + "1]"
        let error = try #require(throws: MarkupParseError.self) {
            try MarkupDocument.parseJSON(Array(text.utf8), context: "big.json", maxBytes: 1_000)
        }
        #expect(error.isInputTooLarge)
        #expect(error.description.contains("big.json"))
    }

    @Test("An empty or whitespace-only body is its own error", arguments: ["", " \n\t\r "])
    func emptyBody(text: String) throws {
        let error = try #require(throws: MarkupParseError.self) { try json(text) }
        #expect(error.isEmptyInput)
    }

    @Test("Invalid UTF-8 is refused with the line and byte where it is")
    func invalidUTF8() throws {
        let bytes = Array("{\"a\": \"ok\",\n \"b\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        let error = try #require(throws: MarkupParseError.self) {
            try MarkupDocument.parseJSON(bytes, context: "bad.json")
        }
        #expect(error.isInvalidUTF8)
        #expect(error.offset == 19)
        #expect(error.line == 2)
        #expect(error.description.contains("bad.json"))
    }

    @Test("Documents parsed on many threads at once are independent")
    func concurrentParses() async throws {
        let text = uspsBatch
        let query = try XPathQuery("count(/json/item/trackingEvents/item)")
        let counts = await withTaskGroup(of: String.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    let document = try? MarkupDocument.parseJSON(Array(text.utf8), context: "t")
                    return (try? document?.documentNode.string(query)) ?? "failed"
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: "4", count: 32))
    }
}
