/// Hard tanh: x clipped to [minimum, maximum].
///
/// ```
/// f = clip(x, lo, hi)    f′ = 1[lo < x < hi]    f″ = 0
/// ```
/// f′(lo) and f′(hi) follow the kink convention: 0 when exclusive (PyTorch), 1 when
/// inclusive (JAX, Keras, DL4J). Exact.
struct HardTanh: ScalarKernel {
    var minimum: Double
    var maximum: Double
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        x < minimum ? minimum : x > maximum ? maximum : x
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let slope: Double =
            x > minimum && x < maximum
            ? 1
            : x < minimum || x > maximum ? 0 : kink.pick(inside: 1, outside: 0)
        return Jet(value: value(at: x), derivative: slope, secondDerivative: 0)
    }
}
