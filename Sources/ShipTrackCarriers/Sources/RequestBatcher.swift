import Synchronization

/// Gathers single-number requests into batches for a source that takes several numbers per request (USPS 35,
/// 17TRACK 40), so callers ask for one number each and the source sees full batches.
///
/// A batch leaves when it is full, or a short moment (`linger`) after its first number arrived, whichever comes
/// first; each caller then gets the result for its own number. A caller cancelled while its number still waits is
/// taken out of the batch.
final class RequestBatcher<Output: Sendable>: Sendable {
    typealias Perform = @Sendable ([AskedNumber]) async -> [String: Output]

    private struct Pending {
        let id: Int
        let asked: AskedNumber
        let continuation: CheckedContinuation<Output, Never>
    }

    private struct State {
        var pending: [Pending] = []
        var nextID = 0
        var generation = 0
    }

    private let size: Int
    private let linger: Duration
    private let perform: Perform
    private let cancelled: @Sendable (AskedNumber) -> Output
    private let missing: @Sendable (AskedNumber) -> Output
    private let state = Mutex(State())

    /// - Parameters:
    ///   - size: numbers per batch at most.
    ///   - linger: how long a partial batch waits for more numbers.
    ///   - perform: sends one batch and returns each number's result.
    ///   - cancelled: the result for a caller cancelled before its batch left.
    ///   - missing: the result for a number `perform` returned nothing for.
    init(
        size: Int, linger: Duration, perform: @escaping Perform, cancelled: @escaping @Sendable (AskedNumber) -> Output,
        missing: @escaping @Sendable (AskedNumber) -> Output
    ) {
        self.size = max(1, size)
        self.linger = linger
        self.perform = perform
        self.cancelled = cancelled
        self.missing = missing
    }

    /// The result for `asked`, once its batch has been answered.
    func submit(_ asked: AskedNumber) async -> Output {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Output, Never>) in
                enqueue(Pending(id: id, asked: asked, continuation: continuation))
            }
        } onCancel: {
            let removed = state.withLock { state -> Pending? in
                guard let index = state.pending.firstIndex(where: { $0.id == id }) else { return nil }
                return state.pending.remove(at: index)
            }
            if let removed { removed.continuation.resume(returning: cancelled(removed.asked)) }
        }
    }

    private enum Action {
        case none
        case flushNow([Pending])
        case scheduleFlush(Int)
    }

    private func enqueue(_ item: Pending) {
        let action = state.withLock { state -> Action in
            if Task.isCancelled { return .flushNow([]) }
            state.pending.append(item)
            if state.pending.count >= size {
                let batch = Array(state.pending.prefix(size))
                state.pending.removeFirst(batch.count)
                state.generation += 1
                return .flushNow(batch)
            }
            return state.pending.count == 1 ? .scheduleFlush(state.generation) : .none
        }
        switch action {
        case .none: break
        case .flushNow(let batch):
            if batch.isEmpty {
                item.continuation.resume(returning: cancelled(item.asked))
            } else {
                send(batch)
            }
        case .scheduleFlush(let generation):
            let linger = linger
            Task {
                try? await Task.sleep(for: linger)
                let batch = state.withLock { state -> [Pending] in
                    // A full batch left meanwhile: what waits now belongs to a newer generation with its own timer.
                    guard state.generation == generation else { return [] }
                    let batch = Array(state.pending.prefix(size))
                    state.pending.removeFirst(batch.count)
                    state.generation += 1
                    if !state.pending.isEmpty { scheduleAgain(state.generation) }
                    return batch
                }
                if !batch.isEmpty { send(batch) }
            }
        }
    }

    private func scheduleAgain(_ generation: Int) {
        let linger = linger
        Task {
            try? await Task.sleep(for: linger)
            let batch = state.withLock { state -> [Pending] in
                guard state.generation == generation else { return [] }
                let batch = Array(state.pending.prefix(size))
                state.pending.removeFirst(batch.count)
                state.generation += 1
                if !state.pending.isEmpty { scheduleAgain(state.generation) }
                return batch
            }
            if !batch.isEmpty { send(batch) }
        }
    }

    private func send(_ batch: [Pending]) {
        let perform = perform
        let missing = missing
        Task {
            let results = await perform(batch.map(\.asked))
            for item in batch { item.continuation.resume(returning: results[item.asked.number] ?? missing(item.asked)) }
        }
    }
}
