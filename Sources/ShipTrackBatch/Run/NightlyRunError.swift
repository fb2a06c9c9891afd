public import ShipTrackCarriers
public import ShipTrackHTTP
public import ShipTrackInput

/// Why a run could not run at all (as opposed to shipments that could not be checked, which a summary reports).
public enum NightlyRunError: Error, CustomStringConvertible, Sendable {
    /// Another run holds the database's lock.
    case locked(RunLockError)
    /// The order file cannot be read as orders.
    case input(InputFileError)
    /// The database cannot be opened or written.
    case database(BatchStoreError)
    /// A report file cannot be written.
    case report(ReportError)
    /// libcurl could not be set up (a system problem, not a database one).
    case http(HTTPClientError)
    /// The tracking sources are configured in a way that cannot work (a half-configured source).
    case sources(SourceSetupError)

    public var description: String {
        switch self {
        case .locked(let error): "\(error)"
        case .input(let error): "\(error)"
        case .database(let error): "\(error)"
        case .report(let error): "\(error)"
        case .sources(let error): "\(error)"
        case .http(let error): "cannot set up HTTP: \(error)"
        }
    }
}
