/// JAX's sparse plus: a quadratic bridge between 0 and the identity.
///
/// ```
/// f = 0 (x ≤ −1), (x + 1)²/4, x (x ≥ 1)    f′ = 0, (x + 1)/2, 1    f″ = 0, 1/2, 0
/// ```
/// f′ is continuous; f″ jumps at ±1 and follows the kink convention there (middle active).
/// Near −1, x + 1 is exact, so the small values keep their relative accuracy.
struct SparsePlus: ScalarKernel {
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        if x <= -1 { return 0 }
        if x >= 1 { return x }
        return DoubleDouble.sum(x, 1).squared.value * 0.25  // (x + 1)²/4, rounded once
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if x < -1 { return Jet(value: 0, derivative: 0, secondDerivative: 0) }
        if x > 1 { return Jet(value: x, derivative: 1, secondDerivative: 0) }
        let curvature = abs(x) < 1 ? 0.5 : kink.pick(inside: 0.5, outside: 0)
        return Jet(value: value(at: x), derivative: (x + 1) * 0.5, secondDerivative: curvature)
    }

    /// (x + 1)²/4 and (x + 1)/2 inside (−1, 1): exact where x + 1 is a double (so a value on a
    /// midpoint is a true tie), else to about 104 bits.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard abs(x) < 1 else { return nil }
        let s = DoubleDouble.sum(x, 1)
        let square = s.lo == 0 ? DoubleDouble.product(s.hi, s.hi) : s.squared
        let error = s.lo == 0 ? 0 : 0x1p-100 * square.hi
        return PreciseJet(value: square.times(0.25), derivative: s.times(0.5), error: (error, 0))
    }
}

extension CatalogEntry {
    /// JAX's sparse plus.
    public static let sparsePlus = CatalogEntry(
        name: "sparse_plus", family: .smoothRectifier, aliases: ["sparseplus"],
        formula: "f(x) = 0 if x <= -1, (x + 1)^2/4 if -1 < x < 1, x if x >= 1",
        notes: """
            A softplus with exact zeros below −1 (JAX, Keras): sparse outputs with a \
            continuous derivative, which is sparse_sigmoid.
            """,
        hasKinks: true, smoothness: { _ in .differentiable }, corners: { _ in [-1, 1] },
        naive: { _ in
            // JAX's where(x <= -1, 0, where(x >= 1, x, (x + 1)²/4)), the middle bounded so that
            // it is finite where it is not chosen.
            let (inside, middle) = (NaiveFormula.step("1 - x"), "min(max(x + 1, 0), 2)")
            return NaiveFormula(
                value: "\(inside)*\(middle)^2/4 + (1 - \(inside))*max(x, 1)",
                derivative: "\(inside)*\(middle)/2 + (1 - \(inside))")
        },
        makeKernel: { a in SparsePlus(kink: a.kink) })
}
