import ArgumentParser
import Logging

/// `--verbose` / `--quiet`, and the logger they configure (to stderr, so stdout stays clean for output).
struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log more (debug level).")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Log only errors.")
    var quiet = false

    func validate() throws {
        if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be used together") }
    }

    func makeLogger(label: String = "shiptrack") -> Logger {
        var logger = Logger(label: label) { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = verbose ? .debug : quiet ? .error : .warning
        return logger
    }
}
