import Foundation
import ShipTrackReport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The report folder: one dated folder per run, and `latest`, a link switched to the newest complete run's folder
/// in one atomic step, so a reader never sees a mix of two runs' files.
///
/// A run writes into `.partial-run<ID>` and renames it to its dated name when every file is complete; only then
/// does `latest` move. A killed run leaves its partial folder, which the next run removes. Folders older than the
/// retention are removed, never the one `latest` points to.
struct ReportFolder {
    let root: URL
    /// Whether the store allows its group to read the reports (default: owner only; they hold customers' names).
    let groupReadable: Bool

    var folderMode: Int { groupReadable ? 0o750 : 0o700 }
    var fileMode: Int32 { groupReadable ? 0o640 : 0o600 }

    /// Checks, before any request is sent, that the folder exists or can be made and that files can be written
    /// there.
    func prepare() throws(ReportError) {
        do {
            try FileManager.default.createDirectory(
                at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: folderMode])
        } catch {
            throw ReportError(path: root.path, message: "cannot create the report folder: \(error.localizedDescription)")
        }
        let probe = root.appendingPathComponent(".shiptrack-write-test-\(getpid())")
        let descriptor = open(probe.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ReportError(path: root.path, message: "the report folder is not writable: \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        unlink(probe.path)
    }

    /// Removes partial folders of runs that were killed (the run lock guarantees none is being written now).
    func removePartialFolders() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] where name.hasPrefix(".partial-run") {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(name))
        }
    }

    /// A new partial folder for `run`.
    func begin(run: Int64) throws(ReportError) -> URL {
        let folder = root.appendingPathComponent(".partial-run\(run)")
        try? FileManager.default.removeItem(at: folder)
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: folderMode])
        } catch {
            throw ReportError(path: folder.path, message: "cannot create the run's report folder: \(error.localizedDescription)")
        }
        return folder
    }

    /// The dated name of a run's folder: `2026-11-30T0130Z-run12` (the run's "now", UTC), `-refused` when the
    /// order file was refused.
    static func name(run: Int64, asOf: Date, refused: Bool) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HHmm'Z'"
        return "\(formatter.string(from: asOf))-run\(run)\(refused ? "-refused" : "")"
    }

    /// Makes the partial folder the run's dated folder, and (unless `keepLatest`) points `latest` at it.
    func complete(_ partial: URL, as name: String, keepLatest: Bool) throws(ReportError) -> URL {
        let final = root.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: final)
        guard rename(partial.path, final.path) == 0 else {
            throw ReportError(path: final.path, message: "cannot rename the run's folder into place: \(String(cString: strerror(errno)))")
        }
        if !keepLatest {
            // A new link beside the old, then one rename: `latest` is always a whole run's folder.
            let temporary = root.appendingPathComponent(".latest-\(getpid())")
            unlink(temporary.path)
            guard symlink(name, temporary.path) == 0, rename(temporary.path, root.appendingPathComponent("latest").path) == 0
            else {
                unlink(temporary.path)
                throw ReportError(path: root.appendingPathComponent("latest").path, message: "cannot point latest at \(name): \(String(cString: strerror(errno)))")
            }
        }
        return final
    }

    /// The folder `latest` points to, if any.
    var latest: URL? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("latest").path)
        else { return nil }
        return root.appendingPathComponent(target)
    }

    /// Removes run folders last changed more than `days` days before `now`, never the latest one.
    func removeFolders(olderThan days: Int, now: Date) -> Int {
        let keep = latest?.lastPathComponent
        var removed = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        where name.contains("-run") && !name.hasPrefix(".") && name != keep {
            let folder = root.appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: folder.path),
                let modified = attributes[.modificationDate] as? Date,
                now.timeIntervalSince(modified) > Double(days) * 86_400
            else { continue }
            if (try? FileManager.default.removeItem(at: folder)) != nil { removed += 1 }
        }
        return removed
    }
}

/// A report file being written: bytes go straight to the file in chunks (the writers hand over about 64 KiB at a
/// time), created readable by its owner only unless the store allows its group.
final class ReportFile {
    let url: URL
    private let descriptor: Int32

    init(_ url: URL, mode: Int32) throws(ReportError) {
        self.url = url
        descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else {
            throw ReportError(path: url.path, message: "cannot create: \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(descriptor) }

    func write(_ bytes: [UInt8]) throws(ReportError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in Glibc.write(descriptor, buffer.baseAddress, buffer.count) }
            guard written > 0 else {
                throw ReportError(path: url.path, message: "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    func write(_ text: String) throws(ReportError) { try write(Array(text.utf8)) }

    /// Flushes the file to the disk, so a folder switched to `latest` is complete after a power loss too.
    func finish() throws(ReportError) {
        guard fsync(descriptor) == 0 else {
            throw ReportError(path: url.path, message: "cannot finish writing: \(String(cString: strerror(errno)))")
        }
    }
}

/// A `ReportSink` over a ``ReportFile``, for the morning report's writers.
struct ReportFileSink: ReportSink {
    let file: ReportFile
    mutating func write(_ bytes: [UInt8]) throws { try file.write(bytes) }
}

/// A report file that could not be written, naming it.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String
    public var description: String { "report \(path): \(message)" }
}
