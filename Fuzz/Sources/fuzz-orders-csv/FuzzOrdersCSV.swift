import FuzzSupport
import ShipTrackInput

/// libFuzzer's entry: the first byte chooses the read size and limits, the rest is a CSV order file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOrdersCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let limits = OrderFileCheck.Limits(selector: input.byte())
    OrderFileCheck.check(input.rest(), format: .csv, limits: limits)
    return 0
}
