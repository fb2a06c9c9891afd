/// Places a plan's scans in time: the acceptance and the newest scan at the plan's anchors, the scans between spread
/// by each step's typical gap (with jitter), the last steps of a delivery hours apart.
enum ParcelTimeline {
    /// The plan's scans, oldest first, with the instants their pages print.
    static func events(for plan: ParcelPlan) -> [TimelineEvent] {
        let steps = plan.steps
        guard !steps.isEmpty else { return [] }
        var random = SplitMix64(seed: plan.timelineSeed)
        var minutes = [Int](repeating: 0, count: steps.count)

        if plan.stage == .infoReceived {
            minutes[0] = plan.labelMinute ?? plan.acceptedMinute
        } else {
            let anchor = steps.firstIndex(of: .accepted) ?? 0
            if anchor > 0, let labelMinute = plan.labelMinute {
                minutes[0] = labelMinute
            }
            minutes[anchor] = plan.acceptedMinute
            Self.spread(
                steps[(anchor + 1)...], from: plan.acceptedMinute, to: plan.lastMinute ?? plan.acceptedMinute,
                into: &minutes, random: &random
            )
        }

        var events: [TimelineEvent] = []
        events.reserveCapacity(steps.count)
        for (index, step) in steps.enumerated() {
            events.append(
                TimelineEvent(
                    step: step,
                    instant: plan.printedInstant(minute: minutes[index], of: step),
                    leg: plan.leg(of: step),
                    variant: UInt32(truncatingIfNeeded: random.next())
                )
            )
        }
        return events
    }

    /// Fills `minutes` for `steps` (the scans after the acceptance) between `start` and `end`.
    private static func spread(
        _ steps: ArraySlice<TimelineStep>,
        from start: Int,
        to end: Int,
        into minutes: inout [Int],
        random: inout SplitMix64
    ) {
        guard !steps.isEmpty else { return }
        var gaps = [Double](repeating: 0, count: steps.count)
        var isFixed = [Bool](repeating: false, count: steps.count)
        var fixedTotal = 0.0
        var weightTotal = 0.0
        for (offset, step) in steps.enumerated() {
            switch step.gap {
            case .weight(let weight):
                gaps[offset] = weight * random.real(in: 0.6...1.4)
                weightTotal += gaps[offset]
            case .hours(let hours):
                gaps[offset] = random.real(in: hours) * 3_600
                isFixed[offset] = true
                fixedTotal += gaps[offset]
            }
        }
        let span = Double(end - start)
        // The delivery steps take hours, but never more than half of a short span.
        let fixedScale = fixedTotal > span / 2 ? span / 2 / fixedTotal : 1
        let weightedSpan = span - fixedTotal * fixedScale
        var time = Double(start)
        for offset in gaps.indices {
            let gap: Double
            if isFixed[offset] {
                gap = gaps[offset] * fixedScale
            } else {
                gap = weightTotal > 0 ? weightedSpan * gaps[offset] / weightTotal : 0
            }
            time += gap
            minutes[steps.startIndex + offset] = ParcelPlan.floorMinute(Int(time))
        }
        // The newest scan is exactly the plan's anchor, whatever the rounding.
        minutes[steps.endIndex - 1] = end
    }
}
