public import ShipTrackModel

extension StorePolicy {
    /// The delivery guarantee and the refund window ("45 days not including 2-5 day processing"; "refund requests
    /// within 15 days after the guaranteed period").
    public struct RefundRules: Hashable, Sendable {
        /// Length of the guarantee (published: 45).
        public let guaranteeDays: Int
        /// Whether ``guaranteeDays`` and ``requestDays`` are calendar or business days (decided: calendar).
        public let dayKind: DayKind
        /// When the guarantee's clock starts (decided: at the end of the processing window).
        public let guaranteeStarts: GuaranteeStart
        /// Days after the guarantee's last day during which a refund can be requested (published: 15).
        public let requestDays: Int
        /// The last this many days of the request window raise `refund_window_closing` (ShipTrack's rule: 3).
        public let closingWarningDays: Int
        /// Carrier reasons for which the policy refuses a refund (not cleared by customs; the customer's own wrong
        /// address or refusal).
        public let excludedReasons: Set<StatusReason>
    }

    /// How a number of days is counted.
    public enum DayKind: String, Hashable, Sendable, CaseIterable {
        /// Every day counts.
        case calendar
        /// Only the store's business days count.
        case business
    }

    /// When the guarantee's clock starts.
    public enum GuaranteeStart: String, Hashable, Sendable, CaseIterable {
        /// The hand-over to the carrier when known and earlier, else the end of the processing window.
        case handoverOrProcessingDeadline = "handover_or_processing_deadline"
        /// Always the end of the processing window (order + the maximum processing business days).
        case processingDeadline = "processing_deadline"
    }
}
