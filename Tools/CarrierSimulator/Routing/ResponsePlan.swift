/// What the simulator does in answer to one request: chosen by `ResponsePlanner`, carried out by
/// `ConnectionHandler`. Plain data, so planning can be tested without a network.
enum ResponsePlan: Sendable, Hashable {
    /// Send a complete response.
    case respond(PlannedResponse)
    /// Declare the full `Content-Length` of the response, send only part of its body, then close the connection.
    case truncate(PlannedResponse)
    /// Send nothing and keep the connection open until the client gives up or the simulator stops.
    case staySilent
    /// Abort the connection with a TCP reset.
    case resetConnection
    /// An API call: its answer depends on state (tokens, quotas, registrations) and needs work per tracking number,
    /// so it is planned on the thread pool, and the plan found there is carried out.
    case compute(APIRequest)
}

extension ResponsePlan {
    /// A one-line summary for the request log.
    var logDescription: String {
        switch self {
        case .respond(let response):
            "\(response.status) \(response.body.logDescription)"
        case .truncate(let response):
            "truncated \(response.status) \(response.body.logDescription)"
        case .staySilent:
            "no answer (timeout)"
        case .resetConnection:
            "connection reset"
        case .compute(let request):
            "computed answer for \(request.endpoint)"
        }
    }
}
