/// One extra header of a `PlannedResponse`.
struct PlannedHeader: Sendable, Hashable {
    var name: String
    var value: String
}
