/// The Heaviside step: 1 for x > 0, 0 for x < 0, `atZero` at 0.
///
/// ```
/// f = 1[x > 0] (+ atZero·1[x = 0])    f′ = 0    f″ = 0
/// ```
/// The derivative is 0 everywhere, 0 included: the jump carries no finite slope.
struct BinaryStep: ScalarKernel {
    var atZero: Double

    @inline(__always)
    func value(at x: Double) -> Double {
        x > 0 ? 1 : x < 0 ? 0 : x == 0 ? atZero : x
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        x.isNaN ? Jet(nan: x) : Jet(value: value(at: x), derivative: 0, secondDerivative: 0)
    }
}
