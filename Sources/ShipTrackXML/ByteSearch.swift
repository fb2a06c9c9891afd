import Foundation

extension [UInt8] {
    /// Whether `needle` occurs in the bytes, found with `memchr` and `memcmp`: the entity check of every document and
    /// the whole-answer rules of every answer scan whole bodies (capped in size) with it.
    public func containsSequence(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return false }
        return withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                guard let base = haystack.baseAddress, let wanted = needle.baseAddress else { return false }
                var start = base
                let end = base + haystack.count
                while end - start >= needle.count,
                    let found = memchr(start, Int32(first), end - start - needle.count + 1)
                {
                    let candidate = found.assumingMemoryBound(to: UInt8.self)
                    if memcmp(candidate, wanted, needle.count) == 0 { return true }
                    start = UnsafePointer(candidate + 1)
                }
                return false
            }
        }
    }
}
