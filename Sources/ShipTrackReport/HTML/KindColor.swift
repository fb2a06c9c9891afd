/// The colour of each action group and flag kind, shared by the page's style and its charts so a kind looks the
/// same everywhere. Chosen to stay apart for the common colour-vision deficiencies and to keep text contrast on
/// white; charts never rely on colour alone (labels and tables carry the numbers).
enum KindColor {
    static let table: [(id: String, hex: String)] = [
        ("refund_window_closing", "#b42318"),
        ("refund_eligible", "#e8590c"),
        ("exception", "#8e44ad"),
        ("no_tracking", "#0b7285"),
        ("late", "#1c64f2"),
        ("stalled", "#2b8a3e"),
        ("awaiting_shipment", "#a87b00"),
        ("not_served", "#495057"),
        ("not_checked", "#868e96"),
        ("delivered_late", "#5c7cfa"),
        ("cancellable", "#adb5bd"),
        ("sources", "#c92a2a"),
        ("rejected", "#e67700"),
    ]

    /// The colour of a kind or group id.
    static func hex(_ id: String) -> String { table.first { $0.id == id }?.hex ?? "#868e96" }
}
