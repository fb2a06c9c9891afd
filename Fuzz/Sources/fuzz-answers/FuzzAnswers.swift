import FuzzSupport

/// libFuzzer's entry: three bytes choose the source, the carrier, the number and the charset; the rest is the answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let choice = AnswerCheck.Choice(
        source: input.byte(), carrier: input.byte(), flags: input.byte(), registry: FuzzRegistry.shared)
    AnswerCheck.check(input.rest(), choice: choice)
    return 0
}
