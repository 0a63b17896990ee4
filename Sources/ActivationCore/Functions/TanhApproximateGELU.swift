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
/// * Below v = −40, f, f′ and f″ are e^v times a polynomial factor, rounded once, so
///   they stay exact through the subnormal range.
/// * Taylor series about the zero of f′ (x ≈ −0.7525) and the zeros of f″ (x ≈ ±1.4185).
struct TanhApproximateGELU: ScalarKernel {
    /// √(2/π).
    static let c = 0.797_884_560_802_865_4
    /// κ = 0.044715 to 106 bits.
    static let kappa = DoubleDouble(0.044_715, 2.196_021_142_708_559_5e-18)
    /// 2√(2/π) to 106 bits.
    static let twoC = DoubleDouble(1.595_769_121_605_730_8, -9.969_308_809_110_92e-17)

    /// v = 2√(2/π)(x + κx³) to about 106 bits, for |x| ≤ 1e100.
    @inline(__always)
    static func argument(_ x: Double) -> DoubleDouble {
        let cube = DoubleDouble.product(x, x).times(x)
        return DoubleDouble(x).plus(cube.times(kappa)).times(twoC)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        if abs(x) > 1e100 { return x > 0 ? x : -0.0 }
        let v = Self.argument(x)
        if v.hi < -40 { return scaledExp(v.hi, times: x * (1 + v.lo)) }
        return x * LogisticPair(v).positive
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if abs(x) > 1e100 {
            return Jet(selfGatedLimitAt: x)
        }
        let c = Self.c
        let v = Self.argument(x)
        let kappa = Self.kappa.hi
        let u1 = c * (1 + 3 * kappa * x * x)
        let u2 = 6 * c * kappa * x
        if v.hi < -40 {
            let e = 1 + v.lo
            return Jet(
                value: scaledExp(v.hi, times: x * e),
                derivative: scaledExp(v.hi, times: e * (1 + 2 * x * u1)),
                secondDerivative: scaledExp(v.hi, times: e * (4 * u1 + x * (4 * u1 * u1 + 2 * u2))))
        }
        let s = LogisticPair(v)
        let slope: Double
        if RootSeries.geluTanhDerivative.contains(x) {
            slope = RootSeries.geluTanhDerivative.evaluate(x)
        } else {
            slope = s.positive * (1 + 2 * x * u1 * s.negative)
        }
        let curvature: Double
        if RootSeries.geluTanhSecondDerivativeLeft.contains(x) {
            curvature = RootSeries.geluTanhSecondDerivativeLeft.evaluate(x)
        } else if RootSeries.geluTanhSecondDerivativeRight.contains(x) {
            curvature = RootSeries.geluTanhSecondDerivativeRight.evaluate(x)
        } else if v.hi > 40 {
            curvature = scaledExp(-v.hi, times: (1 - v.lo) * (4 * u1 + x * (2 * u2 - 4 * u1 * u1)))
        } else {
            curvature = s.derivative * (4 * u1 + x * (2 * u2 - 4 * u1 * u1 * tanh(0.5 * v.hi)))
        }
        return Jet(value: x * s.positive, derivative: slope, secondDerivative: curvature)
    }
}
