// libFuzzer entry for `tools/fuzz frame`; the logic is in
// Tests/SyncHealthFuzzTargets/FrameFuzzTarget.swift.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try FrameFuzzTarget.run(input)
    } catch {
        fatalError("frame fuzz invariant broken: \(error)")
    }
    return 0
}
