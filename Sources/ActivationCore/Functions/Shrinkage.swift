/// Hard and soft shrinkage: zero on [−λ, λ], the identity (hard) or x ∓ λ (soft) outside.
///
/// ```
/// hard: f = x for |x| > λ, else 0          soft: f = x − λ·sgn(x) for |x| > λ, else 0
/// f′ = 1[|x| > λ]                           f″ = 0
/// ```
/// |x| > λ is the active piece; at ±λ the exclusive convention gives f′ = 0 (PyTorch,
/// Keras). x ∓ λ is one rounding.
struct Shrinkage: ScalarKernel {
    /// Which shrinkage: the identity outside [−λ, λ], or x moved toward 0 by λ.
    enum Variant: Sendable { case hard, soft }

    var lambda: Double
    var variant: Variant
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        if x > lambda { return variant == .soft ? x - lambda : x }
        if x < -lambda { return variant == .soft ? x + lambda : x }
        return x.isNaN ? x : 0
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let m = abs(x)
        let slope: Double = m > lambda ? 1 : m < lambda ? 0 : kink.pick(inside: 1, outside: 0)
        return Jet(value: value(at: x), derivative: slope, secondDerivative: 0)
    }
}
