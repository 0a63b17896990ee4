/// Squared ReLU: max(0, x)².
///
/// ```
/// f = x² (x > 0), 0    f′ = 2x, 0    f″ = 2, 0
/// ```
/// x·x is one rounding, so f is correctly rounded everywhere: it underflows to 0 below
/// x ≈ 1.5e-162, where x² is less than half the smallest subnormal, and overflows honestly to +∞
/// above x ≈ 1.34e154; 2x is exact. f and f′ are continuous at 0, f″ jumps from 0 to 2 there
/// and follows the kink convention with x > 0 active: 0 when exclusive, which is what autograd
/// gives for `relu(x)**2` (2·relu′(0)² = 0).
struct SquaredRectifier: ScalarKernel {
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        x > 0 ? x * x : x.isNaN ? x : 0
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x > 0 { return Jet(value: x * x, derivative: 2 * x, secondDerivative: 2) }
        if x.isNaN { return Jet(nan: x) }
        let curvature = x < 0 ? 0 : kink.pick(inside: 2, outside: 0)
        return Jet(value: 0, derivative: 0, secondDerivative: curvature)
    }

    /// x² (exact, as a double-double) and 2x for x > 0: a square on a midpoint is a true tie.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard x > 0, x * x < .infinity else { return nil }
        return PreciseJet(
            value: DoubleDouble.product(x, x), derivative: DoubleDouble(2 * x), relativeError: 0)
    }
}

extension CatalogEntry {
    /// Squared ReLU (Primer), max(0, x)².
    public static let squaredReLU = CatalogEntry(
        name: "squared_relu", family: .rectifier, aliases: ["relu_squared"], formula: "f(x) = max(0, x)^2",
        notes: """
            ReLU squared (So et al. 2021, "Primer"): the feed-forward activation found best for \
            transformer language models in Primer's search, and used in modded-nanogpt. Zero \
            with zero slope for x < 0 like ReLU, but its f′ = 2·max(0, x) is continuous; f″ \
            jumps from 0 to 2 at 0. Unbounded and growing like x², so large inputs grow fast.
            """,
        hasKinks: true, smoothness: { _ in .differentiable }, corners: { _ in [0] },
        naive: { _ in NaiveFormula(value: "max(x, 0)^2", derivative: "2*max(x, 0)") },
        makeKernel: { a in SquaredRectifier(kink: a.kink) })
}
