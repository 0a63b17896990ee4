// libFuzzer harness: function specs (names, presets, parameters) as a user types them.
//
// Input: the spec text, then optionally a NUL and the `--others` numbers. Any spec that reads
// must evaluate at every test point, scalar and batch, without trapping; any that does not
// must throw an ActivationError with a one-line message.

import ActivationCore
import FuzzDriver

/// Points across the whole line, where kinks, overflow and underflow live.
let points: [Double] = [
    -.infinity, -1e308, -1e15, -710, -40, -3, -1, -0.5, -0x1p-1074, 0, 0x1p-1074, 1e-300, 0.5, 1, 3, 40, 710,
    1e15, 1e308, .infinity, .nan,
]

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzSpec(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let spec = String(decoding: parts[0], as: UTF8.self)
    let others =
        parts.count > 1
        ? String(decoding: parts[1], as: UTF8.self).split(separator: ",").prefix(64).compactMap {
            DecimalText.parse(String($0))
        } : [0]
    do {
        let f = try Catalog.activation(spec, others: others.isEmpty ? [0] : others)
        _ = f.name
        requireBatchMatchesScalar(f, at: points, spec)
    } catch {
        // A formula's error is its message, then the formula and a caret: check the message.
        let message: String
        if case .invalidExpression(let expression) = error {
            message = expression.message
        } else {
            message = error.description
        }
        precondition(!message.contains("\n"), "a multi-line error for \(spec)")
    }
    _ = try? Catalog.preset(named: spec)
    return 0
}

/// The program's entry: SwiftPM links `main` to `<target>_main`.
@_cdecl("FuzzSpec_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(
        argc, argv, fuzzSpec,
        warmUp: ["gelu", "torch.hardsigmoid", "leaky_relu:alpha=0.2", "softmax\u{0}1,2", "x*sigmoid(x)"])
}
