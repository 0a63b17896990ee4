/// Leaky ReLU, PReLU and RReLU in evaluation mode: x for x ≥ 0, α·x below.
///
/// ```
/// f = x (x ≥ 0), α·x (x < 0)    f′ = 1, α    f″ = 0
/// ```
/// f′(0) follows the kink convention with x > 0 as the active piece: α when exclusive
/// (PyTorch, TensorFlow, Keras), 1 when inclusive (JAX, DL4J). One rounding at most.
struct LeakyRectifier: ScalarKernel {
    var alpha: Double
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        x >= 0 ? x : alpha == 0 && x.isInfinite ? 0 : alpha * x
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let slope = x > 0 ? 1 : x < 0 ? alpha : kink.pick(inside: 1, outside: alpha)
        return Jet(value: value(at: x), derivative: slope, secondDerivative: 0)
    }
}
