/// How a response that has been written ends.
enum ResponseEnding {
    /// Complete the response and wait for the next request (keep-alive).
    case keepConnection
    /// Complete the response, then close the connection (`Connection: close`, or HTTP/1.0 without keep-alive).
    case closeConnection
    /// Close the connection without completing the response: the `truncated` fault.
    case cutShort
}
