import Foundation

/// Invariant checks that turn a broken promise into a crash libFuzzer records, with a sentence saying which promise.
public enum FuzzCheck {
    /// Stops the process (a crash for libFuzzer, which saves the input) when `condition` is false.
    public static func require(
        _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
    ) {
        guard !condition else { return }
        fail(message(), file: file, line: line)
    }

    /// Stops the process with `message`.
    public static func fail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
        // Printed before the trap so the reason is in the fuzzer's log even without a symbolicated backtrace.
        FileHandle.standardError.write(Data("FUZZ INVARIANT BROKEN (\(file):\(line)): \(message)\n".utf8))
        fatalError(message, file: file, line: line)
    }
}
