// The entry every harness shares: libFuzzer's driver.
//
// SwiftPM links an executable's `main` to a symbol named after the target (`FuzzSpec_main`),
// so the harnesses cannot use libFuzzer's own `main`; each defines that symbol and calls
// `LLVMFuzzerRunDriver`, libFuzzer's API for exactly this case.

/// libFuzzer's test callback: one input, 0 to go on.
public typealias FuzzTest = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: FuzzTest
) -> CInt

/// Runs libFuzzer with the program's arguments on `test`; returns its exit status.
///
/// `warmUp` inputs run first, outside libFuzzer, so that the catalog and other lazily built
/// globals exist before its leak check starts counting allocations.
public func runFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: FuzzTest,
    warmUp: [String]
) -> CInt {
    for input in warmUp {
        var bytes = Array(input.utf8)
        _ = bytes.withUnsafeMutableBufferPointer { test($0.baseAddress, $0.count) }
    }
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, test)
}
