import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One nightly run per database at a time: an exclusive `flock` on `<database>.lock` beside the real database file,
/// held while the process lives.
///
/// The lock file's path comes from the database's real path (its folder through `realpath`, the file through any
/// symlinks), so two runs that name one database through a symlink, `..` or a relative path take the same lock.
///
/// A path is not the only way to name a file, so the database file itself is locked too (`flock` on its inode: a bind
/// mount of its folder reaches it by another real path), and a database with more than one hard link is refused:
/// SQLite names its write-ahead log after the path, so two names for one database are two logs for one file, which
/// corrupts it (found by the torture run: two runs through a hard link left "database disk image is malformed").
///
/// The kernel drops the locks when the process ends however it ends (`kill -9` included), so a crashed run never
/// leaves a stale lock behind; the file keeps the holder's pid for the message a second run prints.
public final class RunLock: Sendable {
    private let descriptor: Int32
    private let databaseDescriptor: Int32
    /// The lock file.
    public let path: String

    /// Takes the lock or throws at once (never waits) naming the holder.
    public init(databasePath: String) throws(RunLockError) {
        // The first run on a machine comes before the database's folder exists.
        let folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent()
        try? FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        path = Self.realPath(of: databasePath) + ".lock"
        // O_NOFOLLOW: a symlink planted where the lock goes is refused rather than followed.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw RunLockError.cannotOpen(path: path, errno: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = RunLock.readHolder(descriptor)
            close(descriptor)
            throw RunLockError.held(path: path, holder: holder)
        }
        // Record our pid for the message another run shows; the lock itself is the flock, not the contents.
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        do throws(RunLockError) {
            databaseDescriptor = try Self.lockDatabaseFile(Self.realPath(of: databasePath))
        } catch {
            _ = flock(descriptor, LOCK_UN)
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
    }

    /// Opens (creating it empty when it does not exist yet: SQLite takes an empty file as a new database) and locks the
    /// database file itself, after refusing one with several hard links.
    private static func lockDatabaseFile(_ path: String) throws(RunLockError) -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw RunLockError.cannotOpen(path: path, errno: errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw RunLockError.cannotOpen(path: path, errno: code)
        }
        guard status.st_nlink <= 1 else {
            close(descriptor)
            throw RunLockError.hardLinked(path: path, links: Int(status.st_nlink))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw RunLockError.held(path: path, holder: nil)
        }
        return descriptor
    }

    /// The database's real path: the file resolved through symlinks when it exists, else its real folder and name.
    public static func realPath(of path: String) -> String {
        if let resolved = resolve(path) { return resolved }
        let url = URL(fileURLWithPath: path)
        let folder = resolve(url.deletingLastPathComponent().path) ?? url.deletingLastPathComponent().path
        return folder + "/" + url.lastPathComponent
    }

    private static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    deinit {
        _ = flock(databaseDescriptor, LOCK_UN)
        close(databaseDescriptor)
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func readHolder(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}

/// Why the run lock could not be taken.
public enum RunLockError: Error, CustomStringConvertible, Sendable {
    /// Another run holds it.
    case held(path: String, holder: String?)
    /// The lock file or the database file cannot be opened.
    case cannotOpen(path: String, errno: Int32)
    /// The database file has more than one name.
    case hardLinked(path: String, links: Int)

    public var description: String {
        switch self {
        case .held(let path, let holder):
            "another shiptrack run is using this database (lock \(path)\(holder.map { ", held by pid \($0)" } ?? ""))"
        case .cannotOpen(let path, let code):
            "cannot open \(path): \(String(cString: strerror(code)))"
        case .hardLinked(let path, let links):
            "the database \(path) has \(links) hard links: SQLite names its journal after the path, so one database "
                + "under two names can be corrupted; keep one name (a symlink to it is fine) and remove the other links"
        }
    }
}
