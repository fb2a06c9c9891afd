import Foundation
import ShipTrackEstimate
import ShipTrackInput
import Testing

/// `customer_name` and `customer_email`: optional, read from CSV and JSON Lines, found under shop exports' names, and
/// cleaned rather than checked, so that they never cost a row.
struct CustomerColumnTests {
    static let header = Support.header + ",customer_name,customer_email"

    /// One CSV row with the canonical columns filled in and the two customer fields as given (already CSV-quoted).
    static func csvRow(_ order: String, name: String, email: String) -> String {
        "\(order),LX1,,US,2026-03-02,,\(name),\(email)\n"
    }

    // MARK: Reading

    @Test(arguments: Support.chunkSizes)
    func csvWithTheColumns(chunk: Int) throws {
        let text = Self.header + "\n"
            + Self.csvRow("SO1", name: " Ann Weber ", email: " ann@example.com ")
            + Self.csvRow("SO2", name: "", email: "")
            + Self.csvRow("SO3", name: "\"Weber, Ann\"", email: "O'Brien+tag@Example.co.uk")
        var reader = try OrderFileReader(
            contents: Array(text.utf8), name: "orders.csv", options: Support.options(chunk: chunk))
        #expect(reader.fieldName(.customerName) == "customer_name")
        var records: [InputRecord] = []
        while let record = try reader.next() { records.append(record) }
        let rows = Support.rows(records)
        #expect(Support.errors(records).isEmpty)
        #expect(rows.map(\.customerName) == ["Ann Weber", nil, "Weber, Ann"])
        #expect(rows.map(\.customerEmail) == ["ann@example.com", nil, "O'Brien+tag@Example.co.uk"])
        #expect(reader.statistics.invalidEmails == 0)
    }

    @Test func csvWithoutTheColumns() throws {
        var reader = try OrderFileReader(
            contents: Array((Support.header + "\nSO1,LX1,,US,2026-03-02,\n").utf8), name: "orders.csv")
        let record = try reader.next()
        guard case .row(let row) = record else {
            Issue.record("expected a row, got \(String(describing: record))")
            return
        }
        #expect(row.customerName == nil)
        #expect(row.customerEmail == nil)
        #expect(reader.fieldName(.customerEmail) == "customer_email")
    }

    @Test(arguments: Support.chunkSizes)
    func jsonLinesWithAndWithoutTheKeys(chunk: Int) throws {
        let text = """
            {"order_id": "1", "destination": "US", "ordered_at": "2026-03-02", "customer_name": "Ann Weber", "customer_email": "ann@example.com"}
            {"order_id": "2", "destination": "US", "ordered_at": "2026-03-02"}
            {"order_id": "3", "destination": "US", "ordered_at": "2026-03-02", "Customer_Name": "  \\u674e\\u6668 ", "customer_email": null}
            {"order_id": "4", "destination": "US", "ordered_at": "2026-03-02", "customer_name": 42, "customer_email": ""}
            """
        let records = try Support.records(text, name: "orders.jsonl", options: Support.options(chunk: chunk))
        #expect(Support.errors(records).isEmpty)
        let rows = Support.rows(records)
        #expect(rows.map(\.customerName) == ["Ann Weber", nil, "李晨", "42"])
        #expect(rows.map(\.customerEmail) == ["ann@example.com", nil, nil, nil])
    }

    @Test func jsonLinesValuesOfAnotherKindOrGivenTwiceNeverRejectTheRow() throws {
        let text = """
            {"order_id": "1", "destination": "US", "ordered_at": "2026-03-02", "customer_name": {"first": "Ann"}, "customer_email": ["ann@example.com"]}
            {"order_id": "2", "destination": "US", "ordered_at": "2026-03-02", "customer_name": "Bob", "customer_name": "Robert", "customer_email": true}
            {"order_id": "3", "destination": "US", "ordered_at": "2026-03-02", "customer_name": null, "customer_name": "Carol"}
            """
        let records = try Support.records(text, name: "orders.jsonl")
        #expect(Support.errors(records).isEmpty)
        let rows = Support.rows(records)
        #expect(rows.map(\.customerName) == [nil, "Bob", "Carol"])
        #expect(rows.map(\.customerEmail) == [nil, nil, nil])
        // The other columns are still strict: an order id given twice is an error.
        let strict = #"{"order_id": "1", "order_id": "2", "destination": "US", "ordered_at": "2026-03-02"}"#
        #expect(Support.errors(try Support.records(strict, name: "orders.jsonl")).map(\.code) == [.unexpectedJSONValue])
    }

    @Test func mappedLikeAnyOtherColumn() throws {
        let mapping = try InputOptions.parseColumnMapping([
            "customer_name=Billing First Name", "customer_email=Mail",
        ])
        let text = """
            order_id,tracking_number,destination,ordered_at,Billing First Name,Billing Last Name,Mail,Email
            SO1,LX1,US,2026-03-02,Ann,Weber,ann@example.com,other@example.com
            """
        var reader = try OrderFileReader(
            contents: Array(text.utf8), name: "orders.csv", options: InputOptions(columnMapping: mapping))
        #expect(reader.fieldName(.customerName) == "customer_name (Billing First Name)")
        guard case .row(let row) = try reader.next() else {
            Issue.record("expected a row")
            return
        }
        #expect(row.customerName == "Ann")
        #expect(row.customerEmail == "ann@example.com")
        let jsonMapping = InputOptions(columnMapping: ["customer_email": "mail"])
        let json = #"{"order_id": "1", "destination": "US", "ordered_at": "2026-03-02", "mail": "a@b", "email": "c@d"}"#
        #expect(Support.rows(try Support.records(json, name: "orders.jsonl", options: jsonMapping)).first?.customerEmail == "a@b")
    }

    // MARK: Shop exports' names

    @Test func aShopifyExportGivesTheShippingNameAndTheEmail() throws {
        let mapping = try InputOptions.parseColumnMapping(LineItemRowTests.shopifyMapping)
        var reader = try OrderFileReader(path: LineItemRowTests.shopifyExport, options: InputOptions(columnMapping: mapping))
        #expect(reader.fieldName(.customerName) == "customer_name (Shipping Name)")
        #expect(reader.fieldName(.customerEmail) == "customer_email (Email)")
        var records: [InputRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(Support.errors(records).isEmpty)
        let rows = Support.rows(records)
        #expect(rows.map(\.orderID) == ["#1001", "#1002", "#1003", "#1004", "#1005", "#1006"])
        // #1006 is a gift: billed to Finn Roy, shipped to Grace Roy. Shopify's `Name` is the order number, never read
        // as the customer's.
        #expect(rows.map(\.customerName) == ["Ann Weber", "Bob Moore", "李晨", "Dana Hughes", "Eve Taylor", "Grace Roy"])
        // #1002 checked out with a phone number only.
        #expect(
            rows.map(\.customerEmail) == [
                "ann@example.com", nil, "chen@example.com", "dana@example.com", "eve@example.com", "finn@example.com",
            ])
        #expect(reader.statistics.lineItemRowsSkipped == 7)
    }

    @Test(arguments: [
        // header of the two customer columns → the name and e-mail read (`-` for none)
        ("Shipping Name,Billing Name,Email", "ship,bill,a@b", "ship", "a@b"),
        ("Billing Name,E-mail", "bill,a@b", "bill", "a@b"),
        ("shipping_name,billing_email", "ship,a@b", "ship", "a@b"),
        ("Customer Name,Customer Email", "cust,a@b", "cust", "a@b"),
        ("customer_name,Shipping Name,customer_email,Email", "cust,ship,a@b,c@d", "cust", "a@b"),
        // An alias two headers have is passed over for the next one.
        ("Shipping Name,Shipping Name,Billing Name,Email,email", "s1,s2,bill,a@b,c@d", "bill", "-"),
        // Shopify's `Name` is its order number; a first name alone is not a name.
        ("Name,Billing First Name,Mail", "#1001,Ann,a@b", "-", "-"),
    ])
    func csvHeadersFoundUnderShopExportNames(headers: String, values: String, name: String, email: String) throws {
        let text = "order_id,tracking_number,destination,ordered_at,\(headers)\nSO1,LX1,US,2026-03-02,\(values)\n"
        let records = try Support.records(text)
        #expect(Support.errors(records).isEmpty)
        let row = try #require(Support.rows(records).first)
        #expect(row.customerName == (name == "-" ? nil : name))
        #expect(row.customerEmail == (email == "-" ? nil : email))
    }

    @Test func aMappingOrAColumnReadAsAnotherIsNeverTakenByAnAlias() throws {
        // `Email` holds the order number here, so it is not the e-mail; a mapped customer column looks at its header
        // only.
        let text = "Email,tracking_number,destination,ordered_at,Shipping Name,Contact\nSO1,LX1,US,2026-03-02,Ann,a@b\n"
        let options = InputOptions(columnMapping: ["order_id": "Email", "customer_name": "Contact"])
        let row = try #require(Support.rows(try Support.records(text, options: options)).first)
        #expect(row.orderID == "SO1")
        #expect(row.customerEmail == nil)
        #expect(row.customerName == "a@b")
    }

    @Test func jsonLinesKeysHaveNoAliases() throws {
        let text = #"{"order_id": "1", "destination": "US", "ordered_at": "2026-03-02", "email": "a@b", "shipping_name": "Ann"}"#
        let row = try #require(Support.rows(try Support.records(text, name: "orders.jsonl")).first)
        #expect(row.customerEmail == nil)
        #expect(row.customerName == nil)
    }

    // MARK: Hostile text

    @Test(arguments: [
        "ann.example.com", "ann@", "@example.com", "ann@@example.com", "a@b@example.com", "ann @example.com",
        "\"ann\t@example.com\"", "Ann <ann@example.com>", "\"ann@exam\nple.com\"", "ann@\u{3000}example.com",
        String(repeating: "a", count: 243) + "@example.com",
    ])
    func anInvalidEmailIsDroppedAndTheRowKept(email: String) throws {
        let text = Self.header + "\n" + Self.csvRow("SO1", name: "Ann", email: email)
        var reader = try OrderFileReader(contents: Array(text.utf8), name: "orders.csv")
        var records: [InputRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(Support.errors(records).isEmpty)
        let row = try #require(Support.rows(records).first)
        #expect(row.customerEmail == nil)
        #expect(row.customerName == "Ann")
        #expect(row.trackingNumbers == ["LX1"])
        #expect(reader.statistics.invalidEmails == 1)
        #expect(reader.statistics.rowsAccepted == 1)
        #expect(reader.statistics.hints == [.invalidEmails(1)])
    }

    @Test(arguments: [
        "用户@例子.广告", "ann@localhost", "\"ann,weber\"@example.com",
        String(repeating: "a", count: 242) + "@example.com",
    ])
    func looselyValidEmailsAreKeptAsWritten(email: String) throws {
        let quoted = email.contains(",") ? "\"" + email.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : email
        let text = Self.header + "\n" + Self.csvRow("SO1", name: "Ann", email: quoted)
        let row = try #require(Support.rows(try Support.records(text)).first)
        #expect(row.customerEmail == email)
    }

    @Test func invalidEmailsAreCountedOnlyOnRowsThatAreKept() throws {
        let text = Self.header + "\n"
            + Self.csvRow("SO1", name: "", email: "not-an-address")
            + "SO2,LX2,,Narnia,2026-03-02,,,also-not-one\n"
            + Self.csvRow("SO3", name: "", email: "c@d")
            + Self.csvRow("SO4", name: "", email: "x@")
        var reader = try OrderFileReader(contents: Array(text.utf8), name: "orders.csv")
        while try reader.next() != nil {}
        let statistics = reader.statistics
        #expect(statistics.rowsAccepted == 3)
        #expect(statistics.rowsRejected == 1)
        #expect(statistics.invalidEmails == 2)
        #expect(statistics.hints == [.invalidEmails(2)])
        #expect(
            statistics.hints.map(\.description) == [
                "2 rows have a customer e-mail that is not an address; they were read without it"
            ])
    }

    @Test func controlCharactersAreStrippedAndOtherScriptsKept() throws {
        let lines = [
            // escape sequences, a bell and DEL go; a line break or tab inside the name is one space
            #"{"order_id": "1", "destination": "US", "ordered_at": "2026-03-02", "customer_name": "Ann\u001b[31m\u0007 W\u007feber", "customer_email": "ann\u0000@example.com"}"#,
            #"{"order_id": "2", "destination": "US", "ordered_at": "2026-03-02", "customer_name": "Ann\r\n\tWeber\u2028", "customer_email": "\u0007"}"#,
            // a right-to-left override would show the name backwards; Arabic, Chinese and emoji stay
            #"{"order_id": "3", "destination": "US", "ordered_at": "2026-03-02", "customer_name": "\u202eAnn\u202c \u0639\u0644\u064a \u674e\u6668 \ud83d\udc69\u200d\ud83d\udcbb"}"#,
            #"{"order_id": "4", "destination": "US", "ordered_at": "2026-03-02", "customer_name": "\u0001\u0002\n"}"#,
        ]
        let records = try Support.records(lines.joined(separator: "\n"), name: "orders.jsonl")
        #expect(Support.errors(records).isEmpty)
        let rows = Support.rows(records)
        #expect(rows.map(\.customerName) == ["Ann[31m Weber", "Ann Weber", "Ann علي 李晨 👩‍💻", nil])
        #expect(rows.map(\.customerEmail) == ["ann@example.com", nil, nil, nil])
    }

    @Test func unicodeWhiteSpaceAroundANameIsTrimmed() throws {
        // An ideographic space, a no-break space, a figure space: white space that is not ASCII, around names that are
        // not ASCII either (which are otherwise kept as they are).
        let text = #"{"order_id": "1", "destination": "US", "ordered_at": "2026-03-02", "customer_name": "\u3000\u674e\u6668\u00a0"}"#
            + "\n" + #"{"order_id": "2", "destination": "US", "ordered_at": "2026-03-02", "customer_name": "Mar\u00eda\u2007"}"#
            + "\n" + #"{"order_id": "3", "destination": "US", "ordered_at": "2026-03-02", "customer_name": "Mar\u00eda Jos\u00e9"}"#
        let rows = Support.rows(try Support.records(text, name: "orders.jsonl"))
        #expect(rows.map(\.customerName) == ["李晨", "María", "María José"])
    }

    @Test func aNameWithBytesThatAreNotUTF8IsKeptWithReplacementCharacters() throws {
        // Invalid UTF-8 in a read column rejects the row; in the customer's name it only shows.
        var bytes = Array((Self.header + "\nSO1,LX1,,US,2026-03-02,,M").utf8)
        bytes += [0xFC]
        bytes += Array("ller,m\u{FC}ller@example.com\n".utf8)
        bytes += Array("SO2,LX2,,US,2026-03-02,,Ann,ann@ex".utf8) + [0xE4] + Array("mple.com\n".utf8)
        let records = try Support.records(bytes: bytes)
        #expect(Support.errors(records).isEmpty)
        let rows = Support.rows(records)
        #expect(rows.map(\.customerName) == ["M\u{FFFD}ller", "Ann"])
        // A valid non-ASCII address is kept; one with broken bytes is not an address.
        #expect(rows.map(\.customerEmail) == ["müller@example.com", nil])
    }

    @Test func longNamesAreCutAndLongEmailsRefused() throws {
        let ascii = String(repeating: "abcdefghij", count: 30)
        let chinese = String(repeating: "李晨", count: 150)
        // 199 letters then a five-scalar emoji (three people joined): cut before the emoji, never inside it.
        let family = String(repeating: "a", count: 199) + "👩‍👩‍👧" + "bbb"
        let email = String(repeating: "a", count: 300) + "@example.com"
        let rows = Support.rows(
            try Support.records(
                Self.header + "\n" + Self.csvRow("SO1", name: ascii, email: email)
                    + Self.csvRow("SO2", name: chinese, email: "") + Self.csvRow("SO3", name: family, email: "")))
        try #require(rows.count == 3)
        #expect(rows[0].customerName == String(ascii.prefix(200)))
        #expect(rows[0].customerEmail == nil)
        #expect(rows[1].customerName == String(chinese.prefix(200)))
        #expect(rows[1].customerName?.unicodeScalars.count == OrderRow.maxCustomerNameScalars)
        #expect(rows[2].customerName == String(repeating: "a", count: 199))
    }

    @Test func aJSONLinesNameLongerThanTheFieldLimitIsCutNotRejected() throws {
        var options = InputOptions()
        options.maxFieldBytes = 64
        let name = String(repeating: "n", count: 1_000)
        let text = #"{"order_id": "1", "destination": "US", "ordered_at": "2026-03-02", "customer_name": "\#(name)"}"#
        let records = try Support.records(text, name: "orders.jsonl", options: options)
        #expect(Support.errors(records).isEmpty)
        #expect(Support.rows(records).first?.customerName == String(repeating: "n", count: 200))
    }

    @Test func lineItemRowsWithCustomerDetailsAreStillSkipped() throws {
        let text = """
            order_id,tracking_number,destination,ordered_at,Email,Shipping Name
            SO1,LX1,US,2026-03-02,ann@example.com,Ann
            SO1,,,2026-03-02,ann@example.com,
            SO2,LX2,DE,2026-03-02,bob@example.com,Bob
            """
        var reader = try OrderFileReader(contents: Array(text.utf8), name: "orders.csv")
        var records: [InputRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(Support.rows(records).map(\.customerName) == ["Ann", "Bob"])
        #expect(reader.statistics.lineItemRowsSkipped == 1)
    }
}
