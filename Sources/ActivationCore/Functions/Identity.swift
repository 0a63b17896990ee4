/// The identity, f(x) = x.
///
/// ```
/// f = x    f′ = 1    f″ = 0
/// ```
struct Identity: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double { x }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        x.isNaN ? Jet(nan: x) : Jet(value: x, derivative: 1, secondDerivative: 0)
    }
}
