/// Hard swish (hard SiLU): x·relu6(x + 3)/6.
///
/// ```
/// f = 0 (x ≤ −3), x(x + 3)/6, x (x ≥ 3)    f′ = 0, (2x + 3)/6, 1    f″ = 0, 1/3, 0
/// ```
/// The middle piece is the active one: at −3 and 3 the exclusive convention gives 0 and 1
/// (PyTorch ≥ 2.7, JAX, Keras). Near −3, x + 3 is exact (Sterbenz), so f keeps its
/// relative accuracy where it approaches 0.
struct HardSwish: ScalarKernel {
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        if x <= -3 { return 0 }
        if x >= 3 { return x }
        return DoubleDouble.sum(x, 3).times(x).divided(by: 6).value  // x(x + 3)/6, rounded once
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if x < -3 { return Jet(value: 0, derivative: 0, secondDerivative: 0) }
        if x > 3 { return Jet(value: x, derivative: 1, secondDerivative: 0) }
        let inside = DoubleDouble.sum(2 * x, 3).divided(by: 6).value
        if x == -3 || x == 3 {
            return Jet(
                value: value(at: x),
                derivative: kink.pick(inside: inside, outside: x < 0 ? 0 : 1),
                secondDerivative: kink.pick(inside: 1.0 / 3.0, outside: 0))
        }
        return Jet(value: value(at: x), derivative: inside, secondDerivative: 1.0 / 3.0)
    }

    /// x(x + 3)/6 and (2x + 3)/6 inside (−3, 3), exact where they are (so that a value on a
    /// midpoint is a true tie), else to about 100 bits.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard abs(x) < 3 else { return nil }
        let s = DoubleDouble.sum(x, 3)
        let product = s.lo == 0 ? DoubleDouble.product(s.hi, x) : s.times(x)
        let value = PreciseJet.quotient(product, 6)
        let slope = PreciseJet.quotient(DoubleDouble.sum(2 * x, 3), 6)
        let error = s.lo == 0 ? value.error : Swift.max(value.error, 0x1p-100 * abs(value.value.hi))
        return PreciseJet(value: value.value, derivative: slope.value, error: (error, slope.error))
    }
}

extension CatalogEntry {
    /// Hard swish (hard SiLU).
    public static let hardSwish = CatalogEntry(
        name: "hard_swish", family: .selfGated, aliases: ["hardswish", "hard_silu", "hardsilu"],
        formula: "f(x) = x*relu6(x + 3)/6",
        notes: """
            A piecewise-quadratic SiLU for mobile networks (MobileNetV3): no exponential. \
            PyTorch before 2.7 gave f′(±3) = −0.5 and 1.5; now 0 and 1.
            """,
        hasKinks: true, smoothness: { _ in .continuous }, corners: { _ in [-3, 3] },
        naive: { _ in
            NaiveFormula(
                value: "x*min(max(x + 3, 0), 6)/6",
                derivative: "max(sign(x + 3), 0)*(min(max(x + 3, 0), 6)/6 + x*max(sign(3 - x), 0)/6)")
        },
        makeKernel: { a in HardSwish(kink: a.kink) })
}
