import NIOCore

/// Where a connection is in answering its current request. Requests that arrive meanwhile wait in a queue, so
/// pipelined requests are answered one at a time, in order.
enum ConnectionState {
    /// No response in progress; the next queued request can start.
    case idle
    /// Waiting out the configured latency before carrying out a plan.
    case delaying(Scheduled<Void>)
    /// Reading a fixture on the thread pool for response number `response`.
    case preparing(response: Int)
    /// Streaming a body: `remaining` bytes still to write, then `ending`.
    case streaming(remaining: Int, ending: ResponseEnding)
    /// Acting out `timeout`: nothing more is sent or read into the queue.
    case silent
    /// Closing; nothing more is sent.
    case closing
}
