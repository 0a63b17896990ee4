/// GELU, tanh approximation: ½x·(1 + tanh(√(2/π)·(x + 0.044715x³))).
///
/// ```
/// u = √(2/π)(x + κx³), v = 2u     f = x·σ(v)     (½(1 + tanh u) = σ(2u))
/// f′ = σ(v)·(1 + 2x·u′·σ(−v))     u′ = √(2/π)(1 + 3κx²)
/// f″ = σ′(v)·(4u′ + x·(2u″ − 4u′²·tanh(v/2)))     u″ = 6√(2/π)κx
/// ```
/// * x·σ(2u) has no `1 + tanh u` cancellation: every framework returns −0.0 below
///   x ≈ −7.35, where the true value is still about −1e-33.
/// * v is formed in double-double arithmetic with κ and 2√(2/π) to 106 bits: in the left
///   tail f ≈ x·e^v and an error in v is the relative error of f (2u = −87 at x = −10).
///   σ(±v) and every combination are double-double too, each result rounded once.
/// * Below v = −40, f, f′ and f″ are e^v times a polynomial factor, rounded once, so
///   they stay exact through the subnormal range.
/// * Taylor series about the zero of f′ (x ≈ −0.7525) and the zeros of f″ (x ≈ ±1.4185).
/// * transformers' gelu_fast writes √(2/π) as 0.7978845608: ``Form/truncated`` is that function,
///   with series about its own zeros (2.4e-12 from the others).
struct TanhApproximateGELU: FastPathKernel {
    /// The constant c standing for √(2/π), and the series about the zeros it gives f′ and f″.
    struct Form: Sendable {
        /// 2c to 106 bits.
        let twoC: DoubleDouble
        /// f′ about its zero, and f″ about its two.
        let slope, curvatureLeft, curvatureRight: RootSeries

        /// c = √(2/π), as the tanh form is defined.
        static let standard = Form(
            twoC: DoubleDouble(1.595_769_121_605_730_8, -9.969_308_809_110_92e-17),
            slope: RootSeries.geluTanhDerivative, curvatureLeft: RootSeries.geluTanhSecondDerivativeLeft,
            curvatureRight: RootSeries.geluTanhSecondDerivativeRight)

        /// c = 0.7978845608 exactly, transformers' `FastGELUActivation`.
        static let truncated = Form(
            twoC: DoubleDouble(1.5957691216, -6.224436219781637e-17),
            slope: RootSeries.geluFastDerivative, curvatureLeft: RootSeries.geluFastSecondDerivativeLeft,
            curvatureRight: RootSeries.geluFastSecondDerivativeRight)
    }

    /// κ = 0.044715 to 106 bits.
    static let kappa = DoubleDouble(0.044_715, 2.196_021_142_708_559_5e-18)

    /// Which constant stands for √(2/π).
    var form = Form.standard

    /// v = 2c(x + κx³) to about 106 bits, for |x| ≤ 1e100.
    @inline(__always)
    func argument(_ x: Double) -> DoubleDouble {
        let cube = DoubleDouble.product(x, x).times(x)
        return DoubleDouble(x).plus(cube.times(Self.kappa)).times(form.twoC)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        if abs(x) > 1e100 { return x > 0 ? x : -0.0 }
        let v = argument(x)
        if let fast = fast(x, v) { return fast.value }
        if v.hi < -700 { return DoubleDouble.scaledExp(v, times: DoubleDouble(x)) }
        return PreciseLogisticPair(v).positive.times(x).value
    }

    /// f and f′ from the fast path for |x| ≤ 1e100 (beyond, f is x or −0).
    @inline(__always)
    func fastValueAndSlope(at x: Double) -> (value: Double, slope: Double)? {
        abs(x) <= 1e100 ? fast(x, argument(x)) : nil
    }

    /// f = x·σ(v) and f′ = σ(v)·(1 + 2x·u′·σ(−v)) from ``FastPath/logistic(_:)`` and
    /// ``FastPath/selfGated(_:gate:_:)`` for |v| ≤ 650, where their bounds decide the rounding.
    ///
    /// v and u′ are double-double (to 2⁻¹⁰⁰), σ(±v) within 2⁻⁶²; x = ±0 (whose f keeps x's sign)
    /// goes the double-double way.
    @inline(__always)
    func fast(_ x: Double, _ v: DoubleDouble) -> (value: Double, slope: Double)? {
        guard x != 0, abs(v.hi) <= 650 else { return nil }
        let (s, n) = FastPath.logistic(v)
        let c = DoubleDouble(0.5 * form.twoC.hi, 0.5 * form.twoC.lo)
        let u1 = DoubleDouble.product(x, x).times(Self.kappa).times(3).plus(1).times(c)
        return FastPath.selfGated(x, gate: s, FastPath.product(u1.times(2 * x), n))
    }

    @inline(__always)
    func fullJet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if abs(x) > 1e100 {
            return Jet(selfGatedLimitAt: x)
        }
        let v = argument(x)
        let c = DoubleDouble(0.5 * form.twoC.hi, 0.5 * form.twoC.lo)
        let u1 = DoubleDouble.product(x, x).times(Self.kappa).times(3).plus(1).times(c)
        let u2 = c.times(Self.kappa).times(6).times(x)
        let twoXU1 = u1.times(2 * x)
        if v.hi < -700 {
            let first = twoXU1.plus(1)
            let second = u1.times(4).plus(u1.squared.times(4).plus(u2.times(2)).times(x))
            return Jet(
                value: DoubleDouble.scaledExp(v, times: DoubleDouble(x)),
                derivative: DoubleDouble.scaledExp(v, times: first),
                secondDerivative: DoubleDouble.scaledExp(v, times: second))
        }
        let s = PreciseLogisticPair(v)
        let slope: Double
        if form.slope.contains(x) {
            slope = form.slope.evaluate(x)
        } else {
            slope = twoXU1.times(s.negative).plus(1).times(s.positive).value
        }
        let curvature: Double
        if form.curvatureLeft.contains(x) {
            curvature = form.curvatureLeft.evaluate(x)
        } else if form.curvatureRight.contains(x) {
            curvature = form.curvatureRight.evaluate(x)
        } else if v.hi > 700 {
            let bend = u2.times(2).minus(u1.squared.times(4)).times(x)
            curvature = DoubleDouble.scaledExp(v.negated, times: u1.times(4).plus(bend))
        } else {
            // σ′(v)·(4u′ + x(2u″ − 4u′²·tanh(v/2))), tanh(v/2) = −balance
            let bend = u2.times(2).plus(u1.squared.times(s.balance).times(4)).times(x)
            curvature = u1.times(4).plus(bend).times(s.derivative).value
        }
        return Jet(value: s.positive.times(x).value, derivative: slope, secondDerivative: curvature)
    }
}
