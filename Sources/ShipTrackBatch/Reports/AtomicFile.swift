import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A report file written to a temporary name in its folder and renamed over the target when complete, so a
/// reader never sees half a report, and a failed run (full disk, killed) leaves the previous report in place.
final class AtomicFile {
    let target: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 16

    init(_ target: URL) throws(ReportError) {
        self.target = target
        temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else {
            throw ReportError(path: target.path, message: "cannot create \(temporary.lastPathComponent): \(String(cString: strerror(errno)))")
        }
        self.handle = handle
    }

    func write(_ text: String) throws(ReportError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= AtomicFile.flushThreshold { try flush() }
    }

    private func flush() throws(ReportError) {
        do { try handle.write(contentsOf: buffer) } catch {
            throw ReportError(path: target.path, message: "cannot write: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames into place.
    func commit() throws(ReportError) {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw ReportError(path: target.path, message: "cannot finish writing: \(error.localizedDescription)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            throw ReportError(path: target.path, message: "cannot rename into place: \(String(cString: strerror(errno)))")
        }
    }

    /// Removes the temporary file after a failure.
    func discard() {
        try? handle.close()
        unlink(temporary.path)
    }
}

/// A report file that could not be written, naming it.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String
    public var description: String { "report \(path): \(message)" }
}
