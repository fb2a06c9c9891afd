#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file read in chunks into one fixed buffer: the only memory reading takes, however long the file.
///
/// `bytes[start..<end]` are read and not yet consumed. ``refill()`` moves them to the front and reads the next chunk
/// behind them, so a row that straddles two chunks is whole in the buffer once refilled. The buffer holds the longest
/// row allowed plus a chunk, so a row within the limit always fits.
final class ChunkedInput {
    /// Where the bytes come from.
    private enum Origin {
        /// An open file descriptor, closed in `deinit`.
        case file(Int32)
        /// Bytes the caller gave, and how many have been copied into the buffer.
        case memory([UInt8], copied: Int)
    }

    /// The file as the caller named it, for errors.
    let name: String
    private var origin: Origin
    /// The buffer; ``capacity`` bytes, deallocated in `deinit`.
    let bytes: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private let chunkBytes: Int
    /// First byte not yet consumed.
    var start = 0
    /// One past the last byte read.
    private(set) var end = 0
    /// Whether the whole file has been read into the buffer at some point (nothing more will come).
    private(set) var atEnd = false
    /// Bytes read from the file so far.
    private(set) var bytesRead = 0
    /// The last byte read so far, if any.
    private var lastByte: UInt8?

    /// Whether the file has bytes and its last one is not a line break (its last line has none).
    var endsWithoutLineBreak: Bool {
        guard let lastByte else { return false }
        return lastByte != UInt8(ascii: "\n") && lastByte != UInt8(ascii: "\r")
    }

    /// Opens `path` for reading.
    init(path: String, capacity: Int, chunkBytes: Int) throws(InputFileError) {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            throw InputFileError(
                code: .unreadable, file: path, message: "cannot be read (\(ChunkedInput.describe(errno: errno)))")
        }
        self.name = path
        self.origin = .file(descriptor)
        self.capacity = capacity
        self.chunkBytes = chunkBytes
        self.bytes = .allocate(capacity: capacity)
    }

    /// Reads from bytes already in memory, as if they were a file called `name`.
    init(contents: [UInt8], name: String, capacity: Int, chunkBytes: Int) {
        self.name = name
        self.origin = .memory(contents, copied: 0)
        self.capacity = capacity
        self.chunkBytes = chunkBytes
        self.bytes = .allocate(capacity: capacity)
    }

    deinit {
        if case .file(let descriptor) = origin { _ = close(descriptor) }
        bytes.deallocate()
    }

    /// The number of unconsumed bytes in the buffer.
    var available: Int { end - start }

    /// Moves the unconsumed bytes to the front of the buffer and reads up to one more chunk behind them; at the end
    /// of the file sets ``atEnd`` instead. Does nothing once at the end.
    func refill() throws(InputFileError) {
        guard !atEnd else { return }
        if start > 0 {
            if end > start { bytes.update(from: bytes + start, count: end - start) }
            end -= start
            start = 0
        }
        let room = min(chunkBytes, capacity - end)
        precondition(room > 0, "ChunkedInput.refill with a full buffer")
        let count: Int
        switch origin {
        case .file(let descriptor):
            var result: Int
            repeat {
                result = read(descriptor, bytes + end, room)
            } while result < 0 && errno == EINTR
            guard result >= 0 else {
                throw InputFileError(
                    code: .unreadable, file: name, message: "cannot be read (\(ChunkedInput.describe(errno: errno)))")
            }
            count = result
        case .memory(let contents, let copied):
            count = min(room, contents.count - copied)
            if count > 0 {
                contents.withUnsafeBufferPointer { source in
                    guard let base = source.baseAddress else { return }
                    (bytes + end).update(from: base + copied, count: count)
                }
            }
            origin = .memory(contents, copied: copied + count)
        }
        if count == 0 {
            atEnd = true
        } else {
            end += count
            bytesRead += count
            lastByte = bytes[end - 1]
        }
    }

    /// Refills until at least `count` bytes are available or the file ends.
    func ensureAvailable(_ count: Int) throws(InputFileError) {
        while available < count && !atEnd { try refill() }
    }

    /// Discards everything buffered (used while skipping an over-long line).
    func discardAll() { start = end }

    private static func describe(errno code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }
}
