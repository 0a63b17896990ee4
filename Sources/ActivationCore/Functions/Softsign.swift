/// Softsign: x/(1 + |x|).
///
/// ```
/// f = x/(1 + |x|)    f′ = 1/(1 + |x|)²    f″ = −2·sgn(x)/(1 + |x|)³
/// ```
/// Powers of r = 1/(1 + |x|) never overflow, so f′ and f″ fall smoothly to 0 for huge |x|;
/// 1 + |x| and r are double-double, so each result is rounded once.
/// f″ jumps from 2 to −2 at 0, where it is reported as 0, the mean of both sides.
struct Softsign: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isInfinite { return x > 0 ? 1 : -1 }
        if abs(x) > 0x1p1000 { return x / abs(x) - 1 / x }  // ±1 ∓ 1/x: 1 + |x| would round to |x|
        return DoubleDouble(x).divided(by: DoubleDouble.sum(1, abs(x))).value
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if x.isInfinite { return Jet(value: x > 0 ? 1 : -1, derivative: 0, secondDerivative: 0) }
        let sign: Double = x > 0 ? 1 : x < 0 ? -1 : 0
        if abs(x) > 0x1p500 {  // r² and r³ underflow in double-double's low part; their leading terms
            let r = 1 / abs(x)
            return Jet(value: value(at: x), derivative: r * r, secondDerivative: -2 * sign * (r * r) * r)
        }
        let r = DoubleDouble.sum(1, abs(x)).reciprocal
        let d = r.squared
        let curvature = d.times(r).times(-2 * sign)
        return Jet(value: value(at: x), derivative: d.value, secondDerivative: curvature.value)
    }

    /// x/(1 + |x|) and 1/(1 + |x|)² in double-double, to about 100 bits.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard x.isFinite, abs(x) <= 0x1p500 else { return nil }
        let denominator = DoubleDouble.sum(1, abs(x))
        return PreciseJet(
            value: DoubleDouble(x).divided(by: denominator), derivative: denominator.reciprocal.squared,
            relativeError: 0x1p-100)
    }
}

extension CatalogEntry {
    /// Softsign, x/(1 + |x|).
    public static let softsign = CatalogEntry(
        name: "softsign", family: .sigmoidal, aliases: ["soft_sign"], formula: "f(x) = x/(1 + |x|)",
        notes: """
            A tanh-like function with polynomial tails: it saturates much more slowly \
            than tanh (f′ ~ 1/x²), and needs no exponential.
            """,
        smoothness: { _ in .differentiable }, corners: { _ in [0] },
        naive: { _ in NaiveFormula(value: "x/(1 + abs(x))", derivative: "1/(1 + abs(x))^2") },
        makeKernel: { _ in Softsign() })
}
