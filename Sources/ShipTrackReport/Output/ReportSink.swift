/// Where a report's bytes go: the batch's atomic report file, a buffer in a test.
///
/// Writers hand over chunks of about 64 KiB, so a sink need not buffer. A sink's errors are passed on unchanged.
public protocol ReportSink {
    /// Appends `bytes`.
    mutating func write(_ bytes: [UInt8]) throws
}

/// A sink that keeps the bytes in memory.
public struct MemorySink: ReportSink, Sendable {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ bytes: [UInt8]) { self.bytes.append(contentsOf: bytes) }

    /// The bytes as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
