/// The exponential, e^x (Keras' `exponential`).
///
/// ```
/// f = f′ = f″ = e^x
/// ```
/// Overflows honestly to +∞ above x ≈ 709.78.
struct Exponential: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double { exp(x) }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        let e = exp(x)
        return Jet(value: e, derivative: e, secondDerivative: e)
    }
}
