extension CarrierSimulator {
    /// Where a simulator is between `start()` and `stop()`; the in-between states make a second concurrent
    /// `start()` fail instead of binding twice.
    enum Lifecycle: Sendable {
        case stopped
        case starting
        case running(RunningServer)
        case stopping
    }
}
