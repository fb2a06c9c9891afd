/// Carries a non-`Sendable` value from one blocking closure to the next; the tests use it strictly one closure
/// at a time, never concurrently.
struct SendableBox<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
