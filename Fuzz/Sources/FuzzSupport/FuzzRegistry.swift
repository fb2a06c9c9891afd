public import Logging
public import ShipTrackCarriers

/// The built-in carriers and sources, loaded once per process: every target reads with what ships.
public enum FuzzRegistry {
    /// The registry compiled from the embedded definitions; a failure here is a broken build, not a finding.
    public static let shared: CarrierRegistry = {
        do { return try CarrierRegistry.builtIn() } catch { FuzzCheck.fail("the built-in definitions do not load: \(error)") }
    }()

    /// A logger that drops everything: the engine logs per answer, and the fuzzer runs millions of them.
    public static let silentLogger = Logger(label: "fuzz", factory: { _ in SwiftLogNoOpLogHandler() })
}
