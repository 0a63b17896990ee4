// What every harness shares: libFuzzer's driver, and the check that batch and scalar agree.
//
// SwiftPM links an executable's `main` to a symbol named after the target (`FuzzSpec_main`),
// so the harnesses cannot use libFuzzer's own `main`; each defines that symbol and calls
// `LLVMFuzzerRunDriver`, libFuzzer's API for exactly this case.

import ActivationCore

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

/// Traps unless `f`'s batch values equal its scalar jets' at every `stride`-th point (both NaN
/// counts as equal): the two paths of every kernel must agree.
public func requireBatchMatchesScalar(
    _ f: Activation, at points: [Double], every stride: Int = 1, _ label: String
) {
    let values = f.jets(points).values
    for (k, x) in points.enumerated() where k % stride == 0 {
        let jet = f.jet(at: x)
        let same = jet.value == values[k] || (jet.value.isNaN && values[k].isNaN)
        precondition(same, "\(label): batch \(values[k]) != scalar \(jet.value) at \(x)")
    }
}
