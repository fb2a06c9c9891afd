import Foundation
import ShipTrackModel

extension StoreConfiguration {
    /// Largest configuration file accepted.
    static let maxBytes = 1 << 20

    static func read(_ url: URL) throws(ConfigurationError) -> StoreConfiguration {
        let file = url.path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            if let size = (attributes[.size] as? NSNumber)?.intValue, size > maxBytes {
                throw ConfigurationError(file: file, key: "", message: "is larger than \(maxBytes) bytes")
            }
            data = try Data(contentsOf: url)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(file: file, key: "", message: "cannot read: \(error.localizedDescription)")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw ConfigurationError(file: file, key: "", message: "not valid JSON: \(detail)")
        }
        let reader = KeyReader(file: file)
        var configuration = StoreConfiguration()
        configuration.file = file
        let root = try reader.object(object, at: "")
        try reader.only(root, at: "", allowed: ["store", "sources", "orders", "reports", "database", "policy", "_comment"])
        if let store = try reader.optionalObject(root["store"], at: "store") {
            try reader.only(store, at: "store", allowed: ["name"])
            configuration.storeName = try reader.string(store["name"], at: "store.name")
        }
        configuration.database = try reader.string(root["database"], at: "database")
        configuration.policy = try reader.string(root["policy"], at: "policy")
        if let sources = try reader.optionalObject(root["sources"], at: "sources") {
            try reader.only(sources, at: "sources", allowed: ["preferences", "limits", "credentials_file", "longest_retry_wait", "base_url"])
            configuration.sources.credentialsFile = try reader.string(sources["credentials_file"], at: "sources.credentials_file")
            configuration.sources.baseURL = try reader.string(sources["base_url"], at: "sources.base_url")
            if let text = try reader.string(sources["longest_retry_wait"], at: "sources.longest_retry_wait") {
                guard let duration = DurationText.parse(text) else {
                    throw ConfigurationError(file: file, key: "sources.longest_retry_wait", message: "\"\(text)\" is not a duration such as 5m, 1h or 300s")
                }
                configuration.sources.longestRetryWait = duration
            }
            if let preferences = try reader.optionalObject(sources["preferences"], at: "sources.preferences") {
                for (carrier, value) in preferences {
                    let key = "sources.preferences.\(carrier)"
                    guard let list = value as? [Any], !list.isEmpty else {
                        throw ConfigurationError(file: file, key: key, message: "must be a list of source names, most preferred first")
                    }
                    var order: [SourceID] = []
                    for (index, item) in list.enumerated() {
                        guard let name = item as? String, !name.isEmpty else {
                            throw ConfigurationError(file: file, key: "\(key)[\(index)]", message: "must be a source name")
                        }
                        order.append(SourceID(name))
                    }
                    configuration.sources.preferences[CarrierID(carrier)] = order
                }
            }
            if let limits = try reader.optionalObject(sources["limits"], at: "sources.limits") {
                for (source, value) in limits {
                    let key = "sources.limits.\(source)"
                    let entry = try reader.object(value, at: key)
                    try reader.only(entry, at: key, allowed: ["concurrency", "requests_per_second", "calls_per_hour", "units_per_month", "units_per_night"])
                    var limit = Limits()
                    limit.concurrency = try reader.integer(entry["concurrency"], at: key + ".concurrency", range: 1...1_024)
                    limit.requestsPerSecond = try reader.number(entry["requests_per_second"], at: key + ".requests_per_second", range: 0.001...100_000)
                    limit.callsPerHour = try reader.integer(entry["calls_per_hour"], at: key + ".calls_per_hour", range: 0...10_000_000)
                    limit.unitsPerMonth = try reader.integer(entry["units_per_month"], at: key + ".units_per_month", range: 0...1_000_000_000)
                    limit.unitsPerNight = try reader.integer(entry["units_per_night"], at: key + ".units_per_night", range: 0...1_000_000_000)
                    configuration.sources.limits[SourceID(source)] = limit
                }
            }
        }
        if let orders = try reader.optionalObject(root["orders"], at: "orders") {
            try reader.only(orders, at: "orders", allowed: ["columns", "format", "date_order"])
            if let columns = try reader.optionalObject(orders["columns"], at: "orders.columns") {
                for (canonical, header) in columns {
                    guard let header = header as? String, !header.isEmpty else {
                        throw ConfigurationError(file: file, key: "orders.columns.\(canonical)", message: "must be the header text in the order file")
                    }
                    configuration.orders.columns[canonical] = header
                }
            }
            configuration.orders.format = try reader.choice(orders["format"], at: "orders.format", among: ["csv", "jsonl"])
            configuration.orders.dateOrder = try reader.choice(orders["date_order"], at: "orders.date_order", among: ["mdy", "dmy"])
        }
        if let reports = try reader.optionalObject(root["reports"], at: "reports") {
            try reader.only(reports, at: "reports", allowed: ["folder", "keep_days", "templates", "csv_rows", "group_readable"])
            configuration.reports.folder = try reader.string(reports["folder"], at: "reports.folder")
            configuration.reports.keepDays = try reader.integer(reports["keep_days"], at: "reports.keep_days", range: 1...3_650)
            configuration.reports.templates = try reader.string(reports["templates"], at: "reports.templates")
            configuration.reports.csvRows = try reader.choice(reports["csv_rows"], at: "reports.csv_rows", among: ["order", "flag"])
            configuration.reports.groupReadable = try reader.boolean(reports["group_readable"], at: "reports.group_readable")
        }
        return configuration
    }
}

/// Reads typed values out of a parsed JSON object, naming the key of anything wrong (and suggesting the nearest
/// known key for a misspelt one).
struct KeyReader {
    let file: String

    func object(_ value: Any?, at key: String) throws(ConfigurationError) -> [String: Any] {
        guard let object = value as? [String: Any] else {
            throw ConfigurationError(file: file, key: key, message: "must be an object")
        }
        return object
    }

    func optionalObject(_ value: Any?, at key: String) throws(ConfigurationError) -> [String: Any]? {
        guard let value, !(value is NSNull) else { return nil }
        return try object(value, at: key)
    }

    func only(_ object: [String: Any], at key: String, allowed: [String]) throws(ConfigurationError) {
        for name in object.keys.sorted() where !allowed.contains(name) {
            let path = key.isEmpty ? name : "\(key).\(name)"
            let suggestion = Suggestion.nearest(to: name, among: allowed.filter { !$0.hasPrefix("_") })
            throw ConfigurationError(
                file: file, key: path,
                message: "unknown key" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? " (known: \(allowed.filter { !$0.hasPrefix("_") }.joined(separator: ", ")))"))
        }
    }

    func string(_ value: Any?, at key: String) throws(ConfigurationError) -> String? {
        guard let value, !(value is NSNull) else { return nil }
        guard let text = value as? String, !text.isEmpty else {
            throw ConfigurationError(file: file, key: key, message: "must be a non-empty string")
        }
        return text
    }

    func choice(_ value: Any?, at key: String, among choices: [String]) throws(ConfigurationError) -> String? {
        guard let text = try string(value, at: key) else { return nil }
        guard choices.contains(text) else {
            throw ConfigurationError(file: file, key: key, message: "must be one of \(choices.joined(separator: ", "))")
        }
        return text
    }

    /// Whether a parsed JSON value is `true` or `false`. Foundation bridges numbers and booleans alike to NSNumber
    /// (so `value is Bool` holds for 0 and 1 too); JSON's booleans come back as its boolean subclass.
    static func isBoolean(_ value: Any) -> Bool {
        String(describing: type(of: value)).contains("Boolean")
    }

    func boolean(_ value: Any?, at key: String) throws(ConfigurationError) -> Bool? {
        guard let value, !(value is NSNull) else { return nil }
        // JSON's true and false only: 1 and "yes" are mistakes worth naming.
        guard Self.isBoolean(value), let flag = value as? Bool else {
            throw ConfigurationError(file: file, key: key, message: "must be true or false")
        }
        return flag
    }

    func integer(_ value: Any?, at key: String, range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let value, !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, !Self.isBoolean(value), number.doubleValue == number.doubleValue.rounded(),
            range.contains(number.intValue)
        else {
            throw ConfigurationError(file: file, key: key, message: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number.intValue
    }

    func number(_ value: Any?, at key: String, range: ClosedRange<Double>) throws(ConfigurationError) -> Double? {
        guard let value, !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, !Self.isBoolean(value), range.contains(number.doubleValue) else {
            throw ConfigurationError(file: file, key: key, message: "must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number.doubleValue
    }
}
