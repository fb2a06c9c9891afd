import Foundation

/// Reads a v3r2 request body as the API's schema says: a JSON array of 1 to 35 objects with `trackingNumber`
/// (4 to 34 letters or digits) and optionally `mailingDate` (`YYYY-MM-DD`) and `destinationZIPCode` (5 digits), and
/// nothing else (`additionalProperties: false`).
enum USPSBatchRequest {
    /// Why a body is refused: the validator's reason and a sentence for people.
    struct Problem: Error {
        var reason: String
        var detail: String
    }

    /// The tracking numbers, normalised (trimmed, upper case), in order.
    static func parse(_ body: [UInt8]) -> Result<[String], Problem> {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
        } catch {
            return .failure(Problem(reason: "Malformed JSON body", detail: "The request body must be a JSON array of 1 to 35 tracking requests."))
        }
        guard let items = value as? [Any] else {
            let type = value is [String: Any] ? "object" : "scalar"
            return .failure(
                Problem(
                    reason: "Instance type (\(type)) does not match any allowed primitive type (allowed: [\\\"array\\\"]): []",
                    detail: "The request body must be a JSON array of 1 to 35 tracking requests."
                )
            )
        }
        guard !items.isEmpty else {
            return .failure(Problem(reason: "Array is too short (0), minimum allowed is 1", detail: "Send at least one tracking request."))
        }
        guard items.count <= USPSAPI.maximumBatchSize else {
            return .failure(
                Problem(
                    reason: "Array is too long (\(items.count)), maximum allowed is \(USPSAPI.maximumBatchSize)",
                    detail: "Send at most \(USPSAPI.maximumBatchSize) tracking requests per call."
                )
            )
        }
        var numbers: [String] = []
        numbers.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let object = item as? [String: Any] else {
                return .failure(Problem(reason: "/\(index): instance type does not match \\\"object\\\"", detail: "Each tracking request must be an object."))
            }
            let unknown = object.keys.filter { !["trackingNumber", "mailingDate", "destinationZIPCode"].contains($0) }.sorted()
            guard unknown.isEmpty else {
                let list = unknown.map { "\\\"\($0)\\\"" }.joined(separator: ",")
                return .failure(
                    Problem(
                        reason: "/\(index): object instance has properties which are not allowed by the schema: [\(list)]",
                        detail: "A tracking request takes only trackingNumber, mailingDate and destinationZIPCode."
                    )
                )
            }
            guard let raw = object["trackingNumber"] as? String, let number = TrackingNumber(normalizing: raw),
                (4...34).contains(number.value.utf8.count)
            else {
                return .failure(
                    Problem(
                        reason: "/\(index)/trackingNumber: missing, not a string, or not 4 to 34 letters or digits",
                        detail: "Each tracking request needs a trackingNumber of 4 to 34 letters or digits."
                    )
                )
            }
            if let zip = object["destinationZIPCode"] {
                guard let text = zip as? String, text.utf8.count == 5, text.utf8.allSatisfy({ CheckDigits.digit($0) != nil }) else {
                    return .failure(
                        Problem(reason: "/\(index)/destinationZIPCode: does not match ^\\\\d{5}$", detail: "destinationZIPCode must be 5 digits.")
                    )
                }
            }
            if let date = object["mailingDate"] {
                guard let text = date as? String, CalendarDay(text) != nil else {
                    return .failure(Problem(reason: "/\(index)/mailingDate: not a valid date", detail: "mailingDate must be a date YYYY-MM-DD."))
                }
            }
            numbers.append(number.value)
        }
        return .success(numbers)
    }
}
