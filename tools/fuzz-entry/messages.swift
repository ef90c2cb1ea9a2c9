// libFuzzer entry for `tools/fuzz messages`; the logic is in
// Tests/SyncHealthFuzzTargets/MessageFuzzTarget.swift.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try MessageFuzzTarget.run(input)
    } catch {
        fatalError("message fuzz invariant broken: \(error)")
    }
    return 0
}
