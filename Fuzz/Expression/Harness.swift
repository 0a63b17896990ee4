// libFuzzer harness: formulas of x, parsed, compiled and evaluated with their derivatives.
//
// Whatever the text, parsing either succeeds or throws an ExpressionError whose caret points
// inside the text; a formula that parses evaluates (scalar jets and a batch longer than one
// block) without trapping, and batch and scalar results agree.

import ActivationCore
import FuzzDriver

let points: [Double] = (0..<300).map { k in
    let t = Double(k) / 299
    return k % 7 == 0
        ? [-.infinity, -1e300, -0.0, 0x1p-1074, 1e300, .infinity, .nan][k / 7 % 7] : -50 + 100 * t
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzExpression(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let expression: Expression
    do {
        expression = try Expression(text)
    } catch {
        precondition(!error.message.contains("\n"), "a multi-line message for \(text)")
        _ = error.excerpt
        return 0
    }
    requireBatchMatchesScalar(expression.activation, at: points, every: 13, text)
    return 0
}

/// The program's entry: SwiftPM links `main` to `<target>_main`.
@_cdecl("FuzzExpression_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(
        argc, argv, fuzzExpression, warmUp: ["x*tanh(log1p(exp(x)))", "gelu(x) - 0.1*x^2", "x+", "erf(x)"])
}
