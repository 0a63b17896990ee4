/// Hard Mish (timm): ½x·clamp(x + 2, 0, 2), a piecewise-quadratic Mish.
///
/// ```
/// x < −2: f = 0           f′ = 0        f″ = 0
/// −2 ≤ x ≤ 0: f = ½x² + x  f′ = x + 1    f″ = 1
/// x > 0: f = x            f′ = 1        f″ = 0
/// ```
/// ½x² + x is an exact double-double sum rounded once, and x + 1 one rounding, so f and f′ are
/// correctly rounded. f′ jumps at −2 (from 0 to −1) and f″ at −2 and 0; the middle piece is the
/// active one (timm's clamp passes the gradient on the closed interval: inclusive).
struct HardMish: ScalarKernel {
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        if x > 0 { return x }
        if x < -2 { return 0 }
        return x.isNaN ? x : DoubleDouble.product(x, x).times(0.5).plus(x).value
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let f = value(at: x)
        if x > 0 { return Jet(value: f, derivative: 1, secondDerivative: 0) }
        if x < -2 { return Jet(value: 0, derivative: 0, secondDerivative: 0) }
        if x == -2 {
            return Jet(
                value: f, derivative: kink.pick(inside: -1, outside: 0),
                secondDerivative: kink.pick(inside: 1, outside: 0))
        }
        return Jet(
            value: f, derivative: x + 1, secondDerivative: x == 0 ? kink.pick(inside: 1, outside: 0) : 1)
    }

    /// ½x² + x and x + 1 exactly, in the middle piece.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard x >= -2, x <= 0 else { return nil }
        return PreciseJet(
            value: DoubleDouble.product(x, x).times(0.5).plus(x), derivative: DoubleDouble.sum(x, 1),
            error: (0, 0))
    }
}

extension CatalogEntry {
    /// Hard Mish, timm's piecewise-quadratic Mish.
    public static let hardMish = CatalogEntry(
        name: "hard_mish", family: .selfGated, aliases: ["hardmish"],
        formula: "f(x) = 0.5*x*clamp(x + 2, 0, 2)",
        notes: """
            Hard Mish (timm's hard_mish, after the Mish author's "H-Mish"): Mish with its gate \
            replaced by a clamped line, as hard swish replaces SiLU's. 0 below −2, the identity \
            above 0, a parabola between with its minimum −0.5 at −1. Cheap and quantisation \
            friendly; f′ jumps from 0 to −1 at −2.
            """,
        hasKinks: true, smoothness: { _ in .continuous }, corners: { _ in [-2, 0] },
        naive: { _ in
            NaiveFormula(
                value: "0.5*x*min(max(x + 2, 0), 2)",
                derivative: "0.5*min(max(x + 2, 0), 2) + 0.5*x*max(sign(x + 2), 0)*max(sign(-x), 0)")
        },
        makeKernel: { a in HardMish(kink: a.kink) })
}
