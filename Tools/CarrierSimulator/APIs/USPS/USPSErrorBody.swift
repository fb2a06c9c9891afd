/// USPS's error answers: the Tracking APIs' `{apiVersion, error: {code, message, errors[]}}` envelope with the texts
/// real answers carry (`/work/research/usps/notes.md` §5), and the OAuth endpoint's `{error, error_description}`.
enum USPSErrorBody {
    static let v3 = "/tracking/v3"
    static let v3r2 = "/tracking/v3r2"

    static let notFoundMessage =
        "Tracking is not available for this item. This may be because the tracking number is invalid; USPS has not yet received payment; USPS has not yet received the item; the item does not include tracking; or other reasons."
    /// The v3 answer for a number with no status yet, with its broken `reg;` entity and trailing " - ".
    static let notYetAvailableMessage =
        "12: A status update is not yet available on your package. It will be available when the shipper provides an update or the package is given to USPS. Check back soon. Sign up for Informed Delivery<SUP>reg;</SUP> to receive notifications for packages addressed to you. - "

    /// The per-number 403 since the Tracking API Access Controls of April 1 2026.
    static func forbiddenMessage(number: String) -> String {
        "The requested MID is not authorized to access /tracking/\(number). USPS implemented Tracking API Access Controls 4/1/2026. If you still require access submit an IP Agreement inquiry via Email Us."
    }

    /// One error detail of `errors[]`.
    struct Detail {
        var status: String?
        var code: String?
        var title: String
        var detail: String
        /// `source` as the documented object (`parameter`, `example`).
        var sourceObject: (parameter: String, example: String)?
        /// `source` as the plain string real 401 answers carry.
        var sourceText: String?

        init(
            status: String? = nil, code: String? = nil, title: String, detail: String = "",
            sourceObject: (parameter: String, example: String)? = nil, sourceText: String? = nil
        ) {
            self.status = status
            self.code = code
            self.title = title
            self.detail = detail
            self.sourceObject = sourceObject
            self.sourceText = sourceText
        }
    }

    /// A whole error answer.
    static func body(apiVersion: String, status: Int, message: String, details: [Detail]) -> [UInt8] {
        var writer = JSONWriter(capacity: 1_024)
        writer.beginObject()
        Self.write(apiVersion: apiVersion, status: status, message: message, details: details, into: &writer)
        writer.endObject()
        return writer.bytes
    }

    /// The envelope's fields, into an object already open (a 207 item adds `statusCode` and `trackingNumber`).
    static func write(apiVersion: String, status: Int, message: String, details: [Detail], into writer: inout JSONWriter) {
        writer.string("apiVersion", apiVersion)
        writer.beginObject("error")
        writer.string("code", String(status))
        writer.string("message", message)
        writer.beginArray("errors")
        for detail in details {
            writer.beginObject()
            if let status = detail.status { writer.string("status", status) }
            if let code = detail.code { writer.string("code", code) }
            writer.string("title", detail.title)
            writer.string("detail", detail.detail)
            if let source = detail.sourceObject {
                writer.beginObject("source")
                writer.string("parameter", source.parameter)
                writer.string("example", source.example)
                writer.endObject()
            } else if let source = detail.sourceText {
                writer.string("source", source)
            }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    /// The details real answers give for `status` about `number`.
    static func details(status: Int, message: String, number: String?) -> [Detail] {
        switch status {
        case 404:
            return [
                Detail(
                    status: "404", code: "150002", title: message,
                    sourceObject: number.map { (parameter: "trackingNumber", example: $0) }
                )
            ]
        case 400 where message == Self.notYetAvailableMessage:
            return [Detail(code: "150001", title: message)]
        default:
            return [Detail(title: message)]
        }
    }

    // MARK: - Whole-call errors

    static func missingToken(apiVersion: String) -> [UInt8] {
        Self.body(
            apiVersion: apiVersion, status: 401, message: "Missing or malformed access token.",
            details: [
                Detail(
                    title: "invalid_token",
                    detail: "The access token presented with the request is missing or malformed (not a JWT).",
                    sourceText: "Access Token"
                )
            ]
        )
    }

    static func expiredToken(apiVersion: String) -> [UInt8] {
        Self.body(
            apiVersion: apiVersion, status: 401, message: "Expired access token.",
            details: [
                Detail(title: "invalid_token", detail: "The access token presented with the request has expired.", sourceText: "Access Token")
            ]
        )
    }

    /// A token without the `tracking` scope, as USPS answered apps without the Tracking product.
    static func noTrackingScope(apiVersion: String) -> [UInt8] {
        Self.body(apiVersion: apiVersion, status: 401, message: "The client application identifier is invalid.", details: [])
    }

    static func quotaExceeded(apiVersion: String) -> [UInt8] {
        Self.body(
            apiVersion: apiVersion, status: 429,
            message: "Exceeded quota limit. Please contact https://emailus.usps.com/s/web-tools-inquiry and a representative will assist.",
            details: [Detail(title: "Too Many Requests.", detail: "Quota limit exceeded.")]
        )
    }

    /// Any other status (a fault): 503 and 500 with the texts a gateway gives.
    static func status(_ status: Int, apiVersion: String) -> [UInt8] {
        switch status {
        case 429:
            return Self.quotaExceeded(apiVersion: apiVersion)
        case 503:
            return Self.body(
                apiVersion: apiVersion, status: 503, message: "Service Unavailable",
                details: [
                    Detail(
                        title: "Service Unavailable",
                        detail: "The service is temporarily unavailable. Please retry after the time given in the Retry-After header."
                    )
                ]
            )
        case 404:
            return Self.body(apiVersion: apiVersion, status: 404, message: Self.notFoundMessage, details: Self.details(status: 404, message: Self.notFoundMessage, number: nil))
        default:
            let message = status == 500 ? "Internal Server Error" : "HTTP \(status)"
            return Self.body(apiVersion: apiVersion, status: status, message: message, details: [Detail(title: message)])
        }
    }

    /// A request the schema refuses (not a JSON array of 1 to 35 requests, an unknown field, a malformed number).
    static func invalidRequest(apiVersion: String, reason: String, detail: String) -> [UInt8] {
        Self.body(
            apiVersion: apiVersion, status: 400,
            message: "OASValidation OpenAPI-Spec-Validation-Tracking with resource \"classpath://tracking-\(apiVersion == Self.v3r2 ? "v3r2" : "v3").yaml\": failed with reason: \"[ERROR - \(reason)]\"",
            details: [
                Detail(
                    status: "400", code: "OASValidation", title: "Bad Request", detail: detail,
                    sourceObject: (parameter: "body", example: "[{\"trackingNumber\":\"9400100000000000000020\"}]")
                )
            ]
        )
    }

    // MARK: - OAuth

    static func oauth(_ error: String, _ description: String) -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        writer.beginObject()
        writer.string("error", error)
        writer.string("error_description", description)
        writer.endObject()
        return writer.bytes
    }
}
