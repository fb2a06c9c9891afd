import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The credentials file: `NAME=value` lines, `#` comments and blank lines, readable by its owner only.
///
/// ```
/// # ~/.config/shiptrack/credentials (chmod 600)
/// USPS_CLIENT_ID=...
/// USPS_CLIENT_SECRET=...
/// TRACK17_API_KEY=...
/// ```
enum CredentialsFile {
    /// Largest file accepted: a credentials file is a few lines.
    static let maxBytes = 64 * 1024

    /// The variables in `file`. A file that others can read (group or world permission bits) is refused: its secrets
    /// may already be exposed, and the operator must fix the permissions.
    static func read(_ file: URL, required: Bool) throws(CredentialsError) -> [String: String] {
        var info = stat()
        guard stat(file.path, &info) == 0 else {
            if errno == ENOENT, !required { return [:] }
            throw CredentialsError(file: file.path, line: nil, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw CredentialsError(file: file.path, line: nil, message: "is not a regular file")
        }
        if info.st_mode & 0o077 != 0 {
            throw CredentialsError(
                file: file.path, line: nil,
                message: "is readable by others (mode \(String(info.st_mode & 0o777, radix: 8))); run `chmod 600 \(file.path)` "
                    + "and rotate any secret it held")
        }
        guard info.st_size <= maxBytes else {
            throw CredentialsError(file: file.path, line: nil, message: "is larger than \(maxBytes) bytes")
        }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw CredentialsError(file: file.path, line: nil, message: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CredentialsError(file: file.path, line: nil, message: "is not UTF-8 text")
        }
        var values: [String: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let body = line.hasPrefix("export ") ? String(line.dropFirst("export ".count)) : line
            guard let equals = body.firstIndex(of: "=") else {
                // Never echo the line: it may be a secret pasted without its name.
                throw CredentialsError(file: file.path, line: index + 1, message: "expected NAME=value")
            }
            let name = body[..<equals].trimmingCharacters(in: .whitespaces)
            guard Template.isVariableName(name) else {
                throw CredentialsError(file: file.path, line: index + 1, message: "\"\(name)\" is not a variable name (A-Z, 0-9, _)")
            }
            var value = body[body.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[name] = value
        }
        return values
    }
}
