/// The rule for names the routing file gives for folders and files under `Fixtures/`: one path component of
/// ASCII letters, digits, `.`, `_` and `-`, not starting with `.`, so no name can climb out of the folder.
enum FixtureFileName {
    static let maximumLength = 200

    /// Why `name` is not acceptable, or `nil` when it is.
    static func problem(with name: String) -> String? {
        guard !name.isEmpty, name.utf8.count <= maximumLength else {
            return "must be 1 to \(maximumLength) characters"
        }
        guard name.utf8.first != UInt8(ascii: "."),
            name.utf8.allSatisfy({ isPermitted($0) })
        else {
            return "\"\(name)\" must be a plain file name: letters, digits, '.', '_' and '-', not starting with '.'"
        }
        return nil
    }

    /// Why `fileExtension` is not acceptable (1 to 16 letters or digits), or `nil` when it is.
    static func problem(withExtension fileExtension: String) -> String? {
        guard (1...16).contains(fileExtension.utf8.count), fileExtension.utf8.allSatisfy({ isASCIIAlphanumeric($0) })
        else {
            return "\"\(fileExtension)\" must be 1 to 16 letters or digits, without the dot"
        }
        return nil
    }

    private static func isPermitted(_ byte: UInt8) -> Bool {
        isASCIIAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "a")...UInt8(ascii: "z"):
            return true
        default:
            return false
        }
    }
}
