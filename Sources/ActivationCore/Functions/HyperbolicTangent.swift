/// The hyperbolic tangent.
///
/// ```
/// f = tanh x    f′ = sech²x = 4u/(1 + u)², u = e^{−2|x|}    f″ = −2·tanh x·sech²x
/// ```
/// `1 − tanh²x` is 0 for |x| ≥ 19.1 where the true f′ is still 1e-16. tanh x = −(σ(−2x) −
/// σ(2x)) and sech²x = 4σ(2x)σ(−2x) come from ``PreciseLogisticPair`` at 2x, in
/// double-double, so f′ keeps full relative accuracy down to its underflow at |x| ≈ 372 and
/// every result is rounded once; beyond |x| = 350 and below 2⁻²⁷ the double formulas are exact.
struct HyperbolicTangent: FastPathKernel {
    @inline(__always)
    func value(at x: Double) -> Double {
        if abs(x) >= 0.5 && abs(x) <= 20, let f = Self.fast(x)?.value { return f }
        if abs(x) < 0x1p-27 { return Self.smallTanh(x) }
        if abs(x) > 20 || x.isNaN { return tanh(x) }  // ±(1 − 2e^{−2|x|}), correctly rounded
        return PreciseLogisticPair(2 * x).balance.negated.value
    }

    /// f and f′ from the fast path for 0.5 ≤ |x| ≤ 325.
    @inline(__always)
    func fastValueAndSlope(at x: Double) -> (value: Double, slope: Double)? {
        abs(x) >= 0.5 && abs(x) <= 325 ? Self.fast(x) : nil
    }

    /// tanh x and sech²x from ``FastPath/logistic(_:)`` for 0.5 ≤ |x| ≤ 325.
    ///
    /// tanh|x| = σ(2|x|) − σ(−2|x|) and sech²x = 4σ(2|x|)σ(−2|x|), where the difference, at least 0.46, is within 2⁻⁶² of the truth
    /// and the product within 2⁻⁶¹ of it relatively; nil where that does not decide the rounding.
    @inline(__always)
    static func fast(_ x: Double) -> (value: Double, slope: Double)? {
        fastJet(x).map { ($0.value, $0.derivative) }
    }

    /// ``fast(_:)``'s f and f′, with f″ = −2·tanh x·sech²x from the same pieces (each within
    /// 2⁻⁶⁰ relative, the product rounded once).
    @inline(__always)
    static func fastJet(_ x: Double) -> Jet? {
        let (s, n) = FastPath.logistic(2 * abs(x))
        let t = DoubleDouble.quickSum(s.hi, -n.hi)
        let tanh = DoubleDouble(t.hi, t.lo + (s.lo - n.lo))
        let d = FastPath.product(s, n)
        guard let value = FastPath.decided(tanh.hi, tanh.lo, error: 0x1p-60),
            let slope = FastPath.decided(4 * d.hi, 4 * d.lo, error: 0x1p-59 * d.hi)
        else { return nil }
        let c = FastPath.product(tanh, d)
        let curvature = -8 * (c.hi + c.lo)
        return x < 0
            ? Jet(value: -value, derivative: slope, secondDerivative: -curvature)
            : Jet(value: value, derivative: slope, secondDerivative: curvature)
    }

    /// tanh x = x − x³/3 + … for |x| < 2⁻²⁷, rounded once (the C library's x·(1 + x) is an ulp
    /// low for negative x).
    @inline(__always)
    private static func smallTanh(_ x: Double) -> Double { x.addingProduct(x * x * x, -1.0 / 3) }

    /// f, f′ and f″ from the fast path where it decides f and f′, else from the double-double
    /// evaluation: the bits ``valueAndSlope(at:)`` gives.
    @inline(__always)
    func jet(at x: Double) -> Jet {
        if abs(x) >= 0.5 && abs(x) <= 325, let jet = Self.fastJet(x) { return jet }
        return fullJet(at: x)
    }

    @inline(__always)
    func fullJet(at x: Double) -> Jet {
        if abs(x) > 350 && x.isFinite {  // ±1, 4e^{−2|x|} and ∓8e^{−2|x|}, rounded once (subnormal from 354)
            let tail = DoubleDouble(-2 * abs(x))
            return Jet(
                value: x > 0 ? 1 : -1, derivative: DoubleDouble.scaledExp(tail, times: DoubleDouble(4)),
                secondDerivative: DoubleDouble.scaledExp(tail, times: DoubleDouble(x > 0 ? -8 : 8)))
        }
        if abs(x) > 350 || abs(x) < 0x1p-27 || x.isNaN {
            let t = abs(x) < 0x1p-27 ? Self.smallTanh(x) : tanh(x)
            let d = hyperbolicSecantSquared(x)
            return Jet(value: t, derivative: d, secondDerivative: -2 * t * d)
        }
        let s = PreciseLogisticPair(2 * x)
        let t = s.balance.negated
        let d = s.derivative.times(4)
        return Jet(value: t.value, derivative: d.value, secondDerivative: t.times(d).times(-2).value)
    }

    /// tanh and sech² beyond double precision for |x| ≤ 350: below 2⁻²⁷ the series x − x³/3
    /// and 1 − x² (the next terms below 2⁻¹⁰⁰ of them), elsewhere the double-double pair at 2x,
    /// to 2⁻⁷⁰ relative (e^{−2|x|} is good to about 2⁻⁷⁵, and tanh cancels at most 2 bits of it);
    /// from |x| = 375, where 4e^{−2|x|} < 2⁻¹⁰⁷⁹, ±1 and 0, each within the least subnormal.
    func preciseJet(at x: Double) -> PreciseJet? {
        if abs(x) >= 375 && !x.isNaN {
            return PreciseJet(
                value: DoubleDouble(x > 0 ? 1 : -1), derivative: DoubleDouble(0),
                error: (0x1p-1074, 0x1p-1074))
        }
        guard abs(x) <= 350 else { return nil }
        if abs(x) < 0x1p-27 {
            let square = x * x
            return PreciseJet(
                value: DoubleDouble(x, -square * x / 3), derivative: DoubleDouble(1, -square),
                relativeError: 0x1p-100)
        }
        let s = PreciseLogisticPair(2 * x)
        return PreciseJet(value: s.balance.negated, derivative: s.derivative.times(4), relativeError: 0x1p-70)
    }
}

extension HyperbolicTangent: LaneKernel {
    /// ``fast(_:)`` per lane, for 0.5 ≤ |x| ≤ 325.
    @inline(__always)
    func fastLanes(_ x: Lanes, table: UnsafeBufferPointer<DoubleDouble>) -> (
        value: Lanes, slope: Lanes, decided: LaneMask
    ) {
        let a = FastLanes.magnitude(x)
        let (s, n) = FastLanes.logistic(2 * a, table: table)
        let th = s.hi - n.hi
        let tanh = FastLanes.Pair(hi: th, lo: (-n.hi - (th - s.hi)) + (s.lo - n.lo))
        let d = FastLanes.product(s, n)
        let f = FastLanes.decided(tanh.hi, tanh.lo, error: Lanes(repeating: 0x1p-60))
        let slope = FastLanes.decided(4 * d.hi, 4 * d.lo, error: 0x1p-59 * d.hi)
        let inside = (a .>= 0.5) .& (a .<= 325)
        return (
            f.value.replacing(with: -f.value, where: x .< 0), slope.value,
            f.decided .& slope.decided .& inside
        )
    }
}

extension CatalogEntry {
    /// The hyperbolic tangent.
    public static let tanh = CatalogEntry(
        name: "tanh", family: .sigmoidal, aliases: ["hyperbolic_tangent"],
        formula: "f(x) = tanh x = (e^x - e^-x)/(e^x + e^-x)",
        notes: """
            Zero-centred sigmoid with f′(0) = 1: the classic choice for recurrent \
            networks and small MLPs. Saturates (f′ < 1e-3 beyond |x| ≈ 4.1), so deep \
            feed-forward stacks prefer ReLU-like functions.
            """,
        smoothness: { _ in .smooth },
        torchGain: { _ in (5.0 / 3, "5/3, chosen by experiment, not 1/√E[f²]") },
        naive: { _ in NaiveFormula(value: "tanh(x)", derivative: "1 - y^2") },
        makeKernel: { _ in HyperbolicTangent() })
}
