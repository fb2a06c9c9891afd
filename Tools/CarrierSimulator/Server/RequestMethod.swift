/// The HTTP method a carrier's tracking page expects.
enum RequestMethod: String, Sendable, Hashable {
    case get = "GET"
    case post = "POST"
}
